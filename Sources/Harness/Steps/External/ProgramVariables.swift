import Foundation
import Partners

/// The environment variables an external program or service under test gets: where the
/// scenario's mocks are, the credentials they accept, and where to write its files.
///
/// | Variable | Value |
/// |---|---|
/// | `BIFROST_IMT_ORIGIN`, `BIFROST_IMT_API_URL` | the mock IMT's data host `http://127.0.0.1:<port>`, its data API (`…/webpayments/3401/api`) |
/// | `BIFROST_IMT_AUTH_ORIGIN`, `BIFROST_IMT_AUTH_URL` | its auth host `http://localhost:<port>` (another host, as IMT's), its auth API (`…/auth/3401/api`) |
/// | `BIFROST_IMT_USERNAME`, `BIFROST_IMT_PASSWORD` | the first user of the scenario's `imt.users`, by name |
/// | `BIFROST_IMT2_…` | the same for the second instance (`imt2:`) |
/// | `BIFROST_IC_ORIGIN`, `BIFROST_IC_URL` | the mock IC, its CloudInvoicing endpoint (`…/portal/webservices/CloudInvoicing.asmx`) |
/// | `BIFROST_IC_BILLER_GUID`, `BIFROST_IC_WEB_SERVICE_KEY` | the first biller of the scenario's `ic.billers` |
/// | `BIFROST_OUTPUT_DIR` | an empty folder for the files the step compares (`outputs:`) |
/// | `BIFROST_SCENARIO_DIR`, `BIFROST_CLOCK` | the scenario file's folder, the scenario's clock (ISO 8601) |
/// | `BIFROST_CA_FILE` | with `tls: true`, the PEM certificate of the run's test CA, which signed the mocks' certificate |
/// | `BIFROST_SERVICE_<NAME>_URL`, `…_PORT` | each service under test (`services:`), its name upper-cased with `-` as `_` |
enum ProgramVariables {
    static func of(_ context: ScenarioContext, outputFolder: String?) -> [String: String] {
        var variables = [
            "BIFROST_SCENARIO_DIR": context.scenario.folder,
            "BIFROST_CLOCK": context.clock.text,
        ]
        if let outputFolder { variables["BIFROST_OUTPUT_DIR"] = outputFolder }
        if let caFile = context.caFile { variables["BIFROST_CA_FILE"] = caFile }
        for (prefix, endpoint, state) in [
            ("BIFROST_IMT", context.imt, context.scenario.imt), ("BIFROST_IMT2", context.imt2, context.scenario.imt2),
        ] {
            guard let endpoint else { continue }
            let user = state?.users.min(by: { $0.key < $1.key })
            variables.merge(
                Self.imt(
                    prefix: prefix, origin: endpoint.origin, authOrigin: endpoint.authOrigin,
                    authPath: endpoint.mock.authPath, apiPath: endpoint.mock.apiPath, user: user.map { ($0.key, $0.value) })
            ) { $1 }
        }
        if let ic = context.ic {
            let biller = context.scenario.ic?.billers.first
            variables.merge(Self.ic(origin: ic.origin, biller: biller.map { ($0.guid, $0.webServiceKey) })) { $1 }
        }
        for service in context.services {
            let name = "BIFROST_SERVICE_" + service.name.uppercased().replacingOccurrences(of: "-", with: "_")
            variables[name + "_URL"] = "http://127.0.0.1:\(service.port)"
            variables[name + "_PORT"] = "\(service.port)"
        }
        return variables
    }

    /// The variables of an IMT whose data API is at `origin` and auth API at `authOrigin` (the same
    /// host unless given), `BIFROST_IMT_…` or `BIFROST_IMT2_…` by `prefix`, and its user if any.
    static func imt(
        prefix: String = "BIFROST_IMT", origin: String, authOrigin: String? = nil, authPath: String, apiPath: String,
        user: (name: String, password: String)?
    ) -> [String: String] {
        let authOrigin = authOrigin ?? origin
        var variables = [
            prefix + "_ORIGIN": origin, prefix + "_AUTH_ORIGIN": authOrigin, prefix + "_AUTH_URL": authOrigin + authPath,
            prefix + "_API_URL": origin + apiPath,
        ]
        if let user {
            variables[prefix + "_USERNAME"] = user.name
            variables[prefix + "_PASSWORD"] = user.password
        }
        return variables
    }

    /// The variables of an IC at `origin`, and its biller if any.
    static func ic(origin: String, biller: (guid: String, key: String)?) -> [String: String] {
        var variables = ["BIFROST_IC_ORIGIN": origin, "BIFROST_IC_URL": origin + ICMock.cloudInvoicingPath]
        if let biller {
            variables["BIFROST_IC_BILLER_GUID"] = biller.guid
            variables["BIFROST_IC_WEB_SERVICE_KEY"] = biller.key
        }
        return variables
    }

    /// `text` with the run's own values (mock origins, the output folder) put back as placeholders,
    /// so that what a program prints compares the same from run to run.
    static func placeholders(in text: String, _ context: ScenarioContext, outputFolder: String?) -> String {
        var text = text
        if let outputFolder { text = text.replacingOccurrences(of: outputFolder, with: "{output}") }
        let origins: [(origin: String?, placeholder: String)] = [
            (context.imt?.origin, "{imt.origin}"), (context.imt?.authOrigin, "{imt.auth-origin}"),
            (context.imt2?.origin, "{imt2.origin}"), (context.imt2?.authOrigin, "{imt2.auth-origin}"),
            (context.ic?.origin, "{ic.origin}"),
        ]
        for case let (origin?, placeholder) in origins { text = text.replacingOccurrences(of: origin, with: placeholder) }
        for service in context.services {
            text = text.replacingOccurrences(of: "http://127.0.0.1:\(service.port)", with: "{service.\(service.name)}")
        }
        return text
    }
}
