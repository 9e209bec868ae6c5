import ChildProcesses
import Foundation
import Synchronization

/// What `sshd -e` writes to its standard error, and waits for a line in it.
///
/// The server is ready when it says "Server listening", not after a sleep.
final class SSHDLog: Sendable {
    private struct Waiter {
        var id: Int
        var text: String
        var continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var text = ""
        var ended = false
        var waiters: [Waiter] = []
        /// Waits that timed out before their waiter was registered.
        var timedOut: Set<Int> = []
        var nextID = 0

        /// Takes out the waiters that need wait no more.
        mutating func settled() -> [Waiter] {
            let done = waiters.filter { ended || text.contains($0.text) }
            waiters.removeAll { ended || text.contains($0.text) }
            return done
        }
    }

    private let state = Mutex(State())

    /// Reads the output of `sshd` until its end, which comes when sshd and its sessions have exited;
    /// the reading task ends then.
    init(reading sshd: ChildProcess) {
        Task { [self] in
            await sshd.readOutput { bytes in
                self.append(String(decoding: bytes, as: UTF8.self))
                return true
            }
            append(nil)
        }
    }

    /// Adds `text` to the log, or marks its end (nil), and resumes the waits this settles.
    private func append(_ text: String?) {
        let done = state.withLock { state in
            if let text { state.text += text } else { state.ended = true }
            return state.settled()
        }
        for waiter in done { waiter.continuation.resume() }
    }

    var text: String { state.withLock { $0.text } }

    /// Waits until the log holds `text`, sshd's output ends, or `timeout` passes; true when it holds `text`.
    func wait(for text: String, timeout: Duration) async -> Bool {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    let done = self.state.withLock { state in
                        let waiter = Waiter(id: id, text: text, continuation: continuation)
                        if state.timedOut.remove(id) != nil { return [waiter] }
                        state.waiters.append(waiter)
                        return state.settled()
                    }
                    for waiter in done { waiter.continuation.resume() }
                }
            }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
            // After a timeout the first task still waits, or is about to: let it go.
            let late: Waiter? = state.withLock { state in
                if let index = state.waiters.firstIndex(where: { $0.id == id }) { return state.waiters.remove(at: index) }
                state.timedOut.insert(id)
                return nil
            }
            late?.continuation.resume()
        }
        return self.text.contains(text)
    }
}
