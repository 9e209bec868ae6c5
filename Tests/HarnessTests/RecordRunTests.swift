import BifrostTesting
import Foundation
import Harness
import Partners
import Synchronization
import Testing
import Transport
import Wire

/// `bifrost record run` and `serve … --proxy-to --record`, against `bifrost serve imt` standing in
/// for the real partner: the suite written replays and passes, holds no secret, and catches the
/// program's wrong twin.
@Suite(.serialized) struct RecordRunTests {
    static let password = "real-imt-pw-5c1e"
    static let programs = SourceTree.path("Scenarios/examples/external/programs")

    /// The stand-in partner's state: the user with the real password, the sample policy.
    static let partnerState = """
        users: {icuser: \(password)}
        policies:
          - {policy_number: "20240903", current_due: "1675.00", total_unpaid: "1675.00", payment_types: [ACH, CC]}
        """

    /// Every file under `folder`, as text.
    func texts(_ folder: String) -> [String: String] {
        let files = FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []
        return Dictionary(
            uniqueKeysWithValues: files.compactMap { file in
                FileManager.default.contents(atPath: folder + "/" + file).map { (file, String(decoding: $0, as: UTF8.self)) }
            })
    }

    /// Runs `body` with `bifrost serve imt` serving the partner's state, given its origin.
    func withPartner<T>(
        in folder: TemporaryFolder, state text: String = partnerState, _ body: (String) async throws -> T
    ) async throws -> T {
        let state = try folder.write(text, to: "partner-state.yaml")
        var server = try await ServeProcess(["serve", "imt", "--port", "0", "--quiet", "--state", state])
        do {
            let port = try #require(server.port)
            let result = try await body("http://127.0.0.1:\(port)")
            _ = await server.stop()
            return result
        } catch {
            _ = await server.stop()
            throw error
        }
    }

    @Test
    func `a recorded run of post-payment.sh replays and passes, holds no secret, and fails its wrong twin on bill_amount_paid`()
        async throws
    {
        let folder = try TemporaryFolder("record-run")
        defer { folder.remove() }
        let output = folder.file("suite")
        let (status, printed) = try await withPartner(in: folder) { origin in
            try await BifrostExecutable.run(
                [
                    "record", "run", "--imt-proxy-to", origin, "--imt-username", "icuser", "--imt-password-env",
                    "REAL_IMT_PASSWORD", "--env", "PAYMENT_ACCOUNT=20240903", "--env", "PAYMENT_AMOUNT=128.95", "--env",
                    "PAYMENT_FEE=3.95", "--env", "PAYMENT_TRANSACTION=2984&771204", "--output", output, "--",
                    Self.programs + "/post-payment.sh",
                ], environment: ["REAL_IMT_PASSWORD": Self.password])
        }
        #expect(status == 0, "\(printed)")
        let files = texts(output)
        #expect(
            Set(files.keys).isSuperset(of: [
                "Scenarios/post-payment.yaml", "Scenarios/requirements.yaml", "Golden/post-payment/journal.json",
                "Golden/post-payment/result.json", "Recordings/post-payment.journal.json",
            ]))
        for (file, text) in files { #expect(!text.contains(Self.password), "\(file) holds the password") }
        let scenario = try #require(files["Scenarios/post-payment.yaml"])
        #expect(scenario.contains("- run:"))
        #expect(scenario.contains("\"policy_number\": \"20240903\""))
        #expect(scenario.contains("\"icuser\": \"recorded-password\""))
        let journal = try #require(files["Golden/post-payment/journal.json"])
        #expect(journal.contains("\"bill_amount_paid\": \"125.00\""))
        #expect(journal.contains("\"status\": 201"))

        let replay = try await BifrostExecutable.run(["run", "Scenarios"], in: output)
        #expect(replay.status == 0, "\(replay.output)")

        // The wrong twin, which forgets the fee, run against the same suite.
        let twin = scenario.replacingOccurrences(of: "/post-payment.sh\"", with: "/post-payment-forgetting-fee.sh\"")
        #expect(twin != scenario)
        try Data(twin.utf8).write(to: URL(fileURLWithPath: output + "/Scenarios/post-payment.yaml"))
        let wrong = try await BifrostExecutable.run(["run", "Scenarios"], in: output)
        #expect(wrong.status == 1)
        #expect(wrong.output.contains("bill_amount_paid"), "\(wrong.output)")
    }

