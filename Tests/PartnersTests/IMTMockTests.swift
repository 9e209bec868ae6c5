import Partners
import Testing
import Wire

/// The mock IMT in process: `handle(_:)` with no server.
@Suite struct IMTMockTests {
    let mock = IMTMock(
        state: IMTState(
            users: ["icuser": "pw"],
            policies: [IMTPolicy(id: "41703", attributes: PaymentsDue.seedExampleAttributes)]))

    static let jsonAPI = [(name: "Content-Type", value: JSONAPIMediaType.value), (name: "Accept", value: JSONAPIMediaType.value)]

    func login(password: String = "pw") -> MockResponse {
        mock.handle(
            MockRequest(
                method: "POST", target: "/auth/3401/api/sessions/", headers: Self.jsonAPI,
                body: Array(SessionRequest(username: "icuser", password: password).document.compactText.utf8)))
    }

    func cookie(_ response: MockResponse) throws -> (name: String, value: String) {
        let setCookie = try #require(response.header("Set-Cookie"))
        return ("Cookie", String(try #require(setCookie.split(separator: ";").first)))
    }

    func errorObject(_ response: MockResponse) throws -> JSONAPIError {
        #expect(response.header("Content-Type") == JSONAPIMediaType.value)
        return try #require(JSONAPIError.errors(in: try JSONParser.parse(response.body))?.first)
    }

    @Test func `valid credentials open a session with a cookie; a wrong password is 401 with an error document`() throws {
        let opened = login()
        #expect(opened.status == 201)
        #expect(opened.header("Set-Cookie")?.hasPrefix("\(IMTMock.sessionCookie)=") == true)
        let refused = login(password: "nope")
        #expect(refused.status == 401)
        #expect(try errorObject(refused).code == "invalid-credentials")
        #expect(mock.openSessions == 1)
    }

    @Test func `payments-due needs a live session cookie and answers the seed's resource shape`() throws {
        let target = "/webpayments/3401/api/payments-due/?filter%5Bpolicy_number%5D=20240903"
        #expect(mock.handle(MockRequest(method: "GET", target: target)).status == 401)
        let session = try cookie(login())
        let response = mock.handle(MockRequest(method: "GET", target: target, headers: [session]))
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/vnd.api+json")
        let resources = try JSONAPIDocument.collection(in: JSONParser.parse(response.body))
        #expect(resources.map(\.id) == ["41703"])
        #expect(resources.first?.attributes == PaymentsDue.seedExampleAttributes)
    }

    @Test func `closing a session makes its cookie stop working`() throws {
        let session = try cookie(login())
        #expect(
            mock.handle(MockRequest(method: "DELETE", target: "/auth/3401/api/sessions/icuser", headers: [session])).status == 204
        )
        let after = mock.handle(
            MockRequest(
                method: "GET", target: "/webpayments/3401/api/payments-due/?filter%5Bpolicy_number%5D=1", headers: [session]))
        #expect(after.status == 401)
        #expect(try errorObject(after).source == .header("Cookie"))
        #expect(mock.openSessions == 0)
    }

    @Test func `a wrong content type is 415, malformed JSON 400, each with an error object`() throws {
        let wrongType = mock.handle(
            MockRequest(
                method: "POST", target: "/auth/3401/api/sessions/", headers: [("Content-Type", "application/json")],
                body: Array("{}".utf8)))
        #expect(wrongType.status == 415)
        #expect(try errorObject(wrongType).source == .header("Content-Type"))

        let malformed = mock.handle(
            MockRequest(
                method: "POST", target: "/auth/3401/api/sessions/", headers: Self.jsonAPI, body: Array(#"{"data": "#.utf8)))
        #expect(malformed.status == 400)
        let error = try errorObject(malformed)
        #expect(error.code == "malformed-json")
        #expect(error.source == .pointer(""))
    }

    @Test func `an unknown query parameter is 400 naming it; IMT's signing parameters are allowed`() throws {
        let session = try cookie(login())
        let unknown = mock.handle(
            MockRequest(
                method: "GET", target: "/webpayments/3401/api/payments-due/?filter%5Bpolicy_number%5D=1&sort=x",
                headers: [session]))
        #expect(unknown.status == 400)
        #expect(try errorObject(unknown).source == .parameter("sort"))
        let signed = mock.handle(
            MockRequest(
                method: "GET",
                target: "/webpayments/3401/api/payments-due/?filter%5Bpolicy_number%5D=1&__client_id=a&__signature=b",
                headers: [session]))
        #expect(signed.status == 200)
    }

    @Test func `a missing attribute is 422 with a pointer to it`() throws {
        let body = #"{"data": {"type": "sessions", "attributes": {"username": "icuser"}}}"#
        let response = mock.handle(
            MockRequest(method: "POST", target: "/auth/3401/api/sessions/", headers: Self.jsonAPI, body: Array(body.utf8)))
        #expect(response.status == 422)
        #expect(try errorObject(response).source == .pointer("/data/attributes/password"))
    }

    @Test func `seed 000's literal sessions body (id "string") opens a session, as do the username and no id`() throws {
        func post(_ id: String?) -> MockResponse {
            let idMember = id.map { #""id": "\#($0)", "# } ?? ""
            let body =
                #"{"data": {"# + idMember + #""type": "sessions", "attributes": {"username": "icuser", "password": "pw"}}}"#
            return mock.handle(
                MockRequest(method: "POST", target: "/auth/3401/api/sessions/", headers: Self.jsonAPI, body: Array(body.utf8)))
        }
        let literal = post("string")
        #expect(literal.status == 201)
        #expect(literal.header("Set-Cookie")?.hasPrefix("sessionid=") == true)
        #expect(post("icuser").status == 201)
        #expect(post(nil).status == 201)
    }

    @Test func `a wrong method is 405 with Allow, an unknown path 404`() {
        let wrongMethod = mock.handle(MockRequest(method: "PUT", target: "/auth/3401/api/sessions/"))
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.header("Allow") == "POST")
        #expect(mock.handle(MockRequest(method: "GET", target: "/webpayments/3401/api/nothing/")).status == 404)
        #expect(mock.handle(MockRequest(method: "GET", target: "/elsewhere/")).status == 404)
    }

    @Test func `a fault for the next request answers its status once, then the route works again`() throws {
        let faulty = IMTMock(
            state: IMTState(
                users: ["icuser": "pw"], faults: [Fault(method: "POST", path: "/sessions", effect: .status(503), times: 1)]))
        let request = MockRequest(
            method: "POST", target: "/auth/3401/api/sessions/", headers: Self.jsonAPI,
            body: Array(SessionRequest(username: "icuser", password: "pw").document.compactText.utf8))
        #expect(faulty.handle(request).status == 503)
        #expect(faulty.handle(request).status == 201)
    }

    @Test func `the journal records every exchange with the password and cookies redacted`() throws {
        let session = try cookie(login())
        _ = mock.handle(MockRequest(method: "DELETE", target: "/auth/3401/api/sessions/icuser", headers: [session]))
        let text = mock.journal.json.compactText
        #expect(mock.journal.count == 2)
        #expect(!text.contains("\"pw\""))
        #expect(!text.contains("imt-3401-session"))
        #expect(text.contains(#""password":"<redacted>""#))
        #expect(text.contains(#""Set-Cookie":"<redacted>""#))
    }
}
