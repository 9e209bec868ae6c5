import BifrostTesting
import Harness
import Partners
import Support
import Testing
import Wire

/// The admin API of `bifrost serve imt`, in process.
@Suite struct IMTStandaloneTests {
    let standalone = IMTStandalone(state: IMTState(users: [SampleState.username: SampleState.password]), log: { _ in })

    func admin(_ method: String, _ path: String, _ body: String = "") -> MockResponse {
        standalone.handle(MockRequest(method: method, target: path, body: Array(body.utf8)))
    }

    @Test func `a state file loads with or without its imt: wrapper, and the demo state has a user and a policy`() throws {
        let folder = try TemporaryFolder("bifrost-state")
        defer { folder.remove() }
        let bare = try folder.write("users: {ann: secret-1}\n", to: "bare.yaml")
        let wrapped = try folder.write("imt:\n  users: {ann: secret-1}\n", to: "wrapped.yaml")
        #expect(try IMTStandalone.state(file: bare).users == ["ann": "secret-1"])
        #expect(try IMTStandalone.state(file: wrapped).users == ["ann": "secret-1"])
        let other = try folder.write("ic:\n  users: {ann: secret-1}\n", to: "other.yaml")
        #expect(throws: InputError.self) { try IMTStandalone.state(file: other) }
        #expect(IMTStandalone.demoState.users == ["icuser": "s3cr3t-pass"])
        #expect(IMTStandalone.demoState.policies.compactMap(\.policyNumber) == ["20240903"])
    }

    @Test func `PUT state loads YAML, GET state shows it with passwords redacted, reset returns to it`() throws {
        let loaded = admin("PUT", "/__admin/state", "users: {ann: secret-1}\npolicies: [{policy_number: \"7\"}]\n")
        #expect(loaded.status == 200)
        let state = try JSONParser.parse(admin("GET", "/__admin/state").body)
        #expect(state["users"] == .object(["ann": "<redacted>"]))
        #expect(state["policies"]?.arrayValue?.count == 1)
        #expect(admin("POST", "/__admin/reset").status == 204)
        #expect(try JSONParser.parse(admin("GET", "/__admin/journal").body) == .array([]))
    }

    @Test func `a malformed state or fault is a 400 error document naming line and column; the state stays`() throws {
        let bad = admin("PUT", "/__admin/state", "users: [oops")
        #expect(bad.status == 400)
        let detail = try #require(JSONAPIError.errors(in: try JSONParser.parse(bad.body))?.first?.detail)
        #expect(detail.hasPrefix("PUT /__admin/state:2:1: "))
        #expect(admin("POST", "/__admin/faults", #"{"route": "GET /x/", "status": 99}"#).status == 400)
        #expect(try JSONParser.parse(admin("GET", "/__admin/state").body)["users"] == .object(["icuser": "<redacted>"]))
    }

    @Test func `a fault added at run time applies to the next matching request, and DELETE clears them`() throws {
        #expect(admin("POST", "/__admin/faults", #"{"route": "POST /sessions/", "status": 503, "times": 1}"#).status == 201)
        let login = SampleRequest.imtLogin()
        #expect(standalone.handle(login).status == 503)
        #expect(standalone.handle(login).status == 201)
        _ = admin("POST", "/__admin/faults", #"{"route": "POST /sessions/", "status": 500}"#)
        #expect(admin("DELETE", "/__admin/faults").status == 204)
        #expect(standalone.handle(login).status == 201)
        #expect(standalone.mock.journal.count == 3)
    }

    @Test func `the contract is an OpenAPI 3.1 document naming every partner route`() throws {
        let response = admin("GET", "/__admin/openapi.json")
        let document = try JSONParser.parse(response.body)
        #expect(document["openapi"] == "3.1.0")
        let paths = try #require(document["paths"]?.objectValue).map(\.key)
        for route in ["/auth/3401/api/sessions/", "/webpayments/3401/api/payments/", "/webpayments/3401/api/payments-due/"] {
            #expect(paths.contains(route))
        }
        #expect(paths.contains { $0.hasPrefix("/webpayments/3401/api/settings/") })
        #expect(paths.contains { $0.hasPrefix("/webpayments/3401/api/bills/") })
    }

    @Test func `null in a state is refused at its line and column, never stored as the text "null"`() throws {
        for (text, position) in [
            ("users: {ann: null}\n", "1:14"), (#"{"users": {"ann": "x"}, "bills": {"7": null}}"#, "1:40"),
            ("policies:\n  - {policy_number: ~}\n", "2:21"),
        ] {
            let refused = admin("PUT", "/__admin/state", text)
            #expect(refused.status == 400, "\(text)")
            let detail = try #require(JSONAPIError.errors(in: try JSONParser.parse(refused.body))?.first?.detail)
            #expect(detail.hasPrefix("PUT /__admin/state:\(position): "), "\(detail)")
            #expect(detail.contains("not null"), "\(detail)")
        }
        // Quoted, it is the text.
        #expect(admin("PUT", "/__admin/state", #"{"users": {"ann": "null"}}"#).status == 200)
    }

    @Test func `the contract draws the state's keys, links the session to the data operations and names the auth origin`() throws
    {
        standalone.authListens(at: "http://localhost:8088")
        _ = admin("PUT", "/__admin/state", "users: {ann: s}\npolicies: [{policy_number: \"7\"}]\nbills: {\"7\": \"%PDF\"}\n")
        let document = try JSONParser.parse(admin("GET", "/__admin/openapi.json").body)
        #expect(document["components"]?["schemas"]?["PolicyNumber"]?["enum"] == .array(["7"]))
        #expect(document["components"]?["schemas"]?["BillPolicy"]?["enum"] == .array(["7"]))
        #expect(document["components"]?["examples"]?["Payment"]?["value"]?["data"]?["id"] == "7")
        let sessions = document["paths"]?["/auth/3401/api/sessions/"]
        #expect(sessions?["servers"] == .array([.object(["url": "http://localhost:8088"])]))
        let links = try #require(sessions?["post"]?["responses"]?["201"]?["links"]?.objectValue).map(\.key)
        #expect(links == ["paymentsDue", "postPayment", "patchSettings", "bill", "closeSession"])
        #expect(document["paths"]?["/webpayments/3401/api/payments/"]?["servers"] == nil)
    }

    @Test func `with the auth API on its own origin, each server answers only its API`() throws {
        let (data, auth) = standalone.endpoints
        let login = SampleRequest.imtLogin()
        #expect(data(login).status == 404)
        let session = auth(login)
        #expect(session.status == 201)
        let cookie = try #require(session.header("Set-Cookie")?.split(separator: ";").first.map(String.init))
        let bill = MockRequest(method: "GET", target: "/webpayments/3401/api/bills/20240903/", headers: [("Cookie", cookie)])
        #expect(auth(bill).status == 404)
        #expect(data(bill).status != 404 || data(bill).header("Content-Type") == JSONAPIMediaType.value)
        #expect(data(MockRequest(method: "GET", target: "/__admin/state")).status == 200)
    }
}
