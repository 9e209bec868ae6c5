import BifrostTesting
import Foundation
import Harness
import Partners
import Support
import Testing
import Transport
import Wire

/// `bifrost record`: a recording of a stand-in partner (`serve imt`, `serve ic` in process) is a suite
/// that replays and passes; a refusal, a timeout or a non-empty folder writes nothing.
@Suite struct RecordTests {
    static let password = "real-secret-pw"
    static let key = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"

    /// A stand-in IMT with a user, the sample policy and a bill of `bill` bytes.
    static func imtState(bill: [UInt8]) -> IMTState {
        var state = SampleState.imt(paymentTypes: ["ACH"], bills: [SampleState.account: bill])
        state.users = [SampleState.username: password]
        return state
    }

    /// Serves `endpoint` while `body` runs with its origin.
    func serving<T: Sendable>(_ endpoint: Partners.MockEndpoint, _ body: (String) async throws -> T) async throws -> T {
        try await MockHarness.withMock(.init(endpoint, maximumBodySize: IMTMock.maximumBodySize)) { try await body($0.baseURL) }
    }

    func options(_ origin: String, output: String, password: String = password) -> IMTRecorder.Options {
        var options = IMTRecorder.Options(
            authURL: origin + "/auth/3401/api", apiURL: origin + "/webpayments/3401/api", username: SampleState.username,
            password: password, account: SampleState.account, output: output)
        options.timeout = .seconds(5)
        return options
    }

    /// Runs the suite written in `folder` against its golden files.
    func replay(_ folder: String) async throws -> [ScenarioReport] {
        let suite = try Suite.load(paths: [folder + "/Scenarios"])
        return await SuiteRunner(suite: suite, goldenRoot: folder + "/Golden", update: false, jobs: 1).run { _ in }
    }

    /// Every file under `folder`, as text.
    func texts(_ folder: String) -> [String: String] {
        let files = FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []
        return Dictionary(
            uniqueKeysWithValues: files.compactMap { file in
                FileManager.default.contents(atPath: folder + "/" + file).map { (file, String(decoding: $0, as: UTF8.self)) }
            })
    }

