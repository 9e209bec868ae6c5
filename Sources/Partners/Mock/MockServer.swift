import Hummingbird
public import Logging
import NIOCore
import Wire

/// Puts a mock partner on a real socket, for as long as a body of work runs.
///
/// The server runs on the mocks' pool of threads (`HandlerThreads.shared`), never on Swift's cooperative
/// pool, and holds each request's handler to the endpoint's deadline: a request past it is answered
/// 503 with the mock's error document.
public enum MockServer {
    /// A server that could not start.
    public struct StartError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Serves `handler` on `host:port` (port 0: any free port) while `body` runs with the bound port,
    /// then shuts the server down, on success and on error alike.
    public static func withRunning<T: Sendable>(
        host: String = "127.0.0.1",
        port: Int = 0,
        maximumBodySize: Int,
        oversized: @escaping @Sendable (MockRequest, Int) -> MockResponse = MockServer.oversizedJSONAPI,
        logger: Logger = MockServer.silentLogger,
        handler: @escaping @Sendable (MockRequest) -> MockResponse,
        body: (Int) async throws -> T
    ) async throws -> T {
        try await withRunning(
            Handler(handler, maximumBodySize: maximumBodySize, oversized: oversized), host: host, port: port, logger: logger,
            body: body)
    }

    /// Serves a mock's endpoint (`mock.handle`) on `host:port` while `body` runs with the bound port.
    public static func withRunning<T: Sendable>(
        host: String = "127.0.0.1",
        port: Int = 0,
        maximumBodySize: Int,
        oversized: (@Sendable (MockRequest, Int) -> MockResponse)? = nil,
        logger: Logger = MockServer.silentLogger,
        handler: MockEndpoint,
        body: (Int) async throws -> T
    ) async throws -> T {
        try await withRunning(
            Handler(handler, maximumBodySize: maximumBodySize, oversized: oversized), host: host, port: port, logger: logger,
            body: body)
    }

    /// Serves one handler while `body` runs with the bound port.
    public static func withRunning<T: Sendable>(
        _ handler: Handler, host: String = "127.0.0.1", port: Int = 0, logger: Logger = MockServer.silentLogger,
        body: (Int) async throws -> T
    ) async throws -> T {
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let threads = HandlerThreads.shared
        let tenant = threads.tenant()
        let app = Application(
            responder: MockResponder(handler: handler, threads: threads, tenant: tenant),
            configuration: .init(address: .hostname(host, port: port)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { portContinuation.finish() }
                // Hummingbird's connection tasks inherit the preference: the server runs on the pool.
                try await withTaskExecutorPreference(threads) { try await app.run() }
            }
            var iterator = ports.makeAsyncIterator()
            guard let bound = await iterator.next(), bound > 0 else {
                try await group.next()
                group.cancelAll()
                throw StartError(message: "the mock server on \(host):\(port) did not start")
            }
            do {
                let result = try await body(bound)
                threads.cancelAll(tenant)
                group.cancelAll()
                return result
            } catch {
                threads.cancelAll(tenant)
                group.cancelAll()
                throw error
            }
        }
    }

    /// A logger that drops everything: the mocks journal their exchanges instead.
    public static var silentLogger: Logger { Logger(label: "bifrost.mock", factory: { _ in SwiftLogNoOpLogHandler() }) }
}

extension MockServer {
    /// One mock's endpoint and the largest body it takes.
    public struct Handler: Sendable {
        let endpoint: MockEndpoint
        let maximumBodySize: Int

        /// A handler function, answering past `deadline` by the request's media type (a SOAP Fault or a JSON:API error).
        public init(
            _ handle: @escaping @Sendable (MockRequest) -> MockResponse, maximumBodySize: Int,
            oversized: @escaping @Sendable (MockRequest, Int) -> MockResponse = MockServer.oversizedJSONAPI,
            deadline: Duration = MockEndpoint.defaultDeadline
        ) {
            self.endpoint = MockEndpoint(core: handle, deadline: deadline, oversized: oversized)
            self.maximumBodySize = maximumBodySize
        }

        /// A mock's endpoint (`mock.handle`), with its own deadline, journal and error documents.
        public init(
            _ endpoint: MockEndpoint, maximumBodySize: Int, oversized: (@Sendable (MockRequest, Int) -> MockResponse)? = nil,
            deadline: Duration? = nil
        ) {
            var endpoint = endpoint
            if let oversized { endpoint.oversized = oversized }
            if let deadline { endpoint.deadline = deadline }
            self.endpoint = endpoint
            self.maximumBodySize = maximumBodySize
        }
    }

    /// The answer to a body over the limit for a JSON:API mock: 413 with an error document.
    public static let oversizedJSONAPI: @Sendable (MockRequest, Int) -> MockResponse = { _, limit in
        .error(
            JSONAPIError(
                status: 413, code: "body-too-large", title: "Request body too large",
                detail: "the mock accepts at most \(limit) bytes"))
    }

    /// Serves each handler on its own loopback port while `body` runs with the ports, in order; none: no server.
    public static func withRunning<T: Sendable>(_ handlers: [Handler], body: ([Int]) async throws -> T) async throws -> T {
        guard let first = handlers.first else { return try await body([]) }
        return try await withRunning(first) { port in
            try await withRunning(Array(handlers.dropFirst())) { ports in try await body([port] + ports) }
        }
    }
}
