import Flows
import Foundation
import Partners
import Transport
import Wire

/// Runs one scenario against fresh in-process mocks and collects its outputs.
struct ScenarioExecution {
    let scenario: Scenario
    let client: HTTPClient

    /// The outputs by golden file (`journal.json`, `result.json`, BIFs the steps wrote), secrets scrubbed.
    func run() async throws -> [Scenario.GoldenOutput: OutputValue] {
        let mock = IMTMock(state: scenario.imt ?? IMTState())
        let needsMock = scenario.imt != nil || scenario.steps.contains { if case .rtdr = $0 { true } else { false } }
        let (steps, files): ([JSONValue], [String: [UInt8]])
        if needsMock {
            (steps, files) = try await MockServer.withRunning(maximumBodySize: IMTMock.maximumBodySize, handler: mock.handle) {
                port in
                let origin = "http://127.0.0.1:\(port)"
                let settings = AdvancedSettings(
                    scenario.settings.mapValues { value in
                        value.replacingOccurrences(of: "{imt.auth}", with: origin + mock.authPath)
                            .replacingOccurrences(of: "{imt.api}", with: origin + mock.apiPath)
                            .replacingOccurrences(of: "{imt.origin}", with: origin)
                    })
                return await runSteps(settings: settings)
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
            .journal: .json(scrubber.scrub(mock.journal.json)), .result: .json(scrubber.scrub(result)),
        ]
        for step in scenario.steps {
            if let name = step.output, let bytes = files[name] { outputs[Scenario.GoldenOutput(fileName: name)] = .bif(bytes) }
        }
        return outputs
    }

    /// Runs the steps in order; BIF steps read and write the scenario's files.
    private func runSteps(settings: AdvancedSettings) async -> ([JSONValue], [String: [UInt8]]) {
        var bif = BIFStepRunner(files: scenario.files.mapValues { Array($0.utf8) }, profile: scenario.profile)
        var results: [JSONValue] = []
        for step in scenario.steps {
            if case .rtdr(let account) = step {
                results.append(await RTDR(settings: settings, client: client).run(account: account).json)
            } else {
                results.append(bif.run(step))
            }
        }
        return (results, bif.files)
    }
}
