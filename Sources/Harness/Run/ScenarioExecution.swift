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
        let (steps, files, reconciliation) = try await MockServer.withRunning(servers) { ports in
            var values = scenario.settings
            if scenario.imt != nil || scenario.steps.contains(where: \.callsIMT) {
                values = Self.filling(values, mock: "imt", port: ports[0], first)
                if let second { values = Self.filling(values, mock: "imt2", port: ports[1], second) }
            }
            let icURL = needsIC ? "http://127.0.0.1:\(ports.last!)\(ICMock.cloudInvoicingPath)" : nil
            return await runSteps(settings: AdvancedSettings(values), icURL: icURL, posted: { first.payments })
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
        if needsIC { outputs[.icState] = .json(scrubber.scrub(ic.stateJSON)) }
        if let reconciliation { outputs[.reconciliation] = .json(scrubber.scrub(reconciliation)) }
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
    private func runSteps(
        settings: AdvancedSettings, icURL: String?, posted: @escaping @Sendable () -> [PaymentPost]
    ) async -> ([JSONValue], [String: [UInt8]], JSONValue?) {
        var bif = BIFStepRunner(files: scenario.files.mapValues { Array($0.utf8) }, profile: scenario.profile)
        let client =
            scenario.timeout.map { timeout in
                var configuration = self.client.configuration
                configuration.totalTimeout = timeout
                return HTTPClient(configuration: configuration)
            } ?? self.client
        let imt = IMTStepRunner(caller: IMTCaller(settings: settings, routing: scenario.routing, client: client))
        var ic = ICStepRunner(
            serviceURL: icURL, biller: scenario.ic?.billers.first, client: client,
            clock: XMLDateTime.date(scenario.clock, zoneIfNone: TimeZone(identifier: "UTC")!) ?? Date(timeIntervalSince1970: 0),
            posted: posted)
        let bifProfile = BIFProfile(rawValue: scenario.profile.rawValue) ?? .common
        let profile = IntegrationProfile.named(scenario.profile.rawValue)
        var results: [JSONValue] = []
        for step in scenario.steps {
            if let flow = step.flow, let refusal = profile?.refusal(for: flow) {
                results.append(.object(["step": .string(flow.rawValue), "status": "refused", "message": .string(refusal)]))
            } else if step.callsIMT || step == .validateSettings {
                results.append(await imt.run(step))
            } else if step.callsIC {
                results.append(await ic.run(step, files: bif.files, profile: bifProfile))
            } else {
                results.append(bif.run(step))
            }
        }
        return (results, bif.files, ic.reconciliation)
    }
}
