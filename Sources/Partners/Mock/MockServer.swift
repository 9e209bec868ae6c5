import Hummingbird
public import HummingbirdCore
public import Logging
import NIOCore
import ServiceLifecycle
import Wire

/// Puts a mock partner on a real socket, for as long as a body of work runs.
///
/// Handlers run in place, or on the mocks' handler pool when they may wait (`HandlerPool`), each
/// against the endpoint's deadline: a request past it is answered 503 with the mock's error document. A connection whose request does
/// not arrive whole within `readTimeout` is closed (`RequestReadTimeout`).
public enum MockServer {
    /// A server that could not start.
    public struct StartError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// How long a connection may take to send a whole request, unless the caller says otherwise.
    public static let defaultReadTimeout = Duration.seconds(10)

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
    ///
    /// The server stops through ServiceLifecycle's graceful shutdown, never by cancelling its task:
    /// cancelling it while Hummingbird's date cache waits in `merge` can deadlock the runtime's task
    /// status lock against `MergeStorage`'s lock (apple/swift-async-algorithms#430, a lock held
    /// across `withUnsafeThrowingContinuation`). Requests still running get the endpoint's deadline
    /// and a second to finish before the group cancels them.
    public static func withRunning<T: Sendable>(
        _ handler: Handler, host: String = "127.0.0.1", port: Int = 0, logger: Logger = MockServer.silentLogger,
        body: (Int) async throws -> T
    ) async throws -> T {
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = try application(handler, host: host, port: port, logger: logger) { bound in
            portContinuation.yield(bound)
            portContinuation.finish()
        }
        var configuration = ServiceGroupConfiguration(services: [.init(service: app)], logger: logger)
        configuration.maximumGracefulShutdownDuration = handler.endpoint.deadline + .seconds(1)
        let group = ServiceGroup(configuration: configuration)
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                defer { portContinuation.finish() }
                try await group.run()
            }
            var iterator = ports.makeAsyncIterator()
            guard let bound = await iterator.next(), bound > 0 else {
                try await tasks.waitForAll()
                throw StartError(message: "the mock server on \(host):\(port) did not start")
            }
            let result: Result<T, any Error>
            do {
                result = .success(try await body(bound))
            } catch {
                result = .failure(error)
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return try result.get()
        }
    }

    /// The Hummingbird application serving `handler`; `onBound` gets the port once it listens.
    static func application(
        _ handler: Handler, host: String, port: Int, logger: Logger, onBound: @escaping @Sendable (Int) -> Void
    ) throws -> some ApplicationProtocol {
        let readTimeout = TimeAmount.nanoseconds(handler.readTimeout.nanoseconds)
        let http1 = HTTPServerBuilder.http1(
            configuration: .init(additionalChannelHandlers: [RequestReadTimeout(timeout: readTimeout)]))
        return Application(
            responder: MockResponder(handler: handler),
            server: try handler.wrapping.map { try $0(http1) } ?? http1,
            configuration: .init(address: .hostname(host, port: port)),
            onServerRunning: { channel in onBound(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// A logger that drops everything: the mocks journal their exchanges instead.
    public static var silentLogger: Logger { Logger(label: "bifrost.mock", factory: { _ in SwiftLogNoOpLogHandler() }) }
}

extension MockServer {
    /// One mock's endpoint, the largest body it takes and how long a request may take to arrive.
    public struct Handler: Sendable {
        let endpoint: MockEndpoint
        let maximumBodySize: Int
        /// How long a connection may take to send a whole request before it is closed.
        public var readTimeout = MockServer.defaultReadTimeout
        /// Wraps the HTTP/1 server, e.g. in TLS (`MockTLS`, which keeps swift-nio-ssl out of this module); nil: plain HTTP.
        public var wrapping: (@Sendable (HTTPServerBuilder) throws -> HTTPServerBuilder)?

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
