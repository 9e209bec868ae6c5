import NIOCore
import Wire

/// A mock as a caller uses it: its pure core, the observers that record each answer, and the
/// answers it gives when the core cannot (a deadline missed, a body too large).
///
/// Call it like a function to answer one request without a server, journal included:
///
/// ```swift
/// let response = mock.handle(MockRequest(method: "GET", target: "/webpayments/3401/api/payments-due/"))
/// ```
///
/// or give it to `MockServer`, which runs the core on the handler pool against `deadline`.
public struct MockEndpoint: Sendable {
    /// How long a request may take unless the mock or the server says otherwise.
    public static let defaultDeadline = Duration.seconds(5)

    var core: @Sendable (MockRequest) -> MockResponse
    var observers: [any MockObserver]
    /// Requests the observers do not see (admin calls).
    var unrecorded: (@Sendable (MockRequest) -> Bool)?
    /// How long the core may take with one request; past it the server answers `timedOut`.
    public var deadline: Duration
    /// Whether the core may wait with a request (on I/O, a lock, a test's gate): such a request runs
    /// on the handler pool, where its deadline answers while the core still waits. Others run in
    /// place, on the connection's task (`HandlerPool`).
    public var mayWait: @Sendable (MockRequest) -> Bool = { _ in false }
    let timedOut: @Sendable (MockRequest, Duration) -> MockResponse
    var oversized: @Sendable (MockRequest, Int) -> MockResponse

    /// - Parameters:
    ///   - core: the mock's answer to a request, with its middleware.
    ///   - timedOut: the answer to a request whose core is past `deadline` (a 503 error document of the mock's protocol).
    ///   - oversized: the answer to a body over the server's limit, given its size limit.
    ///   - observers: what records each answer given (journal, request log), in order.
    public init(
        core: @escaping @Sendable (MockRequest) -> MockResponse, deadline: Duration = defaultDeadline,
        timedOut: @escaping @Sendable (MockRequest, Duration) -> MockResponse = MockEndpoint.timedOutByMediaType,
        oversized: @escaping @Sendable (MockRequest, Int) -> MockResponse = MockServer.oversizedJSONAPI,
        observers: [any MockObserver] = []
    ) {
        self.core = core
        self.deadline = deadline
        self.timedOut = timedOut
        self.oversized = oversized
        self.observers = observers
    }

    /// Answers one request at once, in the caller's thread, and lets the observers record it.
    public func callAsFunction(_ request: MockRequest) -> MockResponse {
        let start = ContinuousClock.now
        let response = core(request)
        observe(request, response, elapsed: .now - start)
        return response
    }

    /// The same endpoint with one more observer, called after those it has.
    public func observed(by observer: some MockObserver) -> MockEndpoint {
        var copy = self
        copy.observers.append(observer)
        return copy
    }

    /// The same endpoint, its requests that `mayWait` says may wait run on the handler pool.
    public func waiting(when mayWait: @escaping @Sendable (MockRequest) -> Bool) -> MockEndpoint {
        var copy = self
        copy.mayWait = mayWait
        return copy
    }

    /// The same endpoint with another deadline.
    public func deadline(_ deadline: Duration) -> MockEndpoint {
        var copy = self
        copy.deadline = deadline
        return copy
    }

    /// The same endpoint giving the requests under `prefix` (`/__admin`) to `handle` instead of the
    /// core; observers do not record them.
    public func routing(prefix: String, to handle: @escaping @Sendable (MockRequest) -> MockResponse) -> MockEndpoint {
        let core = self.core
        let under = prefix + "/"
        let takes: @Sendable (MockRequest) -> Bool = { $0.path == prefix || $0.path.hasPrefix(under) }
        var copy = self
        copy.core = { request in takes(request) ? handle(request) : core(request) }
        let previous = unrecorded
        copy.unrecorded = { request in takes(request) || previous?(request) == true }
        return copy
    }

    func observe(_ request: MockRequest, _ response: MockResponse, elapsed: Duration) {
        if let unrecorded, unrecorded(request) { return }
        for observer in observers { observer.observe(request, response, elapsed: elapsed) }
    }

    /// Answers as a server does: the core in place or on the handler pool (`mayWait`), the deadline's
    /// answer if it is late (fired on `eventLoop` for the pool), and each answer given recorded once. Throws `CancellationError` when
    /// the server stops before the request is answered.
    func serve(_ request: MockRequest, on eventLoop: any EventLoop) async throws -> MockResponse {
        let start = ContinuousClock.now
        let response: MockResponse
        let outcome =
            mayWait(request)
            ? await HandlerPool.run({ [core] in core(request) }, deadline: deadline, on: eventLoop)
            : HandlerPool.runInPlace({ core(request) }, deadline: deadline)
        switch outcome {
        case .answered(let answer): response = answer
        case .timedOut: response = timedOut(request, deadline)
        case .cancelled: throw CancellationError()
        }
        observe(request, response, elapsed: .now - start)
        return response
    }

    /// The answer to a body over `limit`. Not recorded: the mock never saw the request, only its head.
    func refuseOversized(_ request: MockRequest, limit: Int) -> MockResponse { oversized(request, limit) }
}

extension MockEndpoint {
    /// A 503 JSON:API error document for a request past its deadline.
    public static let timedOutJSONAPI: @Sendable (MockRequest, Duration) -> MockResponse = { _, deadline in
        .error(
            JSONAPIError(
                status: 503, code: "deadline-exceeded", title: "Deadline exceeded",
                detail: "the mock did not answer within \(deadline.milliseconds) ms"))
    }

    /// A 503 SOAP Fault, in the request's SOAP version, for a request past its deadline.
    public static let timedOutSOAP: @Sendable (MockRequest, Duration) -> MockResponse = { request, deadline in
        let version = SOAPVersion.named(byContentType: request.header("Content-Type")) ?? .v11
        let fault = SOAPFault(.receiver, "the mock did not answer within \(deadline.milliseconds) ms")
        return MockResponse(status: 503, headers: [("Content-Type", version.contentType)], body: fault.envelope(version))
    }

    /// A SOAP Fault for a SOAP request (by its Content-Type), a JSON:API error document otherwise.
    public static let timedOutByMediaType: @Sendable (MockRequest, Duration) -> MockResponse = { request, deadline in
        SOAPVersion.named(byContentType: request.header("Content-Type")) != nil
            ? timedOutSOAP(request, deadline) : timedOutJSONAPI(request, deadline)
    }
}
