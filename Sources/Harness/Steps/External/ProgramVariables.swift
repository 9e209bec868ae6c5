import Foundation
import Partners

/// The environment variables an external program or service under test gets: where the
/// scenario's mocks are, the credentials they accept, and where to write its files.
///
/// | Variable | Value |
/// |---|---|
/// | `BIFROST_IMT_ORIGIN`, `BIFROST_IMT_AUTH_URL`, `BIFROST_IMT_API_URL` | the mock IMT: `http://127.0.0.1:<port>`, its auth API (`…/auth/3401/api`), its data API (`…/webpayments/3401/api`) |
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
            variables[prefix + "_ORIGIN"] = endpoint.origin
            variables[prefix + "_AUTH_URL"] = endpoint.origin + endpoint.mock.authPath
            variables[prefix + "_API_URL"] = endpoint.origin + endpoint.mock.apiPath
            if let user = state?.users.min(by: { $0.key < $1.key }) {
                variables[prefix + "_USERNAME"] = user.key
                variables[prefix + "_PASSWORD"] = user.value
            }
        }
        if let ic = context.ic {
            variables["BIFROST_IC_ORIGIN"] = ic.origin
            variables["BIFROST_IC_URL"] = ic.origin + ICMock.cloudInvoicingPath
            if let biller = context.scenario.ic?.billers.first {
                variables["BIFROST_IC_BILLER_GUID"] = biller.guid
                variables["BIFROST_IC_WEB_SERVICE_KEY"] = biller.webServiceKey
            }
        }
        for service in context.services {
            let name = "BIFROST_SERVICE_" + service.name.uppercased().replacingOccurrences(of: "-", with: "_")
            variables[name + "_URL"] = "http://127.0.0.1:\(service.port)"
            variables[name + "_PORT"] = "\(service.port)"
        }
        return variables
    }

    /// `text` with the run's own values (mock origins, the output folder) put back as placeholders,
    /// so that what a program prints compares the same from run to run.
    static func placeholders(in text: String, _ context: ScenarioContext, outputFolder: String?) -> String {
        var text = text
        if let outputFolder { text = text.replacingOccurrences(of: outputFolder, with: "{output}") }
        for (name, origin) in [("imt", context.imt?.origin), ("imt2", context.imt2?.origin), ("ic", context.ic?.origin)] {
            if let origin { text = text.replacingOccurrences(of: origin, with: "{\(name).origin}") }
        }
        for service in context.services {
            text = text.replacingOccurrences(of: "http://127.0.0.1:\(service.port)", with: "{service.\(service.name)}")
        }
        return text
    }
}
