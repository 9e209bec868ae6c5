import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A thread of its own that runs the jobs of the tasks preferring it (`withTaskExecutorPreference`),
/// and on which a blocking call may run in place: the thread is nobody else's.
///
/// `bifrost run` gives each scenario running at once one of these. The scenario's libcurl
/// transfers then run on it directly (`HTTPClient.send`), where otherwise each would start a
/// thread (`OwnThread`) and wake a thread of the cooperative pool to resume the scenario: about
/// 0.1 ms of an exchange with a mock that takes 0.6. A task blocked in a transfer holds only its
/// own scenario's thread; the mocks run on theirs (`HandlerThreads`), the other scenarios on theirs.
///
/// ```swift
/// let thread = JobThread(name: "bifrost.scenario")
/// defer { thread.shutdown() }
/// let report = await withTaskExecutorPreference(thread) { await runScenario() }
/// ```
public final class JobThread: TaskExecutor, Sendable {
    private struct State {
        var jobs: [UnownedJob] = []
        var parked = false
        var stopped = false
    }

    private let state = Mutex(State())
    private let wake = DispatchSemaphore(value: 0)

    /// Starts the thread; it runs until `shutdown()`.
    public init(name: String) {
        let thread = Thread { [self] in loop() }
        thread.name = name
        thread.start()
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let wakes = state.withLock { state in
            state.jobs.append(job)
            defer { state.parked = false }
            return state.parked
        }
        if wakes { wake.signal() }
    }

    /// Lets the thread end once the jobs queued have run.
    public func shutdown() {
        let wakes = state.withLock { state in
            state.stopped = true
            defer { state.parked = false }
            return state.parked
        }
        if wakes { wake.signal() }
    }

    /// Whether the calling thread is a job thread, where blocking work may run in place.
    public static var isCurrent: Bool { pthread_getspecific(key) != nil }

    private func loop() {
        pthread_setspecific(Self.key, Unmanaged.passUnretained(self).toOpaque())
        defer { pthread_setspecific(Self.key, nil) }
        // Two buffers swapped under the lock: the thread runs one batch while the next fills.
        var batch: [UnownedJob] = []
        while true {
            let ends = state.withLock { state in
                guard state.jobs.isEmpty else {
                    swap(&batch, &state.jobs)
                    return false
                }
                state.parked = !state.stopped
                return state.stopped
            }
            if ends { return }
            if batch.isEmpty {
                wake.wait()
                continue
            }
            for job in batch { job.runSynchronously(on: asUnownedTaskExecutor()) }
            batch.removeAll(keepingCapacity: true)
        }
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()
}
