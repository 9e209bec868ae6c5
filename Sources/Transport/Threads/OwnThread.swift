import Foundation

/// Runs blocking work (a libcurl transfer, a `waitpid`, a read of unknown size) on a thread of its own.
///
/// Not on a `DispatchQueue` and not on Swift's cooperative pool: on Linux both draw
/// their workers from one pool sized to the cores, so work blocked there starves the
/// mocks' handlers until libdispatch's monitor adds a thread, about a second later.
/// A new thread costs tens of microseconds, far less than the exchange it carries.
///
/// ```swift
/// let response = try await OwnThread.run { () throws(TransportError) in try easy.perform() }
/// ```
public enum OwnThread {
    /// Runs `work` on a new thread and returns what it returned or throws what it threw.
    public static func run<T: Sendable, Failure: Error>(
        _ work: @escaping @Sendable () throws(Failure) -> T
    ) async throws(Failure) -> T {
        let result: Result<T, Failure> = await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: Result { () throws(Failure) -> T in try work() })
            }
            thread.name = "bifrost.blocking"
            thread.start()
        }
        return try result.get()
    }
}
