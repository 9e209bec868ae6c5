public import Partners
public import Transport

/// Runs a mock partner in process, on a loopback port the system picks, while a test calls it.
///
/// The server stops when the body returns or throws; the mock outlives it, so a test
/// can read its journal and state afterwards.
///
/// ```swift
/// let mock = IMTMock(state: SampleState.imt())
/// let result = try await MockHarness.withIMT(mock) { imt in
///     await RTDR(imt.caller(imt.settings())).run(account: SampleState.account)
/// }
/// #expect(mock.openSessions == 0)
/// ```
public enum MockHarness {
    /// Serves `handler` while `body` runs with the server's endpoint.
    public static func withMock<T: Sendable>(
        _ handler: MockServer.Handler, client: HTTPClient = HTTPClient(), body: (MockEndpoint) async throws -> T
    ) async throws -> T {
        try await MockServer.withRunning([handler]) { ports in
            try await body(MockEndpoint(port: ports[0], client: client))
        }
    }

    /// Serves `handle`, taking bodies up to `maximumBodySize` bytes, while `body` runs with the server's endpoint.
    public static func withMock<T: Sendable>(
        maximumBodySize: Int = 1 << 20, client: HTTPClient = HTTPClient(),
        _ handle: @escaping @Sendable (MockRequest) -> MockResponse, body: (MockEndpoint) async throws -> T
    ) async throws -> T {
        try await withMock(.init(handle, maximumBodySize: maximumBodySize), client: client, body: body)
    }

    /// Serves `mock` while `body` runs with its endpoint: its URLs and the settings that point IC at it.
    public static func withIMT<T: Sendable>(
        _ mock: IMTMock, client: HTTPClient = HTTPClient(), body: (IMTEndpoint) async throws -> T
    ) async throws -> T {
        try await withMock(.init(mock.handle, maximumBodySize: IMTMock.maximumBodySize), client: client) { endpoint in
            try await body(IMTEndpoint(mock: mock, http: endpoint))
        }
    }

    /// Serves a new mock IMT holding `state` while `body` runs with its endpoint (`endpoint.mock` is the mock).
    public static func withIMT<T: Sendable>(
        state: IMTState = SampleState.imt(), client: HTTPClient = HTTPClient(), body: (IMTEndpoint) async throws -> T
    ) async throws -> T {
        try await withIMT(IMTMock(state: state), client: client, body: body)
    }

    /// Serves `mock` (SOAP Faults for bodies over its limit) while `body` runs with its endpoint.
    public static func withIC<T: Sendable>(
        _ mock: ICMock, client: HTTPClient = HTTPClient(), body: (MockEndpoint) async throws -> T
    ) async throws -> T {
        let handler = MockServer.Handler(mock.handle, maximumBodySize: ICMock.maximumBodySize, oversized: ICMock.oversized)
        return try await withMock(handler, client: client, body: body)
    }
}
