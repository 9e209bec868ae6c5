import Foundation
import Testing

@testable import Partners

/// Child processes: exit statuses awaited from their own reaper thread, and termination.
@Suite struct ChildProcessTests {
    /// Starts `/bin/sh -c script`.
    func shell(_ script: String) throws -> ChildProcess { try ChildProcess("/bin/sh", ["-c", script]) }

    /// The child's output up to its first newline, read on a thread of its own.
    func firstLine(_ process: ChildProcess) async -> String {
        await withCheckedContinuation { continuation in
            Thread {
                var text = ""
                process.readOutput { bytes in
                    text += String(decoding: bytes, as: UTF8.self)
                    return !text.contains("\n")
                }
                continuation.resume(returning: String(text.prefix { $0 != "\n" }))
            }.start()
        }
    }

    @Test func `a child that exits is reaped and its exit code awaited, with no polling`() async throws {
        let process = try shell("sleep 0.2; exit 3")
        #expect(process.exitStatus == nil)
        let started = ContinuousClock.now
        #expect(await process.wait() == 3)
        #expect(ContinuousClock.now - started < .seconds(10), "the wait ends when the child does, however loaded the machine")
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
        let process = try shell("if [ -e /proc/$$/fd/\(descriptor) ]; then echo inherited; else echo closed; fi")
        #expect(await firstLine(process) == "closed")
        #expect(await process.wait() == 0)
    }

    @Test func `every waiter gets the exit code, however many wait`() async throws {
        let process = try shell("sleep 0.1; exit 7")
        let statuses = await withTaskGroup(of: Int32.self) { group in
            for _ in 0..<8 { group.addTask { await process.wait() } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 7, count: 8))
    }

    @Test func `terminate ends a child that honours SIGTERM at once`() async throws {
        let process = try shell("echo ready; exec sleep 30")
        #expect(await firstLine(process) == "ready")
        let started = ContinuousClock.now
        #expect(await process.terminate() == 128 + SIGTERM)
        // Before the grace ends; not tighter, as a loaded test run may be slow to resume the task.
        #expect(ContinuousClock.now - started < .milliseconds(1900))
    }

    @Test func `terminate kills a child that ignores SIGTERM after the 2 s grace`() async throws {
        // The shell ignores SIGTERM, and so does the sleep it becomes; the trap is set before "ready".
        let process = try shell("trap '' TERM; echo ready; exec sleep 30")
        #expect(await firstLine(process) == "ready")
        let started = ContinuousClock.now
        #expect(await process.terminate() == 128 + SIGKILL)
        let elapsed = ContinuousClock.now - started
        #expect(elapsed >= .milliseconds(1900) && elapsed < .seconds(4), "\(elapsed)")
    }

    @Test func `a missing executable is a start error naming it`() {
        #expect {
            _ = try ChildProcess("/nonexistent/tool", [])
        } throws: { error in
            "\(error)".contains("cannot run /nonexistent/tool")
        }
    }
}
