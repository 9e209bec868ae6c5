import Dispatch
import Foundation
import Synchronization

/// The threads a mock server runs its synchronous handlers on, each request against a deadline.
///
/// Why threads of their own: a handler is synchronous and may be slow or stuck (a test's slow
/// handler, a pathological input). Run inline, it would hold one of the few threads of Swift's
/// cooperative pool, which NIO's handlers and every other mock share (STYLE.md rule 8); run on a
/// `DispatchQueue`, it would hold a worker of the same pool on Linux. So each request's handler runs
/// on a dedicated thread while the server's task waits on a continuation that is resumed by
/// whichever comes first: the handler's answer, the deadline, or the task's cancellation (server
/// shutdown). A handler past its deadline keeps its thread until it returns; its late answer is
/// dropped, and other requests get other threads.
///
/// Why a pool and not `OwnThread.run` (Transport): that call cannot be abandoned at a deadline, and
/// a thread started per request costs tens of microseconds, as much as a whole payments-due answer.
/// Here threads are parked when idle (up to `keepIdle`) and a new one is started only when none is:
/// the cost per request is one hand-over. Deadlines are checked by one watch thread per pool, waking
/// every `tick`: a request costs no timer of its own, and the race between an answer and its
/// deadline is decided on threads of their own, whatever keeps Swift's cooperative pool busy.
final class HandlerThreads: Sendable {
    /// How a request ended.
    enum Outcome: Sendable {
        case answered(MockResponse)
        case timedOut
        case cancelled
    }

    /// How often `watch()` looks for requests past their deadline.
    static let tick = Duration.milliseconds(20)

    private struct State {
        var idle: [Worker] = []
        var all: [ObjectIdentifier: Worker] = [:]
        var stopped = false
    }

    private let state = Mutex(State())
    /// Signalled once, by `shutdown()`, to end the watch thread.
    private let stopWatch = DispatchSemaphore(value: 0)
    /// The most idle threads kept parked.
    let keepIdle: Int

    /// A pool and its watch thread; call `shutdown()` when the server stops.
    init(keepIdle: Int = 16) {
        self.keepIdle = keepIdle
        let watcher = Thread { [self] in watch() }
        watcher.name = "bifrost.mock-deadlines"
        watcher.start()
    }

    /// Runs `work` on a handler thread; returns its answer, or `.timedOut` once `deadline` passed, or `.cancelled`.
    func run(_ work: @escaping @Sendable () -> MockResponse, deadline: Duration) async -> Outcome {
        let job = Job(work: work, deadline: .now + deadline)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // A task cancelled before it got here is answered at once, and its handler never runs.
                if job.install(continuation) { start(job) }
            }
        } onCancel: {
            job.finish(.cancelled)
        }
    }

    /// Ends the requests whose deadline is at or before `now`.
    func expire(now: ContinuousClock.Instant) {
        let workers = state.withLock { Array($0.all.values) }
        for worker in workers {
            if let job = worker.job.withLock({ $0 }), job.deadline <= now { job.finish(.timedOut) }
        }
    }

    /// Lets the parked threads and the watch end; threads still in a handler end when it returns.
    func shutdown() {
        let idle = state.withLock { state in
            state.stopped = true
            defer { state.idle.removeAll() }
            return state.idle
        }
        for worker in idle { worker.wake.signal() }
        stopWatch.signal()
    }

    /// The watch thread's life: every `tick`, end the requests past their deadline, until `shutdown()`.
    private func watch() {
        let tick = DispatchTimeInterval.nanoseconds(Int(Self.tick.components.attoseconds / 1_000_000_000))
        while stopWatch.wait(timeout: .now() + tick) == .timedOut {
            expire(now: .now)
        }
    }

    private func start(_ job: Job) {
        if let worker = state.withLock({ $0.idle.popLast() }) {
            worker.job.withLock { $0 = job }
            worker.wake.signal()
            return
        }
        let worker = Worker()
        worker.job.withLock { $0 = job }
        state.withLock { $0.all[ObjectIdentifier(worker)] = worker }
        let thread = Thread { [self] in loop(worker) }
        thread.name = "bifrost.mock-handler"
        thread.start()
    }

    /// A handler thread's life: run the job, park until the next one, end when the pool has enough idle threads.
    private func loop(_ worker: Worker) {
        while let job = worker.job.withLock({ $0 }) {
            job.finish(.answered(job.work()))
            worker.job.withLock { $0 = nil }
            let parked = state.withLock { state in
                guard !state.stopped, state.idle.count < keepIdle else {
                    state.all[ObjectIdentifier(worker)] = nil
                    return false
                }
                state.idle.append(worker)
                return true
            }
            guard parked else { return }
            worker.wake.wait()
        }
        state.withLock { $0.all[ObjectIdentifier(worker)] = nil }
    }

    /// A parked or working thread: the job it runs, and what wakes it.
    private final class Worker: Sendable {
        let job = Mutex<Job?>(nil)
        let wake = DispatchSemaphore(value: 0)
    }

    /// One request: its work, its deadline, and the one continuation its outcome resumes.
    private final class Job: Sendable {
        private enum Waiter {
            case none
            case waiting(CheckedContinuation<Outcome, Never>)
            case finished(Outcome)
        }

        let work: @Sendable () -> MockResponse
        let deadline: ContinuousClock.Instant
        private let waiter = Mutex(Waiter.none)

        init(work: @escaping @Sendable () -> MockResponse, deadline: ContinuousClock.Instant) {
            self.work = work
            self.deadline = deadline
        }

        /// Waits with `continuation`; false when an outcome came first (it resumed `continuation` with it).
        func install(_ continuation: CheckedContinuation<Outcome, Never>) -> Bool {
            let early: Outcome? = waiter.withLock { waiter in
                if case .finished(let outcome) = waiter { return outcome }
                waiter = .waiting(continuation)
                return nil
            }
            guard let early else { return true }
            continuation.resume(returning: early)
            return false
        }

        /// Resumes the waiting task with `outcome`, unless another outcome came first.
        func finish(_ outcome: Outcome) {
            let continuation: CheckedContinuation<Outcome, Never>? = waiter.withLock { waiter in
                switch waiter {
                case .finished: return nil
                case .none:
                    waiter = .finished(outcome)
                    return nil
                case .waiting(let continuation):
                    waiter = .finished(outcome)
                    return continuation
                }
            }
            continuation?.resume(returning: outcome)
        }
    }
}
