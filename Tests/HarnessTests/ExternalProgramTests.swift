import BifrostTesting
import Foundation
import Harness
import Support
import Testing
import Transport
import Wire

/// `run:` steps and services under test: what a program gets, what is kept of what it does,
/// and that nothing it started outlives the scenario, whatever it did.
@Suite struct ExternalProgramTests {
    /// A scenario with the mock IMT and IC, `body` (services, steps, expect) after them.
    static func scenario(_ body: String) -> String {
        """
        name: external
        profile: imt-spectrum
        clock: 2024-11-18T17:05:28Z
        imt:
          users: {icuser: s3cr3t-pass}
          policies: [{policy_number: "20240903", current_due: "1675.00"}]
        ic:
          billers:
            - {guid: 6f1c2e0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b, key: 0b9d5c3e-7a2f-4e1d-9c8b-6a5f4e3d2c1b, profile: imt-spectrum}
        \(body)
        """
    }

    /// Runs `text` as `case.yaml` beside `files` (name → shell script, made executable), recording
    /// its golden files; returns the report and the recorded `result.json`'s steps and services.
    func run(
        _ text: String, files: [String: String] = [:]
    ) async throws -> (ScenarioReport, steps: [JSONValue], services: [JSONValue]) {
        let folder = try TemporaryFolder("external")
        defer { folder.remove() }
        try folder.write("requirements: []\n", to: "Scenarios/requirements.yaml")
        try folder.write(text, to: "Scenarios/case.yaml")
        for (name, script) in files {
            let path = try folder.write(script, to: "Scenarios/\(name)")
            chmod(path, 0o755)
        }
        let reports = await SuiteRunner(
            suite: try Suite.load(paths: [folder.file("Scenarios")]), goldenRoot: folder.file("Golden"), update: true, jobs: 1
        ).run { _ in }
        let report = try #require(reports.first)
        let result = try JSONParser.parse(
            Array(try Data(contentsOf: URL(fileURLWithPath: folder.file("Golden/case/result.json")))))
        guard case .array(let steps)? = result["steps"] else { throw Failure("no steps in \(result.prettyText)") }
        guard case .array(let services)? = result["services"] ?? .array([]) else { throw Failure("services not a list") }
        return (report, steps, services)
    }

