/// Applies a mock's armed faults: a `status` fault answers instead of the core, other effects change its answer.
///
/// A fault is matched by method and by the path relative to the mock's base (`POST /payments/`).
/// `route` reads that path from a request; a mock that only knows it after reading the body (a SOAP
/// operation) calls `respond(to:method:path:next:)` from its dispatch instead.
public struct FaultInjection: MockMiddleware {
    let book: FaultBook
    let route: @Sendable (MockRequest) -> String?
    let injected: @Sendable (MockRequest, Fault, Int) -> MockResponse

    /// - Parameters:
    ///   - route: the request's path relative to the base faults are named from; nil: no fault applies.
    ///   - injected: the mock's error document for a `status` fault.
    public init(
        _ book: FaultBook, route: @escaping @Sendable (MockRequest) -> String?,
        injected: @escaping @Sendable (MockRequest, Fault, Int) -> MockResponse
    ) {
        self.book = book
        self.route = route
        self.injected = injected
    }

    public func respond(to request: MockRequest, next: (MockRequest) -> MockResponse) -> MockResponse {
        guard book.isArmed, let path = route(request) else { return next(request) }
        return respond(to: request, method: request.method, path: path, next: next)
    }

    /// Applies the first fault armed for `method` and `path` (counted once), around `next`.
    public func respond(
        to request: MockRequest, method: String, path: String, next: (MockRequest) -> MockResponse
    ) -> MockResponse {
        guard book.isArmed, let fault = book.take(method: method, relativePath: path) else { return next(request) }
        if case .status(let status) = fault.effect {
            var response = injected(request, fault, status)
            response.fault = fault
            response.delay = fault.delay
            return response
        }
        return next(request).applying(fault)
    }
}
