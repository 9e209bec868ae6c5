import BifrostTesting
import Foundation
import Partners
import Synchronization
import Testing
import Transport

/// The threads scenarios run on, which their transfers block in place.
@Suite struct JobThreadTests {
    @Test func `a task preferring the thread runs on it, and only there is it current`() async {
        let thread = JobThread(name: "bifrost.test")
        defer { thread.shutdown() }
        #expect(!JobThread.isCurrent)
        #expect(await withTaskExecutorPreference(thread) { JobThread.isCurrent })
        #expect(!JobThread.isCurrent)
    }

    @Test func `the child tasks of a task on the thread run there too, one after another`() async {
        let thread = JobThread(name: "bifrost.test")
        defer { thread.shutdown() }
        let overlap = Overlap()
        let onThread = await withTaskExecutorPreference(thread) {
            await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        overlap.enter()
                        usleep(200)
                        overlap.leave()
                        return JobThread.isCurrent
                    }
                }
                return await group.reduce(true) { $0 && $1 }
            }
        }
        #expect(onThread)
        #expect(overlap.most == 1)
    }

    /// How many callers were between `enter()` and `leave()` at once, at most.
    final class Overlap: Sendable {
        private let state = Mutex((now: 0, most: 0))

        func enter() {
            state.withLock { state in
                state.now += 1
                state.most = max(state.most, state.now)
            }
        }

        func leave() { state.withLock { $0.now -= 1 } }

        var most: Int { state.withLock { $0.most } }
    }

    @Test func `transfers from two job threads at once reach a mock and come back`() async throws {
        let threads = [JobThread(name: "bifrost.test-1"), JobThread(name: "bifrost.test-2")]
        defer { threads.forEach { $0.shutdown() } }
        try await MockHarness.withMock(maximumBodySize: 1024, HTTPClientTests.echo) { echo in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for thread in threads {
                    group.addTask(executorPreference: thread) {
                        var statuses = 0
                        for _ in 0..<5 { statuses += try await echo.send("GET", "/").status }
                        return statuses
                    }
                }
                for try await statuses in group { #expect(statuses == 5 * 207) }
            }
        }
    }
}