    @Test func `a recording of the stand-in IMT replays and passes, with no trace of the password`() async throws {
        let folder = try TemporaryFolder("record", create: false)
        defer { folder.remove() }
        let bill = Array("%PDF-1.4\n".utf8) + [0xFF, 0xD8, 0x00, 0x0A] + Array("%%EOF\n".utf8)
        let standalone = IMTStandalone(state: Self.imtState(bill: bill), log: { _ in })
        let lines = try await serving(standalone.endpoint) { origin in
            try await IMTRecorder(options(origin, output: folder.path)).record().lines
        }
        let files = texts(folder.path)
        #expect(
            Set(files.keys).isSuperset(of: [
                "Scenarios/recorded-imt.yaml", "Scenarios/requirements.yaml", "Golden/recorded-imt/journal.json",
                "Golden/recorded-imt/result.json", "Recordings/recorded-imt.journal.json",
            ]))
        #expect(!files.values.contains { $0.contains(Self.password) })
        #expect(lines.contains { $0.contains("binary PDF") })
        #expect(lines.contains("The mock's replay matches the recording exchange for exchange."))
        let journal = try JSONParser.parse(Array(try #require(files["Golden/recorded-imt/journal.json"]).utf8))
        let entries = try #require(journal.arrayValue)
        #expect(entries.count == 6)
        #expect(entries[0]["request"]?["body"]?["data"]?["attributes"]?["password"] == "<redacted>")
        let recorded = try JSONParser.parse(Array(try #require(files["Recordings/recorded-imt.journal.json"]).utf8))
        #expect(recorded.arrayValue?.first?["partner"] == "external")
        let result = try JSONParser.parse(Array(try #require(files["Golden/recorded-imt/result.json"]).utf8))
        #expect(result["steps"]?.arrayValue?.first?["balance"] == "1675.00")
        #expect(result["steps"]?.arrayValue?.last?["bytes"] == .number(String(bill.count)))
        let reports = try await replay(folder.path)
        #expect(reports.map(\.verdict) == [.passed])
    }

    @Test func `an attribute the mock lacks and an HTML bill are named in the description, and the replay still passes`()
        async throws
    {
        let folder = try TemporaryFolder("record", create: false)
        defer { folder.remove() }
        let standalone = IMTStandalone(state: Self.imtState(bill: []), log: { _ in })
        let endpoint = Partners.MockEndpoint(core: { request in
            let answer = standalone.handle(request)
            if request.path.hasSuffix("/payments-due/"), var document = try? JSONParser.parse(answer.body),
                var resource = document["data"]?.arrayValue?.first
            {
                let attributes = (resource["attributes"] ?? .null).setting("loyalty_points", to: .number("3"))
                resource = resource.setting("attributes", to: attributes)
                document = document.setting("data", to: [resource])
                return MockResponse(status: 200, headers: answer.headers, body: Array(document.compactText.utf8))
            }
            if request.path.contains("/bills/") {
                return MockResponse(status: 200, headers: [("Content-Type", "text/html")], body: Array("<html>login</html>".utf8))
            }
            return answer
        })
        let written = try await serving(endpoint) { origin in try await IMTRecorder(options(origin, output: folder.path)).record()
        }
        let lines = written.lines
        #expect(written.failedFlows.count == 1 && written.failedFlows[0].hasPrefix("step 2 pdf-linking: failed: "))
        #expect(lines.contains { $0.contains("loyalty_points") })
        #expect(lines.contains { $0.contains("GET bills/20240903/ answered text/html") })
        let scenario = try #require(texts(folder.path)["Scenarios/recorded-imt.yaml"])
        #expect(scenario.contains(#"content_type": "text/html""#))
        #expect(try await replay(folder.path).map(\.verdict) == [.passed])
    }

    @Test func `a refused login, a timeout and a non-empty folder write nothing`() async throws {
        let parent = try TemporaryFolder("record-parent")
        defer { parent.remove() }
        let output = parent.file("out")
        var state = Self.imtState(bill: [])
        state.faults = [try #require(Fault(route: "GET /payments-due/", effect: nil, delay: .milliseconds(1500)))]
        let standalone = IMTStandalone(state: state, log: { _ in })
        try await serving(standalone.endpoint) { origin in
            let refused = await #expect(throws: RecordError.self) {
                try await IMTRecorder(options(origin, output: output, password: "wrong-password")).record()
            }
            #expect(refused?.exitCode == 1 && refused?.message.contains("refused the login") == true)
            var slow = options(origin, output: output)
            slow.timeout = .milliseconds(300)
            let timedOut = await #expect(throws: RecordError.self) { try await IMTRecorder(slow).record() }
            #expect(timedOut?.exitCode == 1 && timedOut?.message.contains("did not answer") == true)
        }
        #expect(try parent.contents().isEmpty)
        try parent.write("keep", to: "out/notes.txt")
        let busy = await #expect(throws: RecordError.self) {
            try await IMTRecorder(options("http://127.0.0.1:1", output: output)).record()
        }
        #expect(busy?.exitCode == 2 && busy?.message.contains("--force") == true)
        #expect(try parent.contents() == ["out"])
    }

    @Test func `a recording of the stand-in IC's reports replays and passes, with no trace of the key`() async throws {
        let folder = try TemporaryFolder("record", create: false)
        defer { folder.remove() }
        var state = try ICStandalone.state(file: SourceTree.path("Tools/ic-state.yaml"))
        state.billers[0].webServiceKey = Self.key
        let standalone = ICStandalone(state: state, log: { _ in })
        let guid = state.billers[0].guid
        let handler = MockServer.Handler(
            standalone.endpoint, maximumBodySize: ICMock.maximumBodySize, oversized: ICMock.oversized)
        let description = try await MockHarness.withMock(handler) { endpoint in
            var options = ICRecorder.Options(
                url: endpoint.url(ICMock.cloudInvoicingPath), billerGUID: guid, webServiceKey: Self.key,
                from: "2024-09-03T00:00:00Z", to: "2024-09-04T00:00:00Z", output: folder.path)
            options.timeout = .seconds(5)
            let recorded = try await ICRecorder(options).record().lines
            options.webServiceKey = "wrong-key-0000"
            options.output = folder.path + "-refused"
            let refused = await #expect(throws: RecordError.self) { try await ICRecorder(options).record() }
            #expect(refused?.exitCode == 1)
            #expect(!FileManager.default.fileExists(atPath: options.output))
            return recorded
        }
        let files = texts(folder.path)
        #expect(!files.values.contains { $0.contains(Self.key) })
        let scenario = try #require(files["Scenarios/recorded-ic.yaml"])
        #expect(scenario.components(separatedBy: "- ic-report:").count == ICReport.allCases.count + 1)
        #expect(description.contains("The mock's replay matches the recording exchange for exchange."))
        // P3 is a CloudStore payment: payment reporting leaves it out, the settlement lists it.
        #expect(description.contains { $0.hasPrefix("payment P3 was listed only by a settlement") })
        let result = try JSONParser.parse(Array(try #require(files["Golden/recorded-ic/result.json"]).utf8))
        #expect(result["steps"]?.arrayValue?.first?["Payments"]?.arrayValue?.count == 5)
        #expect(try await replay(folder.path).map(\.verdict) == [.passed])
    }

    @Test func `record imt of an account the endpoint does not know writes the recording, warns and exits 1`() async throws {
        let folder = try TemporaryFolder("record-unknown", create: false)
        defer { folder.remove() }
        let standalone = IMTStandalone(state: Self.imtState(bill: Array("%PDF-1.4\n%%EOF\n".utf8)), log: { _ in })
        let (known, unknown) = try await serving(standalone.endpoint) { origin in
            func record(
                _ account: String, into output: String
            ) async throws -> (
                status: Int32, output: String, errors: String
            ) {
                try await BifrostExecutable.runKeepingErrors(
                    [
                        "record", "imt", "--auth-url", origin + "/auth/3401/api", "--api-url", origin + "/webpayments/3401/api",
                        "--username", SampleState.username, "--password-env", "RECORD_PASSWORD", "--account", account,
                        "--output", output, "--timeout-ms", "5000",
                    ], environment: ["RECORD_PASSWORD": Self.password])
            }
            return (
                try await record(SampleState.account, into: folder.path + "-known"),
                try await record("no-such-account", into: folder.path)
            )
        }
        defer { try? FileManager.default.removeItem(atPath: folder.path + "-known") }
        #expect(known.status == 0, "\(known.output)")
        #expect(unknown.status == 1, "\(unknown.output)")
        #expect(unknown.output.hasPrefix("wrote \(folder.path)\n"))
        #expect(FileManager.default.fileExists(atPath: folder.file("Scenarios/recorded-imt.yaml")))
        #expect(unknown.errors.contains("warning: a recorded flow failed"))
        #expect(unknown.errors.contains("step 1 rtdr: failed: "), "\(unknown.errors)")
        #expect(!known.errors.contains("warning"))
    }
}
