import NIOPosix
import Synchronization

/// The threads that blocking work runs on: libcurl transfers, reads of unknown size, connection probes.
///
/// One swift-nio `NIOThreadPool` for the process, never Swift's cooperative pool nor a libdispatch
/// queue: on Linux both share one worker pool sized to the cores, and a worker blocked there starves
/// the mocks' handlers and every other task until libdispatch notices, about a second later. The
/// pool decides "queue empty, sleep" under one lock and condition, so a wake-up is never lost.
///
/// ```swift
/// let response = try await BlockingPool.run { () throws(TransportError) in try easy.perform() }
/// ```
public enum BlockingPool {
    /// The threads the pool starts with unless `reserve(threads:)` asked for more first.
    public static let defaultThreads = 8

    private static let requested = Mutex(defaultThreads)

    /// Asks for at least `threads` threads, for a run of that many scenarios at once, each of which
    /// may block one thread in a transfer. Has effect only before the pool's first use.
    public static func reserve(threads: Int) {
        requested.withLock { $0 = max($0, threads) }
    }

    /// The pool, started at first use and never stopped.
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: requested.withLock { $0 })
        pool.start()
        return pool
    }()

    /// Runs `work` on a thread of the pool and returns what it returned, or throws what it threw.
    ///
    /// The work runs even when the calling task is cancelled: a transfer or a read that was asked
    /// for is carried out, and its own timeout bounds it.
    public static func run<T: Sendable, Failure: Error>(
        _ work: @escaping @Sendable () throws(Failure) -> T
    ) async throws(Failure) -> T {
        let result: Result<T, Failure> = await withCheckedContinuation { continuation in
            // `.cancelled` comes only from a pool shutting down, which this one never does.
            pool.submit { _ in continuation.resume(returning: Result { () throws(Failure) -> T in try work() }) }
        }
        return try result.get()
    }
}