    @Test func `a payment the partner refuses becomes a one-time status fault, and the program's failure is replayed`()
        async throws
    {
        let folder = try TemporaryFolder("record-run-refused-payment")
        defer { folder.remove() }
        let output = folder.file("suite")
        let posted =
            Self.partnerState + """

                payments: [{transaction_id: "2984", account: "20240903", total_paid: "102.95", method: CC}]
                refuse: [duplicate-transaction]
                """
        let (status, printed) = try await withPartner(in: folder, state: posted) { origin in
            try await BifrostExecutable.run(
                [
                    "record", "run", "--imt-proxy-to", origin, "--imt-username", "icuser", "--imt-password-env",
                    "REAL_IMT_PASSWORD", "--env", "PAYMENT_ACCOUNT=20240903", "--env", "PAYMENT_AMOUNT=128.95", "--env",
                    "PAYMENT_FEE=3.95", "--env", "PAYMENT_TRANSACTION=2984", "--output", output, "--",
                    Self.programs + "/post-payment.sh",
                ], environment: ["REAL_IMT_PASSWORD": Self.password])
        }
        #expect(status == 0, "\(printed)")
        #expect(printed.contains("post-payment.sh exited with status 1."))
        #expect(printed.contains("POST payments/ answered HTTP 409; replayed as an injected answer of that status."))
        let scenario = try String(contentsOfFile: output + "/Scenarios/post-payment.yaml", encoding: .utf8)
        #expect(scenario.contains("{\"route\": \"POST /payments/\", \"status\": 409, \"times\": 1}"))
        let result = try String(contentsOfFile: output + "/Golden/post-payment/result.json", encoding: .utf8)
        #expect(result.contains("\"exit\": 1"))
        let replay = try await BifrostExecutable.run(["run", "Scenarios"], in: output)
        #expect(replay.status == 0, "\(replay.output)")
    }

    @Test func `--imt-auth-url and --imt-api-url send the program's two APIs to hosts of their own`() async throws {
        let folder = try TemporaryFolder("record-run-rewrites")
        defer { folder.remove() }
        let output = folder.file("suite")
        let (status, printed) = try await withPartner(in: folder) { origin in
            // Nothing listens on port 9: every request must go to the two API URLs instead.
            try await BifrostExecutable.run(
                [
                    "record", "run", "--imt-proxy-to", "http://127.0.0.1:9", "--imt-auth-url", origin + "/auth/3401/api",
                    "--imt-api-url", origin + "/webpayments/3401/api/", "--imt-username", "icuser", "--imt-password-env",
                    "REAL_IMT_PASSWORD", "--env", "PAYMENT_ACCOUNT=20240903", "--env", "PAYMENT_AMOUNT=10.00", "--env",
                    "PAYMENT_FEE=0.50", "--env", "PAYMENT_TRANSACTION=77", "--output", output, "--",
                    Self.programs + "/post-payment.sh",
                ], environment: ["REAL_IMT_PASSWORD": Self.password])
        }
        #expect(status == 0, "\(printed)")
        let replay = try await BifrostExecutable.run(["run", "Scenarios"], in: output)
        #expect(replay.status == 0, "\(replay.output)")
    }

