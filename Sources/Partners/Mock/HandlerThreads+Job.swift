import Synchronization

extension HandlerThreads {
    /// One request's handler: its work, its deadline, and the one continuation its outcome resumes.
    final class Job: Sendable {
        private enum Waiter {
            case none
            case waiting(UnsafeContinuation<Outcome, Never>)
            /// Finished; the outcome kept when it came before the continuation.
            case finished(Outcome?)
        }

        let work: @Sendable () -> MockResponse
        let deadline: ContinuousClock.Instant
        let tenant: Tenant
        private let waiter = Mutex(Waiter.none)

        init(work: @escaping @Sendable () -> MockResponse, deadline: ContinuousClock.Instant, tenant: Tenant) {
            self.work = work
            self.deadline = deadline
            self.tenant = tenant
        }

        var isFinished: Bool { waiter.withLock { if case .finished = $0 { true } else { false } } }

        /// Waits with `continuation`; false when an outcome came first (it resumed `continuation` with it).
        func install(_ continuation: UnsafeContinuation<Outcome, Never>) -> Bool {
            let early: Outcome?? = waiter.withLock { waiter in
                if case .finished(let outcome) = waiter { return .some(outcome) }
                waiter = .waiting(continuation)
                return .none
            }
            guard let early else { return true }
            continuation.resume(returning: early ?? .cancelled)
            return false
        }

        /// Resumes the waiting task with `outcome`, unless another outcome came first.
        func finish(_ outcome: Outcome) {
            let continuation: UnsafeContinuation<Outcome, Never>? = waiter.withLock { waiter in
                switch waiter {
                case .finished: return nil
                case .none:
                    waiter = .finished(outcome)
                    return nil
                case .waiting(let continuation):
                    waiter = .finished(nil)
                    return continuation
                }
            }
            continuation?.resume(returning: outcome)
        }
    }
}
