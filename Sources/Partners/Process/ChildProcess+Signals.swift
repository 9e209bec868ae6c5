import Foundation
import UnixSignals

extension ChildProcess {
    /// From now until the process exits: on SIGINT or SIGTERM, kills every child still running
    /// (``killEveryChild()``), tells `report` the signal's name and how many, and exits 130 or 143.
    ///
    /// Programs under test run in process groups of their own, which a terminal's Ctrl-C does
    /// not reach: without this they would outlive an interrupted run.
    public static func killChildrenOnSignals(report: @escaping @Sendable (_ signal: String, _ killed: Int) -> Void) {
        Task.detached {
            for await signal in await UnixSignalsSequence(trapping: .sigint, .sigterm) {
                let killed = killEveryChild()
                report(signal == .sigint ? "SIGINT" : "SIGTERM", killed)
                Foundation.exit(signal == .sigint ? 130 : 143)
            }
        }
    }
}