    struct Failure: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    /// How many processes run with `text` in their command line.
    static func processes(containing text: String) -> Int {
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return ids.filter { $0.allSatisfy(\.isNumber) }.count { id in
            guard let data = FileManager.default.contents(atPath: "/proc/\(id)/cmdline") else { return false }
            return String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self).contains(text)
        }
    }

    /// A `sleep` of a length no other test uses, to count its processes by.
    static func uniqueSleep() -> String { "sleep \(Int.random(in: 100_000...999_999))" }

    @Test func `the program gets the mocks' URLs and credentials, and prints them back as placeholders, secrets redacted`()
        async throws
    {
        let script = """
            #!/bin/sh
            echo "$BIFROST_IMT_AUTH_URL $BIFROST_IMT_API_URL $BIFROST_IMT_USERNAME $BIFROST_IMT_PASSWORD"
            echo "$BIFROST_IC_URL $BIFROST_IC_BILLER_GUID $BIFROST_IC_WEB_SERVICE_KEY $GREETING $PARTNER_API_KEY"
            echo "$BIFROST_CLOCK" >&2
            test -d "$BIFROST_OUTPUT_DIR" && test "$(pwd)" = "$BIFROST_SCENARIO_DIR"
            """
        let (report, steps, _) = try await run(
            Self.scenario("steps:\n  - run: {command: ./show.sh, env: {GREETING: hello, PARTNER_API_KEY: k3y-of-the-partner}}"),
            files: ["show.sh": script])
        #expect(report.passed)
        #expect(steps[0]["status"] == "succeeded")
        #expect(steps[0]["exit"] == .number("0"))
        #expect(
            steps[0]["stdout"]?.stringValue
                == "{imt.auth-origin}/auth/3401/api {imt.origin}/webpayments/3401/api icuser <redacted>\n"
                + "{ic.origin}/portal/webservices/CloudInvoicing.asmx 6f1c2e0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b <redacted> hello <redacted>\n"
        )
        #expect(steps[0]["stderr"]?.stringValue == "2024-11-18T17:05:28Z\n")
    }

    @Test func `a program that hangs is killed with its whole process group at its timeout, leaving no process behind`()
        async throws
    {
        let sleep = Self.uniqueSleep()
        let script = "#!/bin/sh\n\(sleep) &\n(\(sleep) &)\n\(sleep)\n"
        let (_, steps, _) = try await run(
            Self.scenario("steps:\n  - run: {command: ./hang.sh, timeout: 300ms}"), files: ["hang.sh": script])
        #expect(steps[0]["status"] == "failed")
        #expect(steps[0]["message"]?.stringValue?.contains("killed with its process group at its timeout of 0.3 seconds") == true)
        #expect(Self.processes(containing: sleep) == 0)
    }

    @Test func `what a program leaves running when it exits is killed with it`() async throws {
        let sleep = Self.uniqueSleep()
        let (_, steps, _) = try await run(
            Self.scenario("steps:\n  - run: {command: ./leave.sh}"),
            files: ["leave.sh": "#!/bin/sh\n\(sleep) > /dev/null 2>&1 &\necho left\n"])
        #expect(steps[0]["status"] == "succeeded")
        #expect(steps[0]["stdout"]?.stringValue == "left\n")
        #expect(Self.processes(containing: sleep) == 0)
    }

    @Test func `a program that floods its output keeps the first 64 KiB, the rest dropped with a note`() async throws {
        let (_, steps, _) = try await run(
            Self.scenario("steps:\n  - run: {command: ./flood.sh}"),
            files: ["flood.sh": "#!/bin/sh\nyes | head -c 1000000\necho done >&2\n"])
        let stdout = try #require(steps[0]["stdout"]?.stringValue, "\(steps[0].prettyText)")
        #expect(stdout.hasPrefix("y\ny\n"))
        #expect(stdout.hasSuffix("\n[934464 more bytes dropped]"))
        #expect(steps[0]["stderr"]?.stringValue == "done\n")
    }

    @Test func `a non-zero exit, a missing command and one not executable each fail the step with a message naming them`()
        async throws
    {
        let (_, steps, _) = try await run(
            Self.scenario(
                """
                steps:
                  - run: {command: ./three.sh}
                  - run: {command: ./nowhere.sh}
                  - run: {command: ./plain.txt}
                  - run: {command: no-such-program-anywhere}
                  - run: {command: ./three.sh, folder: no-such-folder}
                """), files: ["three.sh": "#!/bin/sh\nexit 3\n"])
        #expect(steps[0]["message"] == "exited with status 3")
        #expect(steps[0]["exit"] == .number("3"))
        #expect(steps[1]["message"]?.stringValue?.hasPrefix("command './nowhere.sh' not found (looked for /") == true)
        #expect(steps[1]["exit"] == nil)
        #expect(steps[3]["message"] == "command 'no-such-program-anywhere' not found in PATH")
        #expect(steps[4]["message"]?.stringValue?.hasSuffix("/no-such-folder' to start './three.sh' in does not exist") == true)
        #expect(steps.allSatisfy { $0["status"] == "failed" })
    }

    @Test func `a file that is not executable is named as such`() async throws {
        let folder = try TemporaryFolder("external-plain")
        defer { folder.remove() }
        try folder.write("requirements: []\n", to: "Scenarios/requirements.yaml")
        try folder.write(Self.scenario("steps:\n  - run: {command: ./plain.sh}"), to: "Scenarios/case.yaml")
        try folder.write("#!/bin/sh\n", to: "Scenarios/plain.sh")
        _ = await SuiteRunner(
            suite: try Suite.load(paths: [folder.file("Scenarios")]), goldenRoot: folder.file("Golden"), update: true, jobs: 1
        ).run { _ in }
        let result = try String(contentsOfFile: folder.file("Golden/case/result.json"), encoding: .utf8)
        #expect(result.contains("command './plain.sh' is not executable"))
    }

    @Test
    func `the files a program writes are outputs compared with golden files: JSON structurally, XML canonical, text by byte`()
        async throws
    {
        let folder = try TemporaryFolder("external-outputs")
        defer { folder.remove() }
        try folder.write("requirements: []\n", to: "Scenarios/requirements.yaml")
        try folder.write(
            Self.scenario(
                """
                steps:
                  - run: {command: ./write.sh, outputs: [out.json, out.xml, out.txt, never.txt]}
                expect:
                  golden: [result, out.json, out.xml, out.txt]
                """), to: "Scenarios/case.yaml")
        let script = try folder.write(
            """
            #!/bin/sh
            cd "$BIFROST_OUTPUT_DIR"
            printf '{"b": 1, "a": "%s"}' "${VALUE:-x}" > out.json
            printf '<r  b="2" a="1"><k>%s</k></r>' "${VALUE:-x}" > out.xml
            printf 'plain %s\\n' "${VALUE:-x}" > out.txt
            """, to: "Scenarios/write.sh")
        chmod(script, 0o755)
        let run = { (update: Bool) in
            await SuiteRunner(
                suite: try Suite.load(paths: [folder.file("Scenarios")]), goldenRoot: folder.file("Golden"), update: update,
                jobs: 1
            ).run { _ in }
        }
        _ = try await run(true)
        #expect(
            try String(contentsOfFile: folder.file("Golden/case/out.xml"), encoding: .utf8) == #"<r a="1" b="2"><k>x</k></r>"#)
        #expect(try String(contentsOfFile: folder.file("Golden/case/result.json"), encoding: .utf8).contains(#""never.txt""#))
        #expect(try await run(false).first?.passed == true)

        // The same program printing another value now differs in each file, and says where.
        try folder.write(
            Self.scenario(
                """
                steps:
                  - run: {command: ./write.sh, env: {VALUE: y}, outputs: [out.json, out.xml, out.txt, never.txt]}
                expect:
                  golden: [out.json, out.xml, out.txt]
                """), to: "Scenarios/case.yaml")
        let failures = try #require(try await run(false).first).failures.joined(separator: "\n")
        #expect(failures.contains(#"out.json $.a: expected "x", got "y""#))
        #expect(
            failures.contains(
                #"out.xml (canonical XML) line 1 column 19: expected "<r a="1" b="2"><k>x</k></r>", got "<r a="1" b="2"><k>y</k></r>""#
            ))
        #expect(failures.contains(#"out.txt line 1 column 7: expected "plain x", got "plain y""#))
    }

    @Test func `a service under test is ready by its port or its URL, is reached by the steps, and is stopped after them`()
        async throws
    {
        let sleep = Self.uniqueSleep()
        let (report, steps, services) = try await run(
            Self.scenario(
                """
                services:
                  - {name: web-app, command: python3, args: [-m, http.server, --bind, 127.0.0.1, "${BIFROST_SERVICE_PORT}"], env: {PYTHONUNBUFFERED: "1"}, ready: /, ready_timeout: 10s}
                  - {name: listener, command: ./listen.sh}
                steps:
                  - run: {command: ./call.sh}
                """),
            files: [
                "listen.sh":
                    "#!/bin/sh\n\(sleep) &\nexec python3 -c \"import socket,os,time; s=socket.socket(); s.bind(('127.0.0.1', int(os.environ['BIFROST_SERVICE_PORT']))); s.listen(); time.sleep(60)\"\n",
                "call.sh":
                    "#!/bin/sh\ncurl -s -o /dev/null -w '%{http_code}' \"$BIFROST_SERVICE_WEB_APP_URL/\"\necho \" $BIFROST_SERVICE_LISTENER_URL\"\n",
            ])
        #expect(report.passed)
        #expect(steps.first?["stdout"] == "200 {service.listener}\n")
        #expect(services.map { $0["status"] } == ["stopped", "stopped"])
        #expect(Self.processes(containing: sleep) == 0)
        #expect(Self.processes(containing: "http.server --bind 127.0.0.1") == 0)
    }

    @Test func `a service that never becomes ready fails the scenario at its readiness timeout, is stopped, and no step runs`()
        async throws
    {
        let sleep = Self.uniqueSleep()
        let (report, steps, services) = try await run(
            Self.scenario(
                """
                services:
                  - {name: slow, command: ./slow.sh, ready_timeout: 300ms}
                steps:
                  - run: {command: ./slow.sh}
                """), files: ["slow.sh": "#!/bin/sh\necho starting\n\(sleep)\n"])
        #expect(report.verdict == .failed)
        #expect(report.failures.contains { $0.contains("service 'slow' not ready: not ready within 0.3 seconds: no port ") })
        #expect(steps.isEmpty)
        #expect(services.first?["stdout"] == "starting\n")
        #expect(Self.processes(containing: sleep) == 0)
    }

    @Test func `a scenario that must fail passes only when its differences hold the text, and fails when it passes`() async throws
    {
        let folder = try TemporaryFolder("external-fails-with")
        defer { folder.remove() }
        try folder.write("requirements: []\n", to: "Scenarios/requirements.yaml")
        try folder.write("#!/bin/sh\necho \"${OUT:-right}\"\n", to: "Scenarios/say.sh")
        chmod(folder.file("Scenarios/say.sh"), 0o755)
        let scenario = { (out: String, text: String) in
            Self.scenario("steps:\n  - run: {command: ./say.sh, env: {OUT: \(out)}}\nexpect:\n  fails_with: \(text)")
        }
        let run = { () async throws -> ScenarioReport in
            try #require(
                await SuiteRunner(
                    suite: try Suite.load(paths: [folder.file("Scenarios")]), goldenRoot: folder.file("Golden"), update: true,
                    jobs: 1
                ).run { _ in }.first)
        }
        // No golden file yet: a missing golden file is no difference holding the text, and nothing is recorded.
        try folder.write(scenario("right", "wrong"), to: "Scenarios/case.yaml")
        #expect(try await run().verdict == .failed)
        #expect(!FileManager.default.fileExists(atPath: folder.file("Golden/case/result.json")))

        try folder.write(Self.scenario("steps:\n  - run: {command: ./say.sh, env: {OUT: right}}"), to: "Scenarios/case.yaml")
        _ = try await run()
        try folder.write(scenario("wrong", "wrong"), to: "Scenarios/case.yaml")
        let failedAsItMust = try await run()
        #expect(failedAsItMust.passed)
        #expect(failedAsItMust.failedAsExpected.contains { $0.contains(#"expected "right\n", got "wrong\n""#) })
        try folder.write(scenario("right", "wrong"), to: "Scenarios/case.yaml")
        let passedInstead = try await run()
        #expect(passedInstead.verdict == .failed)
        #expect(passedInstead.failures.first?.contains("but every output matched its golden file") == true)
        try folder.write(scenario("other", "wrong"), to: "Scenarios/case.yaml")
        #expect(try await run().verdict == .failed)
    }

    @Test
    func `the shipped shell DataPump client sends what the reference flow sends, and its wrong twin fails on bill_amount_paid`()
        async throws
    {
        let examples = SourceTree.path("Scenarios/examples/external")
        let reports = await SuiteRunner(
            suite: try Suite.load(paths: [
                examples + "/datapump-payment.yaml", examples + "/datapump-payment-forgetting-fee.yaml",
            ]),
            goldenRoot: SourceTree.path("Golden"), update: false, jobs: 2
        ).run { _ in }
        #expect(reports.map(\.passed) == [true, true])
        #expect(
            reports[1].failedAsExpected.first
                == #"journal.json $[1].request.body.data.attributes.bill_amount_paid: expected "125.00", got "128.95""#)
        #expect(
            try SourceTree.text("Golden/examples/external/datapump-payment/journal.json")
                == SourceTree.text("Golden/imt-spectrum/datapump/payment-posts/journal.json"))
    }

    @Test
    func `Ctrl-C during a run step kills the program's process group and exits 130`() async throws {
        let sleep = Self.uniqueSleep()
        let folder = try TemporaryFolder("external-interrupt")
        defer { folder.remove() }
        try folder.write("requirements: []\n", to: "Scenarios/requirements.yaml")
        try folder.write(Self.scenario("steps:\n  - run: {command: ./hang.sh}"), to: "Scenarios/case.yaml")
        let outputFolderFile = folder.file("output-folder")
        chmod(
            try folder.write(
                "#!/bin/sh\necho \"$BIFROST_OUTPUT_DIR\" > \(outputFolderFile)\n\(sleep) &\n\(sleep)\n", to: "Scenarios/hang.sh"),
            0o755)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(ServeTests.bifrost))
        process.arguments = ["run", folder.file("Scenarios")]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(20)
        while Self.processes(containing: sleep) < 2 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(Self.processes(containing: sleep) == 2)
        process.interrupt()
        let status = await BlockingPool.run { () -> Int32 in
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(status == 130)
        #expect(Self.processes(containing: sleep) == 0)
        let outputFolder = try String(contentsOfFile: outputFolderFile, encoding: .utf8).trimmingCharacters(
            in: .whitespacesAndNewlines)
        #expect(outputFolder.contains("bifrost-step-"))
        #expect(!FileManager.default.fileExists(atPath: outputFolder), "the step's temporary folder is left behind")
    }

    @Test func `a run step's bad members are input errors at their positions`() throws {
        let folder = try TemporaryFolder("external-load")
        defer { folder.remove() }
        let file = try folder.write(
            Self.scenario(
                """
                services:
                  - {name: "a b", command: x}
                steps:
                  - run: {command: x, timeout: soon, env: {1X: y}, outputs: [journal.json, a/b.txt]}
                """), to: "case.yaml")
        #expect {
            try ScenarioLoader.load(file: file, suiteRoot: folder.path)
        } throws: { error in
            let messages = (error as? InputErrors)?.errors.map { "\($0.line):\($0.column) \($0.message)" } ?? []
            return messages.count == 2 && messages[0].hasPrefix("11:12 a service's name")
                && messages[1].hasPrefix("13:32 timeout must be a positive duration")
        }
    }
}
