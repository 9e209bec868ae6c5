import BifrostTesting
import Foundation
import Testing
import Transport
import Wire

@testable import Harness
@testable import Partners

/// A scenario whose settings point a reference flow at an endpoint that is none of its mocks:
/// the exchanges are journaled as partner `external`, secrets redacted, mocks' own entries once.
@Suite struct ExternalJournalTests {
    /// Runs a scenario written as `text` and returns its outputs.
    func run(_ text: String) async throws -> [Scenario.GoldenOutput: OutputValue] {
        let folder = try TemporaryFolder("external")
        defer { folder.remove() }
        let file = try folder.write(text, to: "Scenarios/case.yaml")
        let scenario = try ScenarioLoader.load(file: file, suiteRoot: folder.file("Scenarios"))
        return try await ScenarioExecution(scenario: scenario, client: HTTPClient()).run().outputs
    }

    func journal(_ outputs: [Scenario.GoldenOutput: OutputValue]) throws -> [JSONValue] {
        guard case .json(let value) = try #require(outputs[.journal]) else { throw CancellationError() }
        return try #require(value.arrayValue)
    }

    func scenario(sessions: String, api: String, imt: String = "") -> String {
        """
        name: external
        profile: imt-mips-apps
        clock: 2024-11-18T17:05:28Z
        settings:
          88: "\(sessions)"
          8: "\(api)"
          9: \(SampleState.username)
          10: \(SampleState.password)-long
        \(imt)
        steps:
          - rtdr: {account: "\(SampleState.account)"}

        """
    }

    @Test func `RTDR against a standalone mock is journaled as external, secrets redacted, no host or port`() async throws {
        var state = SampleState.imt()
        state.users = [SampleState.username: SampleState.password + "-long"]
        let (outputs, port) = try await MockHarness.withIMT(state: state) { imt in
            (try await run(scenario(sessions: imt.authURL + "/sessions/", api: imt.apiURL + "/")), imt.http.port)
        }
        let entries = try journal(outputs)
        #expect(entries.map { $0["partner"] } == [.string("external"), .string("external"), .string("external")])
        #expect(
            entries.map { $0["request"]?["path"] }
                == ["/auth/3401/api/sessions/", "/webpayments/3401/api/payments-due/", "/auth/3401/api/sessions/icuser"])
        #expect(entries.map { $0["response"]?["status"] } == [.number("201"), .number("200"), .number("204")])
        #expect(entries[1]["request"]?["query"] == [.object(["name": "filter[policy_number]", "value": "20240903"])])
        #expect(entries[0]["request"]?["body"]?["data"]?["attributes"]?["password"] == "<redacted>")
        #expect(entries[0]["response"]?["headers"]?["Set-Cookie"] == "<redacted>")
        #expect(entries[1]["request"]?["headers"]?["Cookie"] == "<redacted>")
        #expect(entries[1]["response"]?["body"]?["data"]?.arrayValue?.first?["attributes"]?["current_due"] == "1675.00")
        let text = JSONValue.array(entries).compactText
        #expect(!text.contains("127.0.0.1") && !text.contains(String(port)) && !text.contains("pw-long"))
        guard case .json(let result) = try #require(outputs[.result]) else { return }
        #expect(result["steps"]?.arrayValue?.first?["status"] == "updated")
    }

    @Test func `the scenario's own mock is journaled once, by the mock; the external endpoint beside it as external`()
        async throws
    {
        let outputs = try await MockHarness.withIMT(state: SampleState.imt()) { imt in
            try await run(
                scenario(
                    sessions: "{imt.auth}/sessions/", api: imt.apiURL + "/",
                    imt: "imt: {users: {icuser: pw-long}, policies: [{policy_number: \"20240903\"}]}"))
        }
        let entries = try journal(outputs)
        #expect(entries.map { $0["partner"] } == [.string("imt"), .string("external"), .string("imt")])
        #expect(entries.map { $0["seq"] } == [.number("1"), .number("2"), .number("3")])
        // The external mock knows nothing of the scenario's session cookie.
        #expect(entries[1]["response"]?["status"] == .number("401"))
    }

    @Test func `a request to an endpoint that does not answer is journaled with the reason`() async throws {
        let outputs = try await run(scenario(sessions: "http://127.0.0.1:1/3401/api/sessions/", api: "http://127.0.0.1:1/api/"))
        let entries = try journal(outputs)
        try #require(entries.count == 1)
        #expect(entries[0]["partner"] == "external")
        #expect(entries[0]["request"]?["path"] == "/3401/api/sessions/")
        #expect(entries[0]["response"]?["error"]?.stringValue?.hasPrefix("connection-failed") == true)
    }

    @Test func `a client journal takes the URL's target, never its origin`() {
        #expect(ClientJournal.target(of: "https://auth.example/3401/api/sessions/?a=1#x") == "/3401/api/sessions/?a=1")
        #expect(ClientJournal.target(of: "http://partner.example") == "/")
        #expect(ClientJournal.target(of: "http://partner.example?q=1") == "/?q=1")
        let journal = ClientJournal(Journal(), mockOrigins: ["http://127.0.0.1:80"])
        #expect(journal.isMock("http://127.0.0.1:80/auth/") && !journal.isMock("http://127.0.0.1:8080/auth/"))
    }
}
