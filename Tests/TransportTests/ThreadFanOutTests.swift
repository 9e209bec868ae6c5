import Foundation
import Synchronization
import Testing
import Transport

/// The few threads a suite's files are read on.
@Suite struct ThreadFanOutTests {
    @Test func `every element is transformed once and the results keep the input order`() {
        let calls = Mutex(0)
        let squares = ThreadFanOut.map(Array(0..<500), width: 4) { (n: Int) -> Int in
            calls.withLock { $0 += 1 }
            return n * n
        }
        #expect(squares == (0..<500).map { $0 * $0 })
        #expect(calls.withLock { $0 } == 500)
    }

    @Test func `the work is shared with other threads when there is more than one element`() {
        let threads = Mutex(Set<ObjectIdentifier>())
        _ = ThreadFanOut.map(Array(0..<64), width: 2) { (n: Int) -> Int in
            threads.withLock { _ = $0.insert(ObjectIdentifier(Thread.current)) }
            usleep(1_000)
            return n
        }
        #expect(threads.withLock { $0.count } == 2)
    }

    @Test func `no elements, or a width of one, need no other thread`() {
        #expect(ThreadFanOut.map([Int](), width: 4) { $0 } == [])
        #expect(ThreadFanOut.map([1, 2, 3], width: 1) { $0 + 1 } == [2, 3, 4])
    }
}
