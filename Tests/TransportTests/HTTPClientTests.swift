import Foundation
import Partners
import Testing
import Transport
import Wire

/// libcurl against live mocks on loopback, port 0.
@Suite struct HTTPClientTests {
    static let echo: @Sendable (MockRequest) -> MockResponse = { request in
        let body = JSONValue.object([
            "method": .string(request.method),
            "path": .string(request.path),
            "cookie": .string(request.header("Cookie") ?? ""),
            "body": .string(String(decoding: request.body, as: UTF8.self)),
        ])
        return MockResponse(
            status: 207, headers: [("Set-Cookie", "sessionid=abc; Path=/"), ("X-Test", "1")], body: Array(body.compactText.utf8))
    }

    @Test func `a request carries method, body and headers, and the response its status, headers and timings`() async throws {
        try await MockServer.withRunning(maximumBodySize: 1024, handler: Self.echo) { port in
            let response = try await HTTPClient().send(
                ClientRequest(
                    method: "PATCH", url: "http://127.0.0.1:\(port)/a%20b/", headers: [HTTPHeader("Cookie", "x=1")],
                    body: Array("hello".utf8)))
            #expect(response.status == 207)
            #expect(response.headers.first(named: "x-test") == "1")
            let echoed = try JSONParser.parse(response.body)
            #expect(echoed["method"] == "PATCH")
            #expect(echoed["path"] == "/a b/")
            #expect(echoed["cookie"] == "x=1")
            #expect(echoed["body"] == "hello")
            #expect(response.timings.total > .zero)
            #expect(response.timings.total >= response.timings.connect)
        }
    }

    @Test func `a cookie jar keeps what Set-Cookie gave and sends it back`() async throws {
        try await MockServer.withRunning(maximumBodySize: 1024, handler: Self.echo) { port in
            let jar = CookieJar()
            let first = try await HTTPClient().send(ClientRequest(method: "GET", url: "http://127.0.0.1:\(port)/"))
            jar.store(from: first.headers)
            #expect(jar.header == HTTPHeader("Cookie", "sessionid=abc"))
            jar.store(from: [HTTPHeader("Set-Cookie", "sessionid=; Max-Age=0")])
            #expect(jar.isEmpty)
        }
    }

    @Test func `a refused connection is a transport error, not a response`() async throws {
        let port = try await MockServer.withRunning(maximumBodySize: 1024, handler: Self.echo) { $0 }
        await #expect(throws: TransportError.self) {
            try await HTTPClient().send(ClientRequest(method: "GET", url: "http://127.0.0.1:\(port)/"))
        }
    }

    @Test func `a server that never answers hits the total timeout`() async throws {
        let listener = try SilentListener()
        defer { listener.close() }
        let client = HTTPClient(configuration: .init(connectTimeout: .seconds(1), totalTimeout: .milliseconds(300)))
        do {
            _ = try await client.send(ClientRequest(method: "GET", url: "http://127.0.0.1:\(listener.port)/"))
            Issue.record("expected a timeout")
        } catch {
            #expect(error.code == .timeout)
        }
    }

    @Test func `a URL of another scheme is refused`() async {
        do {
            _ = try await HTTPClient().send(ClientRequest(method: "GET", url: "file:///etc/passwd"))
            Issue.record("expected an invalid URL")
        } catch {
            #expect(error.code == .invalidURL)
        }
    }
}

/// A loopback socket that accepts connections into its backlog and never answers.
final class SilentListener {
    let descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(descriptor, 8) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.descriptor = descriptor
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() { _ = Glibc.close(descriptor) }

    @Test func `a 50 MB body to the mock IC is answered with a SOAP Fault without being parsed, and the mock keeps serving`()
        async throws
    {
        let mock = ICMock(state: ICState())
        try await MockServer.withRunning(
            maximumBodySize: ICMock.maximumBodySize, oversized: ICMock.oversized, handler: mock.handle
        ) { port in
            let url = "http://127.0.0.1:\(port)\(ICMock.cloudInvoicingPath)"
            let huge = ClientRequest(
                method: "POST", url: url, headers: [HTTPHeader("Content-Type", "text/xml")],
                body: [UInt8](repeating: UInt8(ascii: "a"), count: 50 << 20))
            let response = try await HTTPClient().send(huge)
            #expect(response.status == 500)
            #expect(try XMLDocument(parsing: response.body).text("//faultstring")?.contains("over") == true)
            let small = ClientRequest(
                method: "POST", url: url, headers: [HTTPHeader("Content-Type", "text/xml")], body: Array("<x/>".utf8))
            #expect(try await HTTPClient().send(small).status == 500)
            #expect(mock.journal.count == 1)
        }
    }
}
