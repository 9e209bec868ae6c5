public import Transport

/// A mock served on loopback: its port, its URLs, and a client to call it with.
public struct MockEndpoint: Sendable {
    /// The port the system gave the server.
    public let port: Int
    /// The client `send` uses.
    public let client: HTTPClient

    public init(port: Int, client: HTTPClient = HTTPClient()) {
        self.port = port
        self.client = client
    }

    /// `http://127.0.0.1:PORT`, no slash at the end.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The URL of `path` (starting with `/`, a query allowed) on this server.
    public func url(_ path: String) -> String { baseURL + path }

    /// Sends `method path` to the server and returns its response; a refused connection or a timeout throws.
    public func send(
        _ method: String, _ path: String, headers: [HTTPHeader] = [], body: [UInt8]? = nil
    ) async throws(TransportError) -> ClientResponse {
        try await client.send(ClientRequest(method: method, url: url(path), headers: headers, body: body))
    }
}
