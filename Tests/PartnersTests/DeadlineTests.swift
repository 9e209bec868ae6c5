import Foundation
import NIOPosix
import Testing
import Wire

@testable import Partners

/// Bounded work per request: the deadline a server holds handlers to, and a wide JSON object read in linear time.
@Suite struct DeadlineTests {
    /// A handler stuck until the test lets it go, and what it tells the test.
    final class Gate: Sendable {
        let release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)

        /// A core that waits for `release`, answers 200, then signals `done`.
        var core: @Sendable (MockRequest) -> MockResponse {
            { [self] _ in
                release.wait()
                defer { done.signal() }
                return MockResponse(status: 200)
            }
        }

        /// Lets the handler go and waits, on a thread of its own, until it returned.
        func open() async {
            release.signal()
            await withCheckedContinuation { continuation in
                Thread {
                    self.done.wait()
                    continuation.resume()
                }.start()
            }
        }
    }

    /// Serves one request the way `MockServer` does: on the handler pool, against the endpoint's deadline.
    func serve(_ endpoint: MockEndpoint, _ request: MockRequest) async throws -> MockResponse {
        try await endpoint.serve(request, on: MultiThreadedEventLoopGroup.singleton.next())
    }

    @Test func `a handler past its deadline is answered 503 with a JSON:API error, journaled once, its late answer dropped`()
        async throws
    {
        let journal = Journal()
        let gate = Gate()
        let endpoint = MockEndpoint(
            core: gate.core, deadline: .milliseconds(100), timedOut: MockEndpoint.timedOutJSONAPI,
            observers: [JournalObserver(journal, partner: "imt")]
        )
        .waiting { _ in true }
        // Answered while the handler is still stuck: the deadline does not wait for it.
        let response = try await serve(endpoint, MockRequest(method: "GET", target: "/slow/"))
        #expect(response.status == 503)
        let error = try #require(JSONAPIError.errors(in: try JSONParser.parse(response.body))?.first)
        #expect(error.code == "deadline-exceeded")
        #expect(error.detail == "the mock did not answer within 100 ms")
        #expect(journal.count == 1)
        await gate.open()
        #expect(journal.count == 1)
        #expect(journal.json.arrayValue?.first?["response"]?["status"] == .number("503"))
    }

    @Test func `the mock IC's deadline answer is a 503 SOAP Fault in the request's version`() async throws {
        let deadline = ICMock(state: ICState(), deadline: .milliseconds(50)).handle.deadline
        let gate = Gate()
        let slow = MockEndpoint(core: gate.core, deadline: deadline, timedOut: MockEndpoint.timedOutSOAP).waiting { _ in true }
        let request = MockRequest(
            method: "POST", target: ICMock.cloudInvoicingPath, headers: [("Content-Type", SOAPVersion.v12.contentType)])
        let response = try await serve(slow, request)
        await gate.open()
        #expect(response.status == 503)
        #expect(response.header("Content-Type") == SOAPVersion.v12.contentType)
        #expect(String(decoding: response.body, as: UTF8.self).contains("the mock did not answer within 50 ms"))
    }

    @Test func `a core that may wait runs on the handler pool; one that cannot runs in place`() async throws {
        let onPool: @Sendable (MockRequest) -> MockResponse = { _ in
            MockResponse(status: Thread.current.name?.hasPrefix("TP-") == true ? 200 : 500)
        }
        let waiting = MockEndpoint(core: onPool, deadline: .seconds(5)).waiting { _ in true }
        let inPlace = MockEndpoint(core: onPool, deadline: .seconds(5))
        for _ in 0..<20 {
            #expect(try await serve(waiting, MockRequest(method: "GET", target: "/")).status == 200)
            #expect(try await serve(inPlace, MockRequest(method: "GET", target: "/")).status == 500)
        }
    }

    @Test func `a core run in place that answers past its deadline is answered 503, its answer dropped`() async throws {
        let journal = Journal()
        let slow: @Sendable (MockRequest) -> MockResponse = { _ in
            Thread.sleep(forTimeInterval: 0.2)
            return MockResponse(status: 200)
        }
        let endpoint = MockEndpoint(
            core: slow, deadline: .milliseconds(50), timedOut: MockEndpoint.timedOutJSONAPI,
            observers: [JournalObserver(journal, partner: "imt")])
        let response = try await serve(endpoint, MockRequest(method: "GET", target: "/slow/"))
        #expect(response.status == 503)
        #expect(journal.json.arrayValue?.first?["response"]?["status"] == .number("503"))
    }

    @Test func `a 60,000-key JSON object is read in linear time: the mock answers it at once`() throws {
        let mock = IMTMock(state: IMTState(users: ["icuser": "pw"]))
        let members = (0..<60_000).map { #""k\#($0)":1"# }.joined(separator: ",")
        let body = Array("{\(members)}".utf8)
        #expect(body.count > 600_000)
        let start = ContinuousClock.now
        let response = mock.handle(
            MockRequest(
                method: "POST", target: "/auth/3401/api/sessions/", headers: [("Content-Type", JSONAPIMediaType.value)],
                body: body))
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(response.status == 400)
        #expect(JSONAPIError.errors(in: try JSONParser.parse(response.body))?.first?.code == "invalid-document")
    }

    @Test func `a duplicate key is still an error at its line and column`() throws {
        let mock = IMTMock(state: IMTState(users: ["icuser": "pw"]))
        let text = "{\"data\": {},\n  \"x\": 1, \"data\": 2}"
        let response = mock.handle(
            MockRequest(
                method: "POST", target: "/auth/3401/api/sessions/", headers: [("Content-Type", JSONAPIMediaType.value)],
                body: Array(text.utf8)))
        #expect(response.status == 400)
        let error = try #require(JSONAPIError.errors(in: try JSONParser.parse(response.body))?.first)
        #expect(error.code == "malformed-json")
        #expect(error.detail == #"line 2, column 11: duplicate key "data""#)
        #expect(throws: JSONParser.SyntaxError(line: 2, column: 11, message: #"duplicate key "data""#)) {
            try JSONParser.parse(text)
        }
    }
}
