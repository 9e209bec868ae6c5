import NIOCore
import NIOPosix
import Synchronization

/// Runs the mocks' synchronous handlers against their deadlines: in place when they cannot wait,
/// else on swift-nio's `NIOThreadPool`, where a task scheduled on the request's event loop fires the deadline.
///
/// A mock's core is a pure function of a bounded request: it runs in place, on the connection's
/// task, and an answer that came past the deadline is replaced by the deadline's answer. A core
/// that may wait (a postback to a slow listener, a test's stuck handler) would hold a thread of
/// Swift's cooperative pool, which every mock and test shares (STYLE.md rule 8), so it runs on this
/// pool, of which it blocks one thread at most, while the request's task waits for whichever comes
/// first: the answer or the deadline (`RequestDeadline`). A handler past its deadline keeps its
/// thread until it returns, and its late answer is dropped.
enum HandlerPool {
    /// How a request ended.
    enum Outcome: Sendable {
        case answered(MockResponse)
        case timedOut
        /// The request's task was cancelled first: its server is stopping.
        case cancelled
    }

    /// The pool the process's mock servers share, started at first use and never stopped.
    static let shared: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
        return pool
    }()

    /// Threads enough that a few stuck handlers leave others free: two per core, at least 4.
    static let threads = max(4, 2 * System.coreCount)

    /// Runs `work` in place, on the caller's thread: for a core that cannot wait (a pure function of
    /// bounded input). Its answer counts if it came before `deadline`; a later one is `.timedOut`.
    static func runInPlace(_ work: () -> MockResponse, deadline: Duration) -> Outcome {
        var race = RequestDeadline(deadline: ContinuousClock.now + deadline)
        let answer = work()
        return race.answer(at: .now) ? .answered(answer) : .timedOut
    }

    /// Runs `work` on the pool; returns its answer, `.timedOut` once `deadline` has passed first, or
    /// `.cancelled` when the calling task is cancelled first.
    static func run(
        _ work: @escaping @Sendable () -> MockResponse, deadline: Duration, on eventLoop: any EventLoop
    ) async -> Outcome {
        let race = Race(deadline: .now + deadline)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                guard race.install(continuation) else { return }
                race.schedule(on: eventLoop)
                shared.submit { _ in race.answer(work()) }
            }
        } onCancel: {
            race.cancel()
        }
    }

    /// One request's race: its state machine, the continuation its outcome resumes, and its timer.
    private final class Race: Sendable {
        private struct State {
            var deadline: RequestDeadline<ContinuousClock.Instant>
            var timer: Scheduled<Void>?
            var continuation: CheckedContinuation<Outcome, Never>?
        }

        private let state: Mutex<State>

        init(deadline: ContinuousClock.Instant) {
            state = Mutex(State(deadline: RequestDeadline(deadline: deadline)))
        }

        /// Keeps the continuation the outcome resumes; false, having resumed it, when the race was
        /// already decided (cancelled before it began).
        func install(_ continuation: CheckedContinuation<Outcome, Never>) -> Bool {
            let decided = state.withLock { state in
                guard state.deadline.state == .running else { return true }
                state.continuation = continuation
                return false
            }
            if decided { continuation.resume(returning: .cancelled) }
            return !decided
        }

        /// The request's task was cancelled: resumes it with `.cancelled` unless the race was decided.
        func cancel() {
            let (continuation, timer) = state.withLock { state in
                state.deadline.cancel() ? (state.continuation.take(), state.timer) : (nil, nil)
            }
            timer?.cancel()
            continuation?.resume(returning: .cancelled)
        }

        /// Arms the timer for the deadline (again, when it fired early).
        func schedule(on eventLoop: any EventLoop) {
            let delay = state.withLock { $0.deadline.deadline } - .now
            let timer = eventLoop.scheduleTask(in: .nanoseconds(max(0, delay.nanoseconds))) { self.fire(on: eventLoop) }
            // A timer armed after the race was decided is cancelled at once.
            let decided = state.withLock { state in
                guard state.deadline.state == .running else { return true }
                state.timer = timer
                return false
            }
            if decided { timer.cancel() }
        }

        /// The handler's answer: resumes the request unless the deadline did first.
        func answer(_ response: MockResponse) {
            let (continuation, timer) = state.withLock { state in
                state.deadline.answer() ? (state.continuation.take(), state.timer) : (nil, nil)
            }
            timer?.cancel()
            continuation?.resume(returning: .answered(response))
        }

        private func fire(on eventLoop: any EventLoop) {
            let (action, continuation) = state.withLock { state in
                let action = state.deadline.fire(now: .now)
                return (action, action == .expire ? state.continuation.take() : nil)
            }
            switch action {
            case .expire: continuation?.resume(returning: .timedOut)
            case .fireAgain: schedule(on: eventLoop)
            case .nothing: break
            }
        }
    }
}

extension Duration {
    /// The duration in whole nanoseconds, rounded down.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
