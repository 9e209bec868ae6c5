import Dispatch
import Foundation
import Synchronization

/// The threads the mock servers run on, their synchronous handlers included, each request against a deadline.
///
/// Why threads of their own: a handler is synchronous and may be slow or stuck (a test's slow
/// handler, a pathological input). On Swift's cooperative pool it would hold one of the few threads
/// that every other mock, NIO's async sequences and the tests share (STYLE.md rule 8); on a
/// `DispatchQueue` it would hold a worker of the same pool on Linux. So a server runs its tasks on
/// this pool, a `TaskExecutor` (`MockServer` runs the application with it as the task executor
/// preference, which Hummingbird's connection tasks inherit), and each request's handler runs as a
/// job of the pool while the request's task waits on a continuation, resumed by whichever comes
/// first: the handler's answer, the deadline, or the server's `cancelAll(_:)` (shutdown). A
/// handler past its deadline keeps its thread until it returns; its late answer is dropped.
///
/// One pool serves every server of the process (`shared`, each server a `Tenant` whose requests it
/// cancels together), so a scenario's mock starts no thread. A handler asked for by a task running
/// on the pool is handed to that same thread, which runs it as soon as the task suspends, and the
/// task its answer resumes runs next on it too (`Worker`): no lock, no thread woken, no move to
/// another core. Work from elsewhere (a deadline, NIO) goes through the shared queue.
///
/// Why this shape, and not `OwnThread.run` (Transport) or a handler thread woken per request: that
/// call cannot be abandoned at a deadline, and starting or waking a thread per request costs more
/// than a payments-due answer (measured on `Benchmarks/imt-serve.sh`: a thread started per request
/// served 0.3 of what the handlers run inline served, a pool of parked threads woken per request
/// 0.8). One watch thread, waking every `tick`, answers the requests past their deadline and adds a
/// thread when every thread has been in one job longer than `stall` while others wait, so a stuck
/// handler slows the servers down but does not stop them. The race between an answer and its
/// deadline is decided on threads of the pool, whatever keeps the cooperative pool busy.
final class HandlerThreads: TaskExecutor, Sendable {
    /// How a request ended.
    enum Outcome: Sendable {
        case answered(MockResponse)
        case timedOut
        case cancelled
    }

    /// How often the watch thread looks for requests past their deadline.
    static let tick = Duration.milliseconds(20)
    /// How long every thread must have been in its job before the watch adds one.
    static let stall = Duration.milliseconds(50)
    /// The most threads a pool grows to.
    static let maximumThreads = 256

    /// The pool the process's mock servers share: started on first use, never stopped (idle, its
    /// threads are parked), so a scenario's mock starts no thread of its own.
    static let shared = HandlerThreads()

    /// One server's share of a pool: its requests, which `cancelAll(_:)` ends together when the server stops.
    struct Tenant: Sendable, Equatable {
        fileprivate let id: Int
    }

    /// One thing for a thread to run: a task's job, or a request's handler.
    enum Work: Sendable {
        case task(UnownedJob)
        case handler(Job)

        /// The request's handler, when this is one.
        var handler: Job? {
            if case .handler(let job) = self { job } else { nil }
        }
    }

    private struct State {
        var queue = WorkQueue()
        /// Since when each busy thread runs its current work, and the handler it runs, if any.
        var running: [Int: (handler: Job?, since: ContinuousClock.Instant)] = [:]
        var threads = 0
        var parked = 0
        var nextID = 0
        var stopped = false
    }

    private let state = Mutex(State())
    /// How many works are queued, read without the lock by a thread about to park.
    private let queued = Atomic<Int>(0)
    /// The last tenant id given out.
    private let tenants = Atomic<Int>(0)
    /// How many times a thread out of work reads `queued` before it parks (a few microseconds).
    static let spins = 4096
    /// Wakes a parked thread; signalled once per thread taken off `parked`.
    private let wake = DispatchSemaphore(value: 0)
    /// Signalled once, by `shutdown()`, to end the watch thread.
    private let stopWatch = DispatchSemaphore(value: 0)
    /// The threads kept when idle.
    let baseThreads: Int

    /// A pool of `baseThreads` threads (default: one per core, at least 2) and its watch thread;
    /// call `shutdown()` when it is no longer needed (`shared` never is).
    init(baseThreads: Int = max(2, ProcessInfo.processInfo.activeProcessorCount)) {
        self.baseThreads = baseThreads
        for _ in 0..<baseThreads { addThread() }
        let watcher = Thread { [self] in watch() }
        watcher.name = "bifrost.mock-deadlines"
        watcher.start()
    }

