import Partners
import Synchronization
import Testing
import Wire

/// The middleware around a mock's pure core: a chain that may answer or change answers, and observers that record them.
@Suite struct MiddlewareTests {
    /// Adds its name to a header of the answer, or answers 418 itself for `/teapot`.
    struct Tag: MockMiddleware {
        let name: String

        func respond(to request: MockRequest, next: (MockRequest) -> MockResponse) -> MockResponse {
            if request.path == "/teapot", name == "outer" { return MockResponse(status: 418) }
            var response = next(request)
            response.headers.append(("X-Chain", name))
            return response
        }
    }

    /// Keeps what it observes.
    final class Recorder: MockObserver {
        let seen = Mutex<[Int]>([])

        func observe(_ request: MockRequest, _ response: MockResponse, elapsed: Duration) {
            seen.withLock { $0.append(response.status) }
        }
    }

    @Test func `a chain runs outermost first, and a middleware may answer instead of the core`() {
        let pipeline = MockPipeline([Tag(name: "outer"), Tag(name: "inner")]) { _ in MockResponse(status: 200) }
        let response = pipeline.respond(to: MockRequest(method: "GET", target: "/"))
        #expect(response.headers.map(\.value) == ["inner", "outer"])
        #expect(pipeline.respond(to: MockRequest(method: "GET", target: "/teapot")).status == 418)
    }

    @Test func `a status fault answers instead of the route; another effect changes the route's answer`() {
        let book = FaultBook([
            Fault(method: "GET", path: "/a/", effect: .status(503), times: 1),
            Fault(method: "GET", path: "/b/", effect: .contentType("text/html"), times: 1),
        ])
        let faults = FaultInjection(book, route: { $0.path }, injected: { _, _, status in MockResponse(status: status) })
        let core: (MockRequest) -> MockResponse = { _ in MockResponse(status: 200, headers: [("Content-Type", "x/y")]) }
        #expect(faults.respond(to: MockRequest(method: "GET", target: "/a"), next: core).status == 503)
        #expect(faults.respond(to: MockRequest(method: "GET", target: "/a"), next: core).status == 200)
        let changed = faults.respond(to: MockRequest(method: "GET", target: "/b/"), next: core)
        #expect(changed.header("Content-Type") == "text/html")
        #expect(changed.fault?.route == "GET /b/")
    }

    @Test func `observers record every answer of an endpoint, but not the requests routed past them`() {
        let recorder = Recorder()
        let lines = Mutex<[String]>([])
        let endpoint = MockEndpoint(core: { _ in MockResponse(status: 201) })
            .observed(by: recorder)
            .observed(by: RequestLogObserver { line in lines.withLock { $0.append(line) } })
            .routing(prefix: "/__admin", to: { _ in MockResponse(status: 204) })
        #expect(endpoint(MockRequest(method: "POST", target: "/x?secret=1")).status == 201)
        #expect(endpoint(MockRequest(method: "GET", target: "/__admin/state")).status == 204)
        #expect(recorder.seen.withLock { $0 } == [201])
        let line = lines.withLock { $0.first } ?? ""
        #expect(line.hasPrefix("POST /x 201 "))
        #expect(!line.contains("secret"))
    }
}
