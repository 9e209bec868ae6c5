import ChildProcesses
import Foundation
import Harness
import Synchronization
import UnixSignals

#if canImport(Glibc)
    import Glibc
#endif

/// What `bifrost run` does on SIGINT or SIGTERM: kill every program under test with its process
/// group, remove the steps' temporary folders, say so, and exit 130 or 143 at once.
///
/// The exit does not go through the run's tasks: cancelling them would stop the mocks through the
/// path that can deadlock in `merge` (apple/swift-async-algorithms#430), and nothing a scenario
/// half did is kept. `_exit` skips the C libraries' exit handlers, so a libcurl transfer still
/// running on another thread cannot crash the exit. A report being written when the signal comes
/// is finished first, then the process exits: a report is whole or absent, never half written.
enum RunInterruption {
    private struct State {
        var writingReports = false
        /// A signal that came while the reports were being written.
        var pending: UnixSignal?
    }

    private static let state = Mutex(State())

    /// From now until the process exits, a stop request ends the run as described above.
    static func install() {
        Task.detached {
            for await signal in await UnixSignalsSequence(trapping: .sigint, .sigterm) {
                let waits = state.withLock { state in
                    guard state.writingReports else { return false }
                    state.pending = signal
                    return true
                }
                if !waits { stop(signal) }
            }
        }
    }

    /// Runs `write` (the reports) to its end even if a stop request comes meanwhile; then honours it.
    static func writingReports<T>(_ write: () throws -> T) rethrows -> T {
        state.withLock { $0.writingReports = true }
        defer {
            if let signal = state.withLock({ state -> UnixSignal? in
                state.writingReports = false
                return state.pending
            }) {
                stop(signal)
            }
        }
        return try write()
    }

    private static func stop(_ signal: UnixSignal) -> Never {
        let killed = ChildProcess.killEveryChild()
        StepRunner.removeTemporaryFolders()
        let name = signal == .sigint ? "SIGINT" : "SIGTERM"
        printError(
            "bifrost run: stopped by \(name)"
                + (killed > 0 ? "; killed \(killed) program(s) under test with their process groups" : ""))
        _exit(signal == .sigint ? 130 : 143)
    }
}