    /// Runs a task's job on a thread of the pool.
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        if let worker = Worker.current(of: self), worker.delivering, worker.resumed == nil {
            worker.resumed = job
        } else {
            enqueue(.task(job))
        }
    }

    /// Runs `work` on a thread of the pool; returns its answer, `.timedOut` once `deadline` passed, or
    /// `.cancelled` when `cancelAll(tenant)` ends it first.
    ///
    /// No cancellation handler per request: each one is a status record the runtime scans whenever the
    /// task switches executors. The server cancels its requests at once with `cancelAll(_:)` instead.
    func run(_ work: @escaping @Sendable () -> MockResponse, deadline: Duration, for tenant: Tenant) async -> Outcome {
        let job = Job(work: work, deadline: .now + deadline, tenant: tenant)
        return await withUnsafeContinuation { continuation in
            guard job.install(continuation) else { return }
            // Called from a task's job on a thread of the pool: that thread runs the handler next.
            if let worker = Worker.current(of: self), worker.handler == nil {
                worker.handler = job
            } else {
                enqueue(.handler(job))
            }
        }
    }

    /// A new tenant, for one server.
    func tenant() -> Tenant { Tenant(id: tenants.add(1, ordering: .relaxed).newValue) }

    /// Ends every request of `tenant` waiting or running with `.cancelled`: its server is stopping.
    func cancelAll(_ tenant: Tenant) {
        let jobs = state.withLock { state in state.queue.handlers + state.running.values.compactMap(\.handler) }
        for job in jobs where job.tenant == tenant { job.finish(.cancelled) }
    }

    /// Lets the threads and the watch end once the queue is empty; a thread still in a handler ends when it returns.
    func shutdown() {
        let parked = state.withLock { state in
            state.stopped = true
            defer { state.parked = 0 }
            return state.parked
        }
        for _ in 0..<parked { wake.signal() }
        stopWatch.signal()
    }

    /// Whether work arrived while the thread looked for a few microseconds before parking: a busy
    /// server's next job comes that soon, and taking it without sleeping saves a wake-up.
    private func awaitsWork() -> Bool {
        for _ in 0..<Self.spins where queued.load(ordering: .relaxed) > 0 { return true }
        return false
    }

    private func enqueue(_ work: Work) {
        queued.add(1, ordering: .relaxed)
        let wakeOne = state.withLock { state in
            state.queue.push(work)
            guard state.parked > 0 else { return false }
            state.parked -= 1
            return true
        }
        if wakeOne { wake.signal() }
    }

    private func addThread() {
        let id = state.withLock { state in
            state.threads += 1
            state.nextID += 1
            return state.nextID
        }
        let thread = Thread { [self] in loop(id) }
        thread.name = "bifrost.mock-server"
        thread.start()
    }

    /// A thread's life: run the next work; park when there is none; end when the pool stops and
    /// the queue is empty, or when it is idle and the pool has more than `baseThreads`.
    private func loop(_ id: Int) {
        let worker = Worker(pool: self)
        worker.enter()
        defer { worker.leave() }
        while true {
            let next: Work? = state.withLock { state in
                if let work = worker.take() {
                    state.running[id] = (work.handler, .now)
                    return work
                }
                state.running[id] = nil
                while let work = state.queue.pop() {
                    queued.subtract(1, ordering: .relaxed)
                    state.running[id] = (work.handler, .now)
                    return work
                }
                return nil
            }
            switch next {
            case .task(let job): job.runSynchronously(on: asUnownedTaskExecutor())
            case .handler(let job) where job.isFinished: continue
            case .handler(let job):
                let answer = job.work()
                worker.delivering = true
                job.finish(.answered(answer))
                worker.delivering = false
            case nil where awaitsWork():
                continue
            case nil:
                // Decided under the lock `enqueue` pushes under: work pushed since the look above is
                // taken, not left in the queue behind a thread that parks without being woken for it.
                let ends: Bool? = state.withLock { state in
                    if !state.queue.isEmpty { return nil }
                    if state.stopped || state.threads > baseThreads {
                        state.threads -= 1
                        return true
                    }
                    state.parked += 1
                    return false
                }
                switch ends {
                case nil: continue
                case true?: return
                case false?: wake.wait()
                }
            }
        }
    }

    /// The watch thread's life: every `tick`, `expire`, until `shutdown()`.
    private func watch() {
        let tick = DispatchTimeInterval.nanoseconds(Int(Self.tick.components.attoseconds / 1_000_000_000))
        while stopWatch.wait(timeout: .now() + tick) == .timedOut {
            expire(now: .now)
        }
    }

    /// Ends the requests whose deadline is at or before `now`, and adds a thread if all are stalled.
    func expire(now: ContinuousClock.Instant) {
        let (late, grow) = state.withLock { state -> ([Job], Bool) in
            let late = (state.queue.handlers + state.running.values.compactMap(\.handler)).filter {
                !$0.isFinished && $0.deadline <= now
            }
            let stalled =
                state.running.count == state.threads && state.running.values.allSatisfy { now - $0.since >= Self.stall }
            return (late, !state.stopped && stalled && !state.queue.isEmpty && state.threads < Self.maximumThreads)
        }
        for job in late { job.finish(.timedOut) }
        if grow { addThread() }
    }
}

/// The work waiting for a thread, first in first out.
private struct WorkQueue {
    private var items: [HandlerThreads.Work?] = []
    private var head = 0

    var isEmpty: Bool { head == items.count }

    mutating func push(_ work: HandlerThreads.Work) { items.append(work) }

    mutating func pop() -> HandlerThreads.Work? {
        guard head < items.count else { return nil }
        defer {
            items[head] = nil
            head += 1
            if head == items.count {
                items.removeAll(keepingCapacity: true)
                head = 0
            }
        }
        return items[head]
    }

    /// The handlers waiting, oldest first.
    var handlers: [HandlerThreads.Job] {
        items[head...].compactMap { work in
            if case .handler(let job) = work { job } else { nil }
        }
    }
}
