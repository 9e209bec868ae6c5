import Foundation
import Synchronization

/// Request log lines for standard error, written in batches (every 100 ms, or at 64 KiB)
/// so that a busy server does not make one system call per request.
final class BatchedLog: Sendable {
    private static let flushSize = 64 << 10
    private let buffer = Mutex<[UInt8]>([])

    func append(_ line: String) {
        let full = buffer.withLock { buffer in
            buffer.append(contentsOf: line.utf8)
            buffer.append(UInt8(ascii: "\n"))
            return buffer.count >= Self.flushSize
        }
        if full { flush() }
    }

    /// Writes what is buffered.
    func flush() {
        let bytes = buffer.withLock { buffer in
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer
        }
        if !bytes.isEmpty { FileHandle.standardError.write(Data(bytes)) }
    }

    /// Flushes every 100 ms until cancelled, then once more.
    func flushPeriodically() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(100))
            flush()
        }
        flush()
    }
}
