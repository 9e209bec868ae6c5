import Foundation

/// One updating line on a terminal's standard error: scenarios done of the total, failures
/// so far, time elapsed. Nothing when standard error is not a terminal.
final class ProgressLine {
    let total: Int
    let enabled = Environment.isTerminal
    let started = ContinuousClock.now
    private var done = 0
    private var failed = 0

    init(total: Int) { self.total = total }

    /// Counts one more report and redraws the line.
    func advance(failed: Bool) {
        done += 1
        if failed { self.failed += 1 }
        guard enabled, done < total else { return }
        let elapsed = (ContinuousClock.now - started).components
        let tenths = elapsed.seconds * 10 + elapsed.attoseconds / 100_000_000_000_000_000
        write("[\(done)/\(total)] \(self.failed) failed, \(tenths / 10).\(tenths % 10) s")
    }

    /// Erases the line, before a result is printed.
    func clear() {
        if enabled { write("") }
    }

    private func write(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data("\r\u{1B}[K\(text)".utf8))
    }
}