    @Test func `a recorded run of an IC client against serve ic replays and passes, with no trace of the key`() async throws {
        let folder = try TemporaryFolder("record-run-ic")
        defer { folder.remove() }
        let output = folder.file("suite")
        let key = "0b9d5c3e-7a2f-4e1d-9c8b-6a5f4e3d2c1b"
        var server = try await ServeProcess(
            ["serve", "ic", "--port", "0", "--quiet", "--state", SourceTree.path("Tools/ic-state.yaml")])
        guard let port = server.port else {
            _ = await server.stop()
            Issue.record("serve ic named no port: \(server.text)")
            return
        }
        let recorded = try await BifrostExecutable.run(
            [
                "record", "run", "--ic-proxy-to", "http://127.0.0.1:\(port)", "--ic-biller-guid",
                "6f1c2e0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b", "--ic-key-env", "REAL_IC_KEY", "--env",
                "REPORT_FROM=2024-09-03T00:00:00Z", "--env", "REPORT_TO=2024-09-04T00:00:00Z", "--env", "REPORT_WINDOW_HOURS=8",
                "--name", "upload", "--output", output, "--", "programs/upload_and_report.py", "programs/hourly.bif",
            ], environment: ["REAL_IC_KEY": key], in: SourceTree.path("Scenarios/examples/external"))
        _ = await server.stop()
        #expect(recorded.status == 0, "\(recorded.output)")
        #expect(recorded.output.contains("UploadInvoiceFile (POST /portal/webservices/CloudInvoicing.asmx): the mock answers it"))
        let files = texts(output)
        for (file, text) in files { #expect(!text.contains(key), "\(file) holds the key") }
        let scenario = try #require(files["Scenarios/upload.yaml"])
        #expect(scenario.contains("key: \"recorded-web-service-key\""))
        #expect(scenario.contains("\"id\": \"P1\", \"account\": \"20240903\""))
        let replay = try await BifrostExecutable.run(["run", "Scenarios"], in: output)
        #expect(replay.status == 0, "\(replay.output)")
    }

    @Test func `a program that cannot start, a missing partner and a secret in --env write nothing`() async throws {
        let folder = try TemporaryFolder("record-run-refused")
        defer { folder.remove() }
        let output = folder.file("suite")
        let missing = try await BifrostExecutable.run(
            ["record", "run", "--imt-proxy-to", "http://127.0.0.1:9", "--output", output, "--", "./no-such-program.sh"])
        #expect(missing.status == 2)
        let secret = try await BifrostExecutable.run(
            [
                "record", "run", "--imt-proxy-to", "http://127.0.0.1:9", "--env", "API_TOKEN=abc", "--output", output, "--",
                "/bin/true",
            ])
        #expect(secret.status == 2)
        // Nothing answers on port 9: the partner did not answer, so nothing is kept.
        let unanswered = try await BifrostExecutable.run(
            [
                "record", "run", "--imt-proxy-to", "http://127.0.0.1:9", "--imt-username", "icuser", "--imt-password-env", "P",
                "--env",
                "PAYMENT_ACCOUNT=20240903", "--env", "PAYMENT_AMOUNT=1.00", "--env", "PAYMENT_FEE=0.00", "--env",
                "PAYMENT_TRANSACTION=1", "--output", output, "--", Self.programs + "/post-payment.sh",
            ], environment: ["P": "some-password"])
        #expect(unanswered.status == 1)
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func `serve imt --proxy-to --record writes a state file the mock loads and a journal, with no secret`() async throws {
        let folder = try TemporaryFolder("serve-record")
        defer { folder.remove() }
        let record = folder.file("recorded")
        try await withPartner(in: folder) { origin in
            var proxy = try await ServeProcess(
                ["serve", "imt", "--port", "0", "--proxy-to", origin, "--record", record], ready: "recording proxy")
            do {
                let port = try #require(proxy.port)
                let base = "http://127.0.0.1:\(port)"
                let client = HTTPClient()
                let media = [
                    HTTPHeader("Content-Type", "application/vnd.api+json"), HTTPHeader("Accept", "application/vnd.api+json"),
                ]
                let login = try await client.send(
                    ClientRequest(
                        method: "POST", url: base + "/auth/3401/api/sessions/", headers: media,
                        body: Array(
                            #"{"data":{"id":"icuser","type":"sessions","attributes":{"username":"icuser","password":"\#(Self.password)"}}}"#
                                .utf8)))
                #expect(login.status == 201)
                let cookie = try #require(login.headers.first(named: "Set-Cookie")?.split(separator: ";").first.map(String.init))
                let due = try await client.send(
                    ClientRequest(
                        method: "GET", url: base + "/webpayments/3401/api/payments-due/?filter%5Bpolicy_number%5D=20240903",
                        headers: media + [HTTPHeader("Cookie", cookie)]))
                #expect(due.status == 200)
                #expect(String(decoding: due.body, as: UTF8.self).contains("1675.00"))
            } catch {
                _ = await proxy.stop()
                throw error
            }
            let status = await proxy.stop()
            #expect(status == 0, "\(proxy.text)")
        }
        let files = texts(record)
        #expect(Set(files.keys) == ["imt.state.yaml", "imt.journal.json"])
        for (file, text) in files { #expect(!text.contains(Self.password), "\(file) holds the password") }
        let state = try IMTStandalone.state(file: record + "/imt.state.yaml")
        #expect(state.users == ["icuser": "recorded-password"])
        #expect(state.policies.map(\.policyNumber) == ["20240903"])
        let journal = try JSONParser.parse(try #require(files["imt.journal.json"]))
        #expect(journal.arrayValue?.count == 2)
        #expect(journal.arrayValue?.first?["request"]?["path"]?.stringValue == "/auth/3401/api/sessions/")
    }

    @Test
    func `the proxy forwards the target undecoded and hands the client the partner's session cookie without Domain and Secure`()
        async throws
    {
        let seen = Mutex<[String]>([])
        let partner = Partners.MockEndpoint(core: { request in
            seen.withLock { $0.append((request.rawTarget ?? "") + " " + (request.header("X-Trace") ?? "-")) }
            return MockResponse(
                status: 201, headers: [("Set-Cookie", "sessionid=abc; Domain=imt.example; Path=/; Secure; HttpOnly")],
                body: Array("{}".utf8))
        })
        let journal = Journal()
        let response = try await MockHarness.withMock(.init(partner, maximumBodySize: 1 << 20)) { mock in
            let proxy = RecordingProxy(partner: "imt", base: mock.baseURL + "/", client: HTTPClient(), journal: journal)
            let request = MockRequest(
                method: "GET", target: "/webpayments/3401/api/payments-due/?filter%5Bpolicy_number%5D=1",
                headers: [("Host", "127.0.0.1:1"), ("X-Trace", "t1"), ("Accept-Encoding", "gzip")])
            return await BlockingPool.run { proxy.forward(request) }
        }
        #expect(seen.withLock { $0 } == ["/webpayments/3401/api/payments-due/?filter%5Bpolicy_number%5D=1 t1"])
        #expect(response.status == 201)
        #expect(response.headers.first { $0.name == "Set-Cookie" }?.value == "sessionid=abc; Path=/; HttpOnly")
        #expect(journal.count == 1)
    }
}
