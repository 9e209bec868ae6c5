import Foundation
import Flows
import Partners
import Transport
import Wire

/// Runs one scenario against fresh in-process mocks and collects its outputs.
struct ScenarioExecution {
    let scenario: Scenario
    let client: HTTPClient

    /// The outputs by golden name (`journal`, `result`), secrets scrubbed.
    func run() async throws -> [Scenario.GoldenOutput: JSONValue] {
        let mock = IMTMock(state: scenario.imt ?? IMTState())
        let steps = try await MockServer.withRunning(maximumBodySize: IMTMock.maximumBodySize, handler: mock.handle) { port in
            let origin = "http://127.0.0.1:\(port)"
            let settings = AdvancedSettings(scenario.settings.mapValues { value in
                value.replacingOccurrences(of: "{imt.auth}", with: origin + mock.authPath)
                    .replacingOccurrences(of: "{imt.api}", with: origin + mock.apiPath)
                    .replacingOccurrences(of: "{imt.origin}", with: origin)
            })
            var results: [JSONValue] = []
            for step in scenario.steps {
                results.append(await run(step, settings: settings))
            }
            return results
        }
        let scrubber = SecretScrubber(secrets: scenario.secrets)
        let result = JSONValue.object([
            "scenario": .string(scenario.name),
            "profile": .string(scenario.profile.rawValue),
            "clock": .string(scenario.clock),
            "steps": .array(steps),
        ])
        return [.journal: scrubber.scrub(mock.journal.json), .result: scrubber.scrub(result)]
    }

    func run(_ step: Scenario.Step, settings: AdvancedSettings) async -> JSONValue {
        switch step {
        case .rtdr(let account):
            return await RTDR(settings: settings, client: client).run(account: account).json
        }
    }
}
