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
        let needsMock = scenario.imt != nil || scenario.steps.contains(where: \.callsIMT)
        let (steps, files): ([JSONValue], [String: [UInt8]])
        if needsMock {
            (steps, files) = try await MockServer.withRunning(maximumBodySize: IMTMock.maximumBodySize, handler: first.handle) {
                port in
                var values = Self.filling(scenario.settings, mock: "imt", port: port, first)
                guard let second else { return await runSteps(settings: AdvancedSettings(values)) }
                return try await MockServer.withRunning(maximumBodySize: IMTMock.maximumBodySize, handler: second.handle) {
                    port in
                    values = Self.filling(values, mock: "imt2", port: port, second)
                    return await runSteps(settings: AdvancedSettings(values))
                }
            }
        } else {
            (steps, files) = await runSteps(settings: AdvancedSettings(scenario.settings))
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
    private func runSteps(settings: AdvancedSettings) async -> ([JSONValue], [String: [UInt8]]) {
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
            } else {
                results.append(bif.run(step))
            }
        }
        return (results, bif.files)
    }
}
