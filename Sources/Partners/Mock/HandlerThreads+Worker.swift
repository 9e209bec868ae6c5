#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension HandlerThreads {
    /// What one thread of the pool keeps to itself: the work it hands over to itself, without the
    /// shared queue, so that a request's handler and the task it answers stay on the thread that
    /// started them (no lock, no other thread woken, no migration between cores).
    ///
    /// Only its own thread reads or writes it; `current(of:)` finds it.
    final class Worker {
        unowned let pool: HandlerThreads
        /// A handler the task just run asked for; run before anything from the queue.
        var handler: Job?
        /// The task a handler's answer resumed; run right after the handler.
        var resumed: UnownedJob?
        /// True while the thread delivers a handler's answer: the task it resumes becomes `resumed`.
        var delivering = false

        init(pool: HandlerThreads) { self.pool = pool }

        /// Makes this worker its thread's own, until `leave()`.
        func enter() { pthread_setspecific(Self.key, Unmanaged.passUnretained(self).toOpaque()) }

        func leave() { pthread_setspecific(Self.key, nil) }

        /// The calling thread's worker, when the thread belongs to `pool`.
        static func current(of pool: HandlerThreads) -> Worker? {
            guard let pointer = pthread_getspecific(key) else { return nil }
            let worker = Unmanaged<Worker>.fromOpaque(pointer).takeUnretainedValue()
            return worker.pool === pool ? worker : nil
        }

        /// The work handed over, handler first.
        func take() -> Work? {
            if let job = handler {
                handler = nil
                return .handler(job)
            }
            if let job = resumed {
                resumed = nil
                return .task(job)
            }
            return nil
        }

        private static let key: pthread_key_t = {
            var key = pthread_key_t()
            pthread_key_create(&key, nil)
            return key
        }()
    }
}
