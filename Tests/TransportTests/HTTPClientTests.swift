import BifrostTesting
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
        try await MockHarness.withMock(maximumBodySize: 1024, Self.echo) { echo in
            let response = try await echo.send(
                "PATCH", "/a%20b/", headers: [HTTPHeader("Cookie", "x=1")], body: Array("hello".utf8))
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
        try await MockHarness.withMock(maximumBodySize: 1024, Self.echo) { echo in
            let jar = CookieJar()
            let first = try await echo.send("GET", "/")
            jar.store(from: first.headers)
            #expect(jar.header == HTTPHeader("Cookie", "sessionid=abc"))
            jar.store(from: [HTTPHeader("Set-Cookie", "sessionid=; Max-Age=0")])
            #expect(jar.isEmpty)
        }
    }

    @Test func `a refused connection is a transport error, not a response`() async throws {
        let stopped = try await MockHarness.withMock(maximumBodySize: 1024, Self.echo) { $0 }
        await #expect(throws: TransportError.self) { try await stopped.send("GET", "/") }
    }

    @Test func `a server that never answers hits the total timeout`() async throws {
        let listener = try SilentListener()
        defer { listener.close() }
        let client = HTTPClient(configuration: .init(connectTimeout: .seconds(1), totalTimeout: .milliseconds(300)))
        let error = await #expect(throws: TransportError.self) {
            try await MockEndpoint(port: listener.port, client: client).send("GET", "/")
        }
        #expect(error?.code == .timeout)
    }

    @Test func `a URL of another scheme is refused`() async {
        let error = await #expect(throws: TransportError.self) {
            try await HTTPClient().send(ClientRequest(method: "GET", url: "file:///etc/passwd"))
        }
        #expect(error?.code == .invalidURL)
    }

    @Test func `a 50 MB body to the mock IC is answered with a SOAP Fault without being parsed, and the mock keeps serving`()
        async throws
    {
        let mock = ICMock(state: ICState())
        try await MockHarness.withIC(mock) { ic in
            let headers = [HTTPHeader("Content-Type", "text/xml")]
            let huge = [UInt8](repeating: UInt8(ascii: "a"), count: 50 << 20)
            let response = try await ic.send("POST", ICMock.cloudInvoicingPath, headers: headers, body: huge)
            #expect(response.status == 500)
            #expect(try XMLDocument(parsing: response.body).text("//faultstring")?.contains("over") == true)
            #expect(
                try await ic.send("POST", ICMock.cloudInvoicingPath, headers: headers, body: Array("<x/>".utf8)).status == 500)
            #expect(mock.journal.count == 1)
        }
    }
}
