import Flows
import Foundation
import Partners
import Transport
import Wire

/// Runs one scenario against fresh in-process mocks and collects its outputs.
struct ScenarioExecution {
    let scenario: Scenario
    let client: HTTPClient

    /// The outputs by golden file (`journal.json`, `result.json`, the mocks' states, BIFs the steps wrote), secrets scrubbed.
    func run() async throws -> [Scenario.GoldenOutput: OutputValue] {
        let journal = Journal()
        let first = IMTMock(state: scenario.imt ?? IMTState(), journal: journal, partner: "imt")
        let second = scenario.imt2.map { IMTMock(state: $0, journal: journal, partner: "imt2") }
        let ic = ICMock(state: scenario.ic ?? ICState(), journal: journal)
        var servers: [MockServer.Handler] = []
        if scenario.imt != nil || scenario.steps.contains(where: \.callsIMT) {
            servers.append(.init(first.handle, maximumBodySize: IMTMock.maximumBodySize))
            if let second { servers.append(.init(second.handle, maximumBodySize: IMTMock.maximumBodySize)) }
        }
        let needsIC = scenario.ic != nil
        if needsIC { servers.append(.init(ic.handle, maximumBodySize: ICMock.maximumBodySize, oversized: ICMock.oversized)) }
        let (steps, files) = try await MockServer.withRunning(servers) { ports in
            var values = scenario.settings
            if scenario.imt != nil || scenario.steps.contains(where: \.callsIMT) {
                values = Self.filling(values, mock: "imt", port: ports[0], first)
                if let second { values = Self.filling(values, mock: "imt2", port: ports[1], second) }
            }
            let icURL = needsIC ? "http://127.0.0.1:\(ports.last!)\(ICMock.cloudInvoicingPath)" : nil
            return await runSteps(settings: AdvancedSettings(values), icURL: icURL)
        }
        let scrubber = SecretScrubber(secrets: scenario.secrets)
        let result = JSONValue.object([
            "scenario": .string(scenario.name),
            "profile": .string(scenario.profile.rawValue),
            "clock": .string(scenario.clock),
            "steps": .array(steps),
        ])
        var outputs: [Scenario.GoldenOutput: OutputValue] = [
            .journal: .json(scrubber.scrub(journal.json)), .result: .json(scrubber.scrub(result)),
            .imtState: .json(scrubber.scrub(first.stateJSON)),
        ]
        if let second { outputs[.imt2State] = .json(scrubber.scrub(second.stateJSON)) }
        let day = scenario.clock.prefix(10).split(separator: "-").compactMap { Int($0) }
        if needsIC, day.count == 3, let date = BIFDate(year: day[0], month: day[1], day: day[2]) {
            outputs[.icImport] = .bif((try? ic.importFile(date: date).bytes) ?? [])
        }
        for step in scenario.steps {
            if let name = step.output, let bytes = files[name] { outputs[Scenario.GoldenOutput(fileName: name)] = .bif(bytes) }
        }
        return outputs
    }

    /// The settings with the placeholders of `mock` (`{imt.auth}`, `{imt.api}`, `{imt.origin}`) filled in.
    static func filling(_ settings: [Int: String], mock name: String, port: Int, _ mock: IMTMock) -> [Int: String] {
        let origin = "http://127.0.0.1:\(port)"
        return settings.mapValues { value in
            value.replacingOccurrences(of: "{\(name).auth}", with: origin + mock.authPath)
                .replacingOccurrences(of: "{\(name).api}", with: origin + mock.apiPath)
                .replacingOccurrences(of: "{\(name).origin}", with: origin)
        }
    }

    /// Runs the steps in order; BIF steps read and write the scenario's files.
    private func runSteps(settings: AdvancedSettings, icURL: String?) async -> ([JSONValue], [String: [UInt8]]) {
        var bif = BIFStepRunner(files: scenario.files.mapValues { Array($0.utf8) }, profile: scenario.profile)
        let client =
            scenario.timeout.map { timeout in
                var configuration = self.client.configuration
                configuration.totalTimeout = timeout
                return HTTPClient(configuration: configuration)
            } ?? self.client
        let imt = IMTStepRunner(caller: IMTCaller(settings: settings, routing: scenario.routing, client: client))
        let profile = IntegrationProfile.named(scenario.profile.rawValue)
        var results: [JSONValue] = []
        for step in scenario.steps {
            if let flow = step.flow, let refusal = profile?.refusal(for: flow) {
                results.append(.object(["step": .string(flow.rawValue), "status": "refused", "message": .string(refusal)]))
            } else if step.callsIMT || step == .validateSettings {
                results.append(await imt.run(step))
            } else if case .invoiceUpload(let upload) = step {
                results.append(await self.upload(upload, files: bif.files, icURL: icURL, client: client))
            } else {
                results.append(bif.run(step))
            }
        }
        return (results, bif.files)
    }

    /// Runs an `invoice-upload` step against the mock IC.
    private func upload(
        _ step: InvoiceUploadStep, files: [String: [UInt8]], icURL: String?, client: HTTPClient
    ) async -> JSONValue {
        func failed(_ message: String) -> JSONValue {
            .object(["step": "invoice-upload", "file": .string(step.file), "status": "failed", "message": .string(message)])
        }
        guard let icURL, let biller = scenario.ic?.billers.first else {
            return failed("the scenario has no ic: block with a biller")
        }
        let file: BIFFile
        do {
            file = try BIFFile.read(files[step.file] ?? [])
        } catch {
            return failed("\(step.file):\(error)")
        }
        let flow = InvoiceUpload(
            serviceURL: icURL, billerGUID: step.billerGUID ?? biller.guid, webServiceKey: step.key ?? biller.webServiceKey,
            version: step.version, client: client)
        let uploads = await flow.upload(
            file, name: step.file, profile: BIFProfile(rawValue: scenario.profile.rawValue) ?? .common)
        return .object([
            "step": "invoice-upload", "file": .string(step.file), "soap": .string(step.version.rawValue),
            "uploads": .array(uploads.map(\.json)),
        ])
    }
}

extension InvoiceUpload.Upload {
    /// One file's upload as written to `result.json`.
    var json: JSONValue {
        switch outcome {
        case .accepted(let invoices):
            .object(["file": .string(fileName), "status": "accepted", "invoices": .number(String(invoices))])
        case .refused(let message, let rules):
            .object([
                "file": .string(fileName), "status": "refused", "message": .string(message),
                "rules": .array(rules.map(JSONValue.string)),
            ])
        case .failed(let message):
            .object(["file": .string(fileName), "status": "failed", "message": .string(message)])
        }
    }
}
