import Flows
import Foundation
import MockTLS
import Partners
import Support
import Transport
import Wire

/// Runs one scenario against fresh in-process mocks and collects its outputs.
///
/// The mocks a scenario has (`imt:`, `imt2:`, `ic:` blocks, or a step that needs the IMT)
/// serve on loopback ports of their own while the steps run in order; each step gets what
/// its `needs` name, and what it returns becomes one element of `result.json`'s `steps`.
/// IC's exchanges with an endpoint that is none of the mocks (settings pointing at a real partner)
/// are journaled too, as partner `external` (`ClientJournal`).
struct ScenarioExecution {
    let scenario: Scenario
    let client: HTTPClient
    /// Whether every output is wanted (`--keep-artifacts`), or only the journal and the golden ones.
    var keepsEveryOutput = true

    /// What a run produced: the outputs by golden file (`journal.json`, `result.json`, the mocks'
    /// states, files the steps wrote), secrets scrubbed, and what failed whatever the golden files say.
    struct Outcome {
        var outputs: [Scenario.GoldenOutput: OutputValue]
        /// A service under test that did not start, was not ready, or ended early.
        var failures: [String]
    }

    func run() async throws -> Outcome {
        let journal = Journal()
        let imt = IMTMock(state: scenario.imt ?? IMTState(), journal: journal, partner: "imt")
        let imt2 = scenario.imt2.map { IMTMock(state: $0, journal: journal, partner: "imt2") }
        // Golden files show the IC's payment page and payment ids: derived, the same on every run.
        let ic = scenario.ic.map { ICMock(state: $0, journal: journal, ids: .derived) }
        // tls: a test CA made for the run; its certificate in a file the run's clients and programs trust.
        let authority = try scenario.tls ? TestCertificateAuthority() : nil
        let caFile = try authority.map { authority in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("bifrost-ca-\(UUID().uuidString).pem").path
            try authority.certificatePEM.write(toFile: file, atomically: true, encoding: .utf8)
            return file
        }
        defer { if let caFile { try? FileManager.default.removeItem(atPath: caFile) } }
        var served: [(name: String, handler: MockServer.Handler)] = []
        let servesIMT = scenario.imt != nil || scenario.steps.contains { $0.needs.contains(.imt) }
        // Each IMT serves its auth and data APIs on two origins, as IMT's two hosts do.
        if servesIMT {
            for (name, mock) in [("imt", imt), ("imt2", imt2)] {
                guard let mock else { continue }
                served.append((name, .init(mock.handle(serving: .data), maximumBodySize: IMTMock.maximumBodySize)))
                served.append(
                    (name + ".auth", .init(mock.handle(serving: .auth), maximumBodySize: IMTMock.maximumBodySize)))
            }
        }
        if let ic {
            served.append(("ic", .init(ic.handle, maximumBodySize: ICMock.maximumBodySize, oversized: ICMock.oversized)))
        }

        if let authority {
            for index in served.indices { served[index].handler.wrapping = authority.tls.server }
        }
        let scheme = authority == nil ? "http" : "https"
        var (icClient, serviceClient) = (scenarioClient, client)
        if let caFile { (icClient.configuration.caFile, serviceClient.configuration.caFile) = (caFile, caFile) }
        var (context, failures) = try await MockServer.withRunning(served.map(\.handler)) { ports in
            // The auth API's host is `localhost`, the data API's `127.0.0.1`: two hosts, so a cookie
            // jar keyed by host does not carry the session cookie from one to the other.
            let origins = Dictionary(
                uniqueKeysWithValues: zip(
                    served.map(\.name),
                    zip(served, ports).map { "\(scheme)://\($0.0.name.hasSuffix(".auth") ? "localhost" : "127.0.0.1"):\($0.1)" }))
            var settings = scenario.settings
            for (name, mock) in [("imt", imt), ("imt2", imt2)] {
                if let mock, let origin = origins[name], let authOrigin = origins[name + ".auth"] {
                    settings = Self.filling(settings, mock: name, origin: origin, authOrigin: authOrigin, mock)
                }
            }
            var context = ScenarioContext(
                scenario: scenario, journal: journal,
                imt: origins["imt"].map { .init(mock: imt, origin: $0, authOrigin: origins["imt.auth"]) },
                imt2: imt2.flatMap { mock in
                    origins["imt2"].map { .init(mock: mock, origin: $0, authOrigin: origins["imt2.auth"]) }
                },
                ic: ic.flatMap { mock in origins["ic"].map { .init(mock: mock, origin: $0) } },
                caller: IMTCaller(
                    settings: AdvancedSettings(settings), routing: scenario.routing,
                    client: icClient.observed(by: ClientJournal(journal, mockOrigins: Array(origins.values)))))
            context.caFile = caFile
            var results: [JSONValue] = []
            let services = await ServicesUnderTest.start(scenario.services, in: &context, client: serviceClient)
            if services.failures.isEmpty {
                for step in scenario.steps { results.append(await StepRunner.run(step, in: &context)) }
            }
            let (reports, failures) = await services.stop()
            var result: [JSONValue.Member] = [
                .init("scenario", .string(scenario.name)), .init("profile", .string(scenario.profile.rawValue)),
                .init("clock", .string(scenario.clock.text)), .init("steps", .array(results)),
            ]
            if !scenario.services.isEmpty { result.append(.init("services", StepRunner.encoded(reports))) }
            context.outputs[.result] = .json(.object(result))
            return (context, failures + context.failures)
        }
        let wanted = { (output: Scenario.GoldenOutput) in
            keepsEveryOutput || output == .journal || output == .result || scenario.golden.contains(output)
        }
        context.outputs[.journal] = .json(journal.json)
        if wanted(.imtState) { context.outputs[.imtState] = .json(imt.stateJSON) }
        if let imt2, wanted(.imt2State) { context.outputs[.imt2State] = .json(imt2.stateJSON) }
        if let ic {
            if wanted(.icState) { context.outputs[.icState] = .json(ic.stateJSON) }
            if wanted(.icImport) { context.outputs[.icImport] = .bif((try? ic.importFile(date: scenario.clock.day).bytes) ?? []) }
        }
        for name in scenario.steps.flatMap(\.outputs) {
            if let bytes = context.files[name] { context.outputs[Scenario.GoldenOutput(fileName: name)] = .bif(bytes) }
        }
        let scrubber = SecretScrubber(secrets: scenario.secrets + (ic?.issuedSecrets ?? []))
        let placeholders = OriginPlaceholders(context)
        let outputs = context.outputs.filter { wanted($0.key) }.mapValues { placeholders.apply(to: scrubber.scrub($0)) }
        return Outcome(outputs: outputs, failures: failures.map(scrubber.scrub))
    }

    /// IC's client, with the scenario's `timeout:` for one exchange when it sets one.
    private var scenarioClient: HTTPClient {
        guard let timeout = scenario.timeout else { return client }
        var client = client
        client.configuration.totalTimeout = timeout
        return client
    }

    /// The settings with the placeholders of `mock` filled in: `{imt.auth}` the auth API's URL on its
    /// origin, `{imt.api}` the data API's, `{imt.origin}` the data API's origin, `{imt.auth-origin}` the auth API's.
    static func filling(
        _ settings: [Int: String], mock name: String, origin: String, authOrigin: String, _ mock: IMTMock
    ) -> [Int: String] {
        settings.mapValues { value in
            guard value.utf8.contains(UInt8(ascii: "{")) else { return value }
            return value.replacingBytes(of: "{\(name).auth}", with: authOrigin + mock.authPath)
                .replacingBytes(of: "{\(name).auth-origin}", with: authOrigin)
                .replacingBytes(of: "{\(name).api}", with: origin + mock.apiPath)
                .replacingBytes(of: "{\(name).origin}", with: origin)
        }
    }
}
