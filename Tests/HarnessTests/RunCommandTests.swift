import BifrostTesting
import Foundation
import Testing
import Transport

/// `bifrost run` as a user calls it: the options the command line reads before anything runs.
@Suite struct RunCommandTests {
    /// Runs `bifrost` with `arguments` and `environment` added; its exit status and standard output.
    func bifrost(_ arguments: [String], environment: [String: String] = [:]) async throws -> (status: Int32, output: String) {
        try await BifrostExecutable.run(arguments, environment: environment, in: SourceTree.path(""))
    }

    @Test
    func `a bare --update is read as --update=all and refused under CI; CI=false is not CI`() async throws {
        #expect(try await bifrost(["run", "Scenarios", "--update", "--list"], environment: ["CI": "true"]).status == 2)
        #expect(try await bifrost(["run", "Scenarios", "--update=pending", "--list"], environment: ["CI": "1"]).status == 2)
        #expect(try await bifrost(["run", "Scenarios", "--update", "--list"], environment: ["CI": "false"]).status == 0)
        #expect(try await bifrost(["run", "Scenarios", "--update=sometimes", "--list"]).status == 2)
    }

    @Test
    func `--list prints what would run and runs nothing; a bad shard or repeat is refused before anything runs`() async throws {
        let listed = try await bifrost(["run", "Scenarios", "--filter", "sessions/ping", "--list"])
        #expect(listed.status == 0)
        #expect(listed.output.hasPrefix("imt-mips-apps/sessions/ping    Scenarios/imt-mips-apps/sessions/ping.yaml\n"))
        #expect(listed.output.hasSuffix("1 scenarios selected\n"))
        for bad in [
            ["--shard", "3/2"], ["--shard", "0/3"], ["--repeat", "0"], ["--jobs", "0"], ["--json", "/no/such/folder/r.json"],
        ] {
            #expect(try await bifrost(["run", "Scenarios"] + bad).status == 2, "\(bad)")
        }
        #expect(try await bifrost(["run", "Scenarios", "--filter", "no-scenario-is-called-this"]).status == 2)
    }

    @Test
    func `a reader that closes standard output early does not crash the run: it ends with its status and its reports`()
        async throws
    {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("bifrost-closed-stdout-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: report) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(ServeTests.bifrost))
        process.arguments = ["run", "Scenarios/imt-mips-apps/sessions", "--json", report.path]
        process.currentDirectoryURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        process.environment = ProcessInfo.processInfo.environment.merging(["CI": "true"]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        // As `bifrost run | head -0`: nobody reads, the pipe's reading end is closed.
        try output.fileHandleForReading.close()
        try process.run()
        let status = await BlockingPool.run { () -> Int32 in
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(status == 0)
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any]
        #expect((summary?["summary"] as? [String: Any])?["failed"] as? Int == 0)
    }
}

/// `bifrost run` stopped by a signal: its programs under test killed, no report, 130 or 143.
@Suite struct RunInterruptionTests {
    /// A suite of one scenario whose program under test writes its pid to `pidFile`, then sleeps.
    func suite(in folder: URL, pidFile: URL) throws {
        let scenarios = folder.appendingPathComponent("Scenarios")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        let script = """
            name: A program under test that runs until it is stopped
            profile: imt-mips-apps
            clock: 2024-11-18T17:05:28Z
            steps:
              - run:
                  command: sh
                  args: [-c, "echo $$ > \(pidFile.path).part && mv \(pidFile.path).part \(pidFile.path) && exec sleep 120"]
                  timeout: 300s
            expect:
              golden: [result]
            """
        try Data(script.utf8).write(to: scenarios.appendingPathComponent("sleeps.yaml"))
    }

    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func `a stop request kills the program under test and exits with its code, writing no report`(
        signal: Int32, code: Int32
    ) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bifrost-interrupt-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pidFile = folder.appendingPathComponent("program.pid")
        try suite(in: folder, pidFile: pidFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(ServeTests.bifrost, "the bifrost executable is built"))
        process.arguments = ["run", "Scenarios", "--junit", "junit.xml", "--json", "report.json"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Waits for the program under test to have started, however loaded the machine.
        let started = ContinuousClock.now
        while !FileManager.default.fileExists(atPath: pidFile.path), process.isRunning,
            ContinuousClock.now - started < .seconds(120)
        {
            try await Task.sleep(for: .milliseconds(50))
        }
        let pid = try #require(
            Int32(String(decoding: try Data(contentsOf: pidFile), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(process.processIdentifier, signal)
        let status = await BlockingPool.run { () -> Int32 in
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(status == code)
        // The program's group was sent SIGKILL before bifrost exited: it dies as soon as the kernel
        // delivers the signal (then gone, or a zombie that init reaps).
        let exited = ContinuousClock.now
        while kill(pid, 0) == 0, !Self.isZombie(pid), ContinuousClock.now - exited < .seconds(30) {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(kill(pid, 0) != 0 || Self.isZombie(pid))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == ["Scenarios", "program.pid"])
    }

    /// Whether `pid` has ended and waits for its parent to reap it.
    static func isZombie(_ pid: Int32) -> Bool {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
    }
}

/// `bifrost review` as a person answers it at the prompt.
@Suite struct ReviewCommandTests {
    @Test func `an answer that is not a, r, s or q is refused and asked again; the pending file stays when skipped`()
        async throws
    {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bifrost-review-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let golden = folder.appendingPathComponent("Golden/case")
        try FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true)
        try Data(#"{"a": 1}"#.utf8).write(to: golden.appendingPathComponent("result.json"))
        try Data(#"{"a": 2}"#.utf8).write(to: golden.appendingPathComponent("result.json.pending"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(BifrostExecutable.path, "the bifrost executable is built"))
        process.arguments = ["review", "--golden", folder.appendingPathComponent("Golden").path]
        let (input, output) = (Pipe(), Pipe())
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data("y\n\ns\n".utf8))
        try input.fileHandleForWriting.close()
        let text = await BlockingPool.run { () -> String in
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        #expect(process.terminationStatus == 0)
        #expect(text.contains("'y' is not an answer: type a, r, s or q"))
        #expect(text.contains("'' is not an answer"))
        #expect(text.components(separatedBy: "accept, reject, skip or quit?").count - 1 == 3)
        #expect(text.hasSuffix("0 accepted, 0 rejected, 1 skipped\n"))
        #expect(FileManager.default.fileExists(atPath: golden.appendingPathComponent("result.json.pending").path))
    }
}
