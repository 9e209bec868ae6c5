import Foundation
import Synchronization

/// Runs one synchronous function over many inputs on a few threads of its own, for CPU work mixed
/// with small file reads (loading a suite's scenario files): not on Swift's cooperative pool nor on
/// a dispatch queue (see `OwnThread`), and the calling thread takes a share of the work too.
///
/// ```swift
/// let scenarios = ThreadFanOut.map(files) { file in Result { try load(file) } }
/// ```
public enum ThreadFanOut {
    /// `transform` of every element, in order, computed on up to `width` threads (the caller's included).
    public static func map<Element: Sendable, Output: Sendable>(
        _ elements: [Element], width: Int = ProcessInfo.processInfo.activeProcessorCount,
        _ transform: @escaping @Sendable (Element) -> Output
    ) -> [Output] {
        let helpers = min(max(width, 1), elements.count) - 1
        guard helpers > 0 else { return elements.map(transform) }
        let shared = Shared(elements, transform)
        for _ in 0..<helpers {
            let thread = Thread {
                shared.work()
                shared.done.signal()
            }
            thread.name = "bifrost.fan-out"
            thread.start()
        }
        shared.work()
        for _ in 0..<helpers { shared.done.wait() }
        return shared.results.withLock { $0.map { $0! } }
    }

    /// The inputs, the next one to take, and the outputs so far.
    private final class Shared<Element: Sendable, Output: Sendable>: Sendable {
        let elements: [Element]
        let transform: @Sendable (Element) -> Output
        let next = Atomic<Int>(0)
        let results: Mutex<[Output?]>
        let done = DispatchSemaphore(value: 0)

        init(_ elements: [Element], _ transform: @escaping @Sendable (Element) -> Output) {
            self.elements = elements
            self.transform = transform
            results = Mutex([Output?](repeating: nil, count: elements.count))
        }

        /// Takes inputs until none is left.
        func work() {
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < elements.count else { return }
                let output = transform(elements[index])
                results.withLock { $0[index] = output }
            }
        }
    }
}
