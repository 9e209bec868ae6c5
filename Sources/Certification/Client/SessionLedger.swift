import Partners
import Synchronization

/// The sessions a partner's client opened with the mock IMT and has not closed, by cookie value,
/// each with the exchange that opened it, for IMT-SESS-005 at the stop.
final class SessionLedger: Sendable {
    struct Opened: Sendable {
        var request: MockRequest
        var response: MockResponse
        var order: Int
    }

    private let open = Mutex<(sessions: [String: Opened], opened: Int)>(([:], 0))

    func opened(_ token: String, _ request: MockRequest, _ response: MockResponse) {
        open.withLock { state in
            state.opened += 1
            state.sessions[token] = Opened(request: request, response: response, order: state.opened)
        }
    }

    /// Forgets the session; whether it was one the client opened.
    @discardableResult
    func closed(_ token: String) -> Bool { open.withLock { $0.sessions.removeValue(forKey: token) != nil } }

    /// The sessions still open, in the order they were opened.
    var left: [Opened] { open.withLock { Array($0.sessions.values) }.sorted { $0.order < $1.order } }
}
