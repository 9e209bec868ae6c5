import BifrostTesting
import Partners
import Synchronization
import Testing
import Transport

/// The proxy option: a request for another host goes to the proxy, in absolute form.
@Suite struct HTTPClientProxyTests {
    @Test func `with a proxy, a request for another host is sent to the proxy with its whole URL`() async throws {
        let seen = Mutex<[String]>([])
        try await MockHarness.withMock({ request in
            seen.withLock { $0.append(request.method + " " + "host=\(request.header("Host") ?? "none") " + request.path) }
            return MockResponse(status: 200, headers: [("Content-Type", "text/plain")], body: Array("from the proxy".utf8))
        }) { proxy in
            var configuration = HTTPClient.Configuration(connectTimeout: .seconds(5), totalTimeout: .seconds(10))
            configuration.proxy = "http://127.0.0.1:\(proxy.port)"
            let response = try await HTTPClient(configuration: configuration).send(
                ClientRequest(method: "GET", url: "http://partner.invalid/auth/3401/api/sessions/"))
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == "from the proxy")
        }
        #expect(seen.withLock { $0 }.first?.hasPrefix("GET host=partner.invalid ") == true, "\(seen.withLock { $0 })")
    }
}
