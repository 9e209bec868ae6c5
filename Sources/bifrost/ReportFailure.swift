import Synchronization

/// Whether the certification report of a stopping server could not be written: `serve` then exits 2.
final class ReportFailure: Sendable {
    private let failed = Mutex(false)

    func record() { failed.withLock { $0 = true } }

    var happened: Bool { failed.withLock { $0 } }
}
