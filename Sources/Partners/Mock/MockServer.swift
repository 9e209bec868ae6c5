import HTTPTypes
import Hummingbird
public import Logging
import NIOCore
import Wire

/// Puts a mock partner's handler on a real socket, for as long as a body of work runs.
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
        logger: Logger = Logger(label: "bifrost.mock", factory: { _ in SwiftLogNoOpLogHandler() }),
        handler: @escaping @Sendable (MockRequest) -> MockResponse,
        body: (Int) async throws -> T
    ) async throws -> T {
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            responder: MockResponder(handler: handler, maximumBodySize: maximumBodySize, oversized: oversized),
            configuration: .init(address: .hostname(host, port: port)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { portContinuation.finish() }
                try await app.run()
            }
            var iterator = ports.makeAsyncIterator()
            guard let bound = await iterator.next(), bound > 0 else {
                try await group.next()
                throw StartError(message: "the mock server on \(host):\(port) did not start")
            }
            do {
                let result = try await body(bound)
                group.cancelAll()
                return result
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }
}

extension MockServer {
    /// One mock's handler and the largest body it takes.
    public struct Handler: Sendable {
        let handle: @Sendable (MockRequest) -> MockResponse
        let maximumBodySize: Int
        let oversized: @Sendable (MockRequest, Int) -> MockResponse

        public init(
            _ handle: @escaping @Sendable (MockRequest) -> MockResponse, maximumBodySize: Int,
            oversized: @escaping @Sendable (MockRequest, Int) -> MockResponse = MockServer.oversizedJSONAPI
        ) {
            self.handle = handle
            self.maximumBodySize = maximumBodySize
            self.oversized = oversized
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
        return try await withRunning(maximumBodySize: first.maximumBodySize, oversized: first.oversized, handler: first.handle) {
            port in
            try await withRunning(Array(handlers.dropFirst())) { ports in try await body([port] + ports) }
        }
    }
}

/// A request context that keeps the connection, so that a fault can close it.
struct MockRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

/// Adapts a mock handler to Hummingbird, carrying out delays, truncated bodies and dropped connections.
struct MockResponder: HTTPResponder {
    typealias Context = MockRequestContext

    /// Thrown to make the server abandon a connection a fault closed.
    struct ConnectionClosed: Error {}

    let handler: @Sendable (MockRequest) -> MockResponse
    let maximumBodySize: Int
    /// The answer to a body over `maximumBodySize`; the handler never sees such a request.
    let oversized: @Sendable (MockRequest, Int) -> MockResponse

    func respond(to request: Request, context: Context) async throws -> Response {
        var request = request
        let target = request.uri.query.map { "\(request.uri.path)?\($0)" } ?? request.uri.path
        var headers = request.headers.map { (name: $0.name.rawName, value: $0.value) }
        // HTTP/1.1's Host header arrives as the request's authority.
        if let authority = request.head.authority { headers.insert((name: "Host", value: authority), at: 0) }
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maximumBodySize)
        } catch {
            let head = MockRequest(method: request.method.rawValue, target: target, headers: headers)
            return Self.response(oversized(head, maximumBodySize))
        }
        let mockRequest = MockRequest(
            method: request.method.rawValue, target: target, headers: headers, body: Array(buffer: body))
        let response = handler(mockRequest)
        if let delay = response.delay { try await Task.sleep(for: delay) }
        switch response.ending {
        case .complete:
            return Self.response(response)
        case .dropped:
            try await context.channel.close()
            throw ConnectionClosed()
        case .truncated:
            var truncated = Self.response(response)
            let channel = context.channel
            let half = ByteBuffer(bytes: response.body.prefix(response.body.count / 2))
            truncated.body = ResponseBody(contentLength: response.body.count) { writer in
                try await writer.write(half)
                try await channel.close()
                throw ConnectionClosed()
            }
            return truncated
        }
    }

    static func response(_ response: MockResponse) -> Response {
        var fields = HTTPFields()
        for header in response.headers {
            if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
        }
        return Response(
            status: HTTPResponse.Status(code: response.status),
            headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: response.body)))
    }
}
