import ChildProcesses
import Foundation
import Testing

/// Child processes through swift-subprocess: exit statuses awaited, output read, groups and termination.
@Suite struct ChildProcessTests {
    /// Starts `/bin/sh -c script`, in a group of its own when `ownGroup`.
    func shell(_ script: String, ownGroup: Bool = false) async throws -> ChildProcess {
        var launch = ChildProcess.Launch("/bin/sh", ["-c", script])
        launch.ownGroup = ownGroup
        return try await ChildProcess.start(launch)
    }

    /// The child's output up to its first newline.
    func firstLine(_ process: ChildProcess) async -> String {
        var text = ""
        await process.readOutput { bytes in
            text += String(decoding: bytes, as: UTF8.self)
            return !text.contains("\n")
        }
        return String(text.prefix { $0 != "\n" })
    }

    @Test func `a child that exits is reaped and its exit code awaited`() async throws {
        let process = try await shell("read line; exit 3")
        #expect(process.exitStatus == nil)
        #expect(await process.wait() == 3)
        #expect(process.exitStatus == 3)
        // The status is kept: waiting again answers at once, and no signal goes to the reaped pid.
        #expect(await process.wait() == 3)
        process.send(signal: SIGTERM)
    }

    @Test func `a child inherits none of this process's descriptors beyond its standard three`() async throws {
        // Opened without close-on-exec, as a file another thread is writing may be.
        let descriptor = Foundation.open("/dev/null", O_RDONLY)
        defer { close(descriptor) }
        #expect(descriptor > 2)
        let process = try await shell("if [ -e /proc/$$/fd/\(descriptor) ]; then echo inherited; else echo closed; fi")
        #expect(await firstLine(process) == "closed")
        #expect(await process.wait() == 0)
    }

    @Test func `every waiter gets the exit code, however many wait`() async throws {
        let process = try await shell("sleep 0.1; exit 7")
        let statuses = await withTaskGroup(of: Int32.self) { group in
            for _ in 0..<8 { group.addTask { await process.wait() } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 7, count: 8))
    }

    @Test func `terminate ends a child that honours SIGTERM with SIGTERM's status`() async throws {
        let process = try await shell("echo ready; exec sleep 30")
        #expect(await firstLine(process) == "ready")
        // 143, not 137: SIGTERM ended it, before the grace ran out and SIGKILL was sent.
        #expect(await process.terminate(grace: .seconds(30)) == 128 + SIGTERM)
    }

    @Test func `terminate kills a child that ignores SIGTERM once the grace has passed`() async throws {
        // The shell ignores SIGTERM, and so does the sleep it becomes; the trap is set before "ready".
        let process = try await shell("trap '' TERM; echo ready; exec sleep 30")
        #expect(await firstLine(process) == "ready")
        let started = ContinuousClock.now
        #expect(await process.terminate(grace: .milliseconds(300)) == 128 + SIGKILL)
        #expect(ContinuousClock.now - started >= .milliseconds(300))
    }

    @Test func `what a child in its own group leaves running is killed when it ends`() async throws {
        let process = try await shell("sleep 60 & echo $!; exit 0", ownGroup: true)
        let background = try #require(Int32(await firstLine(process)))
        #expect(await process.wait() == 0)
        // The group was sent SIGKILL before the waiters were resumed; the sleep dies as soon as the
        // kernel delivers it. Waits for that, with a cap a loaded machine never reaches.
        let sent = ContinuousClock.now
        while kill(background, 0) == 0, !Self.isZombie(background), ContinuousClock.now - sent < .seconds(30) {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(kill(background, 0) != 0 || Self.isZombie(background))
    }

    @Test func `output past the limit is counted, not kept, and standard error is apart under separateErrors`() async throws {
        var launch = ChildProcess.Launch("/bin/sh", ["-c", "printf 0123456789; printf oops >&2"])
        launch.separateErrors = true
        let process = try await ChildProcess.start(launch)
        let (output, errors) = await process.capture(limit: 4)
        #expect(String(decoding: output.bytes, as: UTF8.self) == "0123")
        #expect(output.dropped == 6)
        #expect(String(decoding: errors.bytes, as: UTF8.self) == "oops")
        #expect(await process.wait() == 0)
    }

    @Test func `a missing executable is a start error naming it`() async {
        await #expect {
            _ = try await ChildProcess.start(ChildProcess.Launch("/nonexistent/tool", []))
        } throws: { error in
            "\(error)".contains("cannot run /nonexistent/tool")
        }
    }

    /// Whether `pid` has ended and waits for its parent to reap it.
    static func isZombie(_ pid: Int32) -> Bool {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
    }
}
