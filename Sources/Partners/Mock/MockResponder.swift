import HTTPTypes
import Hummingbird
import NIOCore

/// A request context that keeps the connection, so that a fault can close it.
struct MockRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

/// Adapts a mock endpoint to Hummingbird: reads the body up to the limit, runs the endpoint on the
/// handler pool against its deadline, then carries out delays, truncated bodies and dropped connections.
struct MockResponder: HTTPResponder {
    typealias Context = MockRequestContext

    /// Thrown to make the server abandon a connection a fault closed.
    struct ConnectionClosed: Error {}

    let handler: MockServer.Handler

    func respond(to request: Request, context: Context) async throws -> Response {
        var request = request
        let (path, query) = (request.uri.path, request.uri.query)
        var headers: [(name: String, value: String)] = []
        headers.reserveCapacity(request.headers.count + 1)
        // HTTP/1.1's Host header arrives as the request's authority.
        if let authority = request.head.authority { headers.append((name: "Host", value: authority)) }
        for field in request.headers { headers.append((name: field.name.rawName, value: field.value)) }
        let endpoint = handler.endpoint
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: handler.maximumBodySize)
        } catch {
            let head = MockRequest(method: request.method.rawValue, path: path, query: query, headers: headers, body: [])
            return Self.response(endpoint.refuseOversized(head, limit: handler.maximumBodySize))
        }
        let mockRequest = MockRequest(
            method: request.method.rawValue, path: path, query: query, headers: headers, body: Array(buffer: body))
        let response = try await endpoint.serve(mockRequest, on: context.channel.eventLoop)
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
        fields.reserveCapacity(response.headers.count)
        for header in response.headers {
            // The mocks' usual header, without parsing its name each time.
            let name = header.name == "Content-Type" ? .contentType : HTTPField.Name(header.name)
            if let name { fields.append(HTTPField(name: name, value: header.value)) }
        }
        return Response(
            status: HTTPResponse.Status(code: response.status),
            headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: response.body)))
    }
}
