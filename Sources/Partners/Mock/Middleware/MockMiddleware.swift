/// A step around a mock's pure core that may answer instead of it or change its answer.
///
/// Middleware is synchronous, like the core: the whole chain runs wherever the core runs (in a
/// test's thread, or on a handler thread of `MockServer`), so a mock stays testable without a socket.
/// What only records answers (the journal, the request log) is a `MockObserver` instead, called with
/// the answer actually given, also when the server answered for a core that missed its deadline.
public protocol MockMiddleware: Sendable {
    /// Answers `request`, calling `next` for the rest of the chain, or not at all.
    func respond(to request: MockRequest, next: (MockRequest) -> MockResponse) -> MockResponse
}

/// A chain of middleware around a handler, outermost first.
public struct MockPipeline: Sendable {
    let middlewares: [any MockMiddleware]
    let handler: @Sendable (MockRequest) -> MockResponse

    /// A chain calling `middlewares` in order, then `handler`.
    public init(_ middlewares: [any MockMiddleware], handler: @escaping @Sendable (MockRequest) -> MockResponse) {
        self.middlewares = middlewares
        self.handler = handler
    }

    /// Runs the request through the chain.
    public func respond(to request: MockRequest) -> MockResponse { step(0, request) }

    private func step(_ index: Int, _ request: MockRequest) -> MockResponse {
        guard index < middlewares.count else { return handler(request) }
        return middlewares[index].respond(to: request) { step(index + 1, $0) }
    }
}

/// What records the answers a mock gives: every exchange once, in the order they were answered.
public protocol MockObserver: Sendable {
    /// Called with each request and the answer it got, and how long the answer took.
    func observe(_ request: MockRequest, _ response: MockResponse, elapsed: Duration)
}

/// Records every exchange in a journal under a partner's name.
public struct JournalObserver: MockObserver {
    public let journal: Journal
    public let partner: String

    public init(_ journal: Journal, partner: String) {
        self.journal = journal
        self.partner = partner
    }

    public func observe(_ request: MockRequest, _ response: MockResponse, elapsed: Duration) {
        journal.record(request, response, partner: partner)
    }
}

/// Writes one line per exchange: `GET /path 200 41 µs`, and the fault that shaped the answer, if any.
///
/// Only the method, the path and the status are written: never a query, a header or a body, which may hold secrets.
public struct RequestLogObserver: MockObserver {
    let log: @Sendable (String) -> Void

    public init(_ log: @escaping @Sendable (String) -> Void) { self.log = log }

    public func observe(_ request: MockRequest, _ response: MockResponse, elapsed: Duration) {
        let (seconds, attoseconds) = elapsed.components
        let micros = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        let fault = response.fault.map { " [fault: \($0.summary)]" } ?? ""
        log("\(request.method) \(request.path) \(response.status) \(micros) µs\(fault)")
    }
}
