public import Foundation
public import ServiceLifecycle
import Synchronization

/// Request log lines for standard error, written in batches (every 100 ms, or at 64 KiB), so that a
/// busy server does not make one system call per request.
///
/// A `Service`: run it in the server's `ServiceGroup`; it flushes until the group shuts down, then
/// once more, so the last lines before a stop are written.
public final class RequestLog: Service, Sendable {
    private static let flushSize = 64 << 10
    private let buffer = Mutex<[UInt8]>([])
    private let write: @Sendable ([UInt8]) -> Void

    /// A log writing to `write` (standard error by default).
    public init(write: @escaping @Sendable ([UInt8]) -> Void = { try? FileHandle.standardError.write(contentsOf: Data($0)) }) {
        self.write = write
    }

    /// Adds one line.
    public func append(_ line: String) {
        let full = buffer.withLock { buffer in
            buffer.append(contentsOf: line.utf8)
            buffer.append(UInt8(ascii: "\n"))
            return buffer.count >= Self.flushSize
        }
        if full { flush() }
    }

    /// Writes what is buffered.
    public func flush() {
        let bytes = buffer.withLock { buffer in
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer
        }
        if !bytes.isEmpty { write(bytes) }
    }

    /// Flushes every 100 ms until graceful shutdown or cancellation, then once more.
    public func run() async {
        try? await cancelWhenGracefulShutdown {
            while true {
                try await Task.sleep(for: .milliseconds(100))
                self.flush()
            }
        }
        flush()
    }
}
