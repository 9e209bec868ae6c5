import Synchronization
public import Wire

/// The faults of one mock, consumed as requests match them, and settable while it serves.
public final class FaultBook: Sendable {
    private struct Book {
        var faults: [Fault]
        /// Each session serves this many authenticated requests, then expires; nil: never.
        var sessionLimit: Int?
    }

    private let book: Mutex<Book>

    public init(_ faults: [Fault] = [], sessionLimit: Int? = nil) {
        book = Mutex(Book(faults: faults, sessionLimit: sessionLimit))
    }

    /// The first fault matching the request, counted once.
    func take(method: String, relativePath: String) -> Fault? {
        book.withLock { book in
            guard let i = book.faults.firstIndex(where: { $0.matches(method: method, relativePath: relativePath) }) else {
                return nil
            }
            let found = book.faults[i]
            if let times = found.times {
                if times <= 1 { book.faults.remove(at: i) } else { book.faults[i].times = times - 1 }
            }
            return found
        }
    }

    public var sessionLimit: Int? { book.withLock { $0.sessionLimit } }

    /// Whether any fault is armed: a request that finds none skips working out its fault route.
    var isArmed: Bool { book.withLock { !$0.faults.isEmpty } }

    /// Adds a fault after those already set.
    public func add(_ fault: Fault) { book.withLock { $0.faults.append(fault) } }

    /// Sets how many requests a session serves before it expires.
    public func expireSessions(after requests: Int?) { book.withLock { $0.sessionLimit = requests } }

    /// Replaces every fault.
    public func replace(_ faults: [Fault], sessionLimit: Int?) {
        book.withLock { $0 = Book(faults: faults, sessionLimit: sessionLimit) }
    }

    /// The faults still to apply, as the admin API shows them.
    public var json: JSONValue {
        book.withLock { book in
            var list = book.faults.map(\.json)
            if let limit = book.sessionLimit {
                list.append(.object(["expire_session_after": .number(String(limit))]))
            }
            return .array(list)
        }
    }
}
