import Partners
import Testing
import Wire

/// The admin API both mocks share, with stand-in decoders (Harness reads YAML for the real ones).
@Suite struct AdminAPITests {
    /// What a stand-in decoder cannot read.
    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads `user NAME` as a state with that user, refuses anything else.
    static let imtState: @Sendable (String, String) throws -> IMTState = { text, origin in
        guard text.hasPrefix("user ") else { throw Unreadable(description: "\(origin):1:1: not a state") }
        return IMTState(users: [String(text.dropFirst(5)): "pw"])
    }

    /// Reads `ROUTE STATUS` or `limit N`.
    static let imtFault: @Sendable (String, String) throws -> AdminAPI.ArmedFault = { text, origin in
        let parts = text.split(separator: " ")
        if parts.count == 2, parts[0] == "limit", let limit = Int(parts[1]) { return .sessionLimit(limit) }
        guard parts.count == 3, let status = Int(parts[2]),
            let fault = Fault(route: "\(parts[0]) \(parts[1])", effect: .status(status)), IMTMock.knows(fault)
        else { throw Unreadable(description: "\(origin):1:1: not a fault") }
        return .fault(fault)
    }

    let imt = IMTMock(state: IMTState(users: ["icuser": "pw"]))
    var imtAdmin: AdminAPI { imt.adminAPI(decodeState: Self.imtState, decodeFault: Self.imtFault) }

    func call(_ admin: AdminAPI, _ method: String, _ target: String, _ body: String = "") -> MockResponse {
        admin.handle(MockRequest(method: method, target: target, body: Array(body.utf8)))
    }

    func detail(_ response: MockResponse) -> String? {
        (try? JSONParser.parse(response.body)).flatMap { JSONAPIError.errors(in: $0)?.first?.detail }
    }

    @Test func `state is shown, replaced by PUT and restored by reset; admin calls are not journaled`() throws {
        let admin = imtAdmin
        #expect(try JSONParser.parse(call(admin, "GET", "/__admin/state").body)["users"] == .object(["icuser": "<redacted>"]))
        let put = call(admin, "PUT", "/__admin/state", "user ann")
        #expect(put.status == 200)
        // The state is not a JSON:API document: plain JSON, as the contract documents it.
        #expect(put.header("Content-Type") == "application/json")
        #expect(try JSONParser.parse(put.body)["users"] == .object(["ann": "<redacted>"]))
        #expect(call(admin, "POST", "/__admin/reset").status == 204)
        #expect(try JSONParser.parse(call(admin, "GET", "/__admin/journal").body) == .array([]))
        #expect(imt.journal.count == 0)
    }

    @Test func `what a decoder cannot read is a 400 error document carrying its message; the state stays`() {
        let admin = imtAdmin
        let bad = call(admin, "PUT", "/__admin/state", "nonsense")
        #expect(bad.status == 400)
        #expect(detail(bad) == "PUT /__admin/state:1:1: not a state")
        let binary = admin.handle(MockRequest(method: "PUT", target: "/__admin/state", body: [0xFF, 0xFE]))
        #expect(detail(binary) == "PUT /__admin/state:1:1: the body is not UTF-8")
        #expect(call(admin, "POST", "/__admin/faults", "GET /x/ 500").status == 400)
        #expect(imt.stateJSON["users"] == .object(["icuser": "<redacted>"]))
    }

    @Test func `faults are armed, listed and disarmed; a session limit too`() throws {
        let admin = imtAdmin
        let armed = call(admin, "POST", "/__admin/faults", "POST /payments/ 503")
        #expect(armed.status == 201)
        #expect(try JSONParser.parse(armed.body)["route"] == "POST /payments/")
        #expect(call(admin, "POST", "/__admin/faults", "limit 2").status == 201)
        #expect(try JSONParser.parse(call(admin, "GET", "/__admin/faults").body).arrayValue?.count == 2)
        #expect(call(admin, "DELETE", "/__admin/faults").status == 204)
        #expect(try JSONParser.parse(call(admin, "GET", "/__admin/faults").body) == .array([]))
    }

    @Test func `the contract documents: OpenAPI for the mock IMT, the WSDL for the mock IC`() throws {
        let openAPI = call(imtAdmin, "GET", "/__admin/openapi.json")
        #expect(openAPI.header("Content-Type") == "application/json")
        #expect(try JSONParser.parse(openAPI.body)["openapi"] == "3.1.0")
        let ic = ICMock(state: ICState())
        let icAdmin = ic.adminAPI(decodeState: { _, _ in ICState() }, decodeFault: { _, o in throw Unreadable(description: o) })
        let wsdl = icAdmin.handle(MockRequest(method: "GET", target: "/__admin/CloudInvoicing.wsdl", headers: [("Host", "h:1")]))
        #expect(wsdl.status == 200)
        let text = String(decoding: wsdl.body, as: UTF8.self)
        #expect(text.contains(#"location="http://h:1/portal/webservices/CloudInvoicing.asmx""#))
        #expect(icAdmin.handle(MockRequest(method: "GET", target: "/__admin/import?date=11/18/2024")).status == 409)
        #expect(icAdmin.handle(MockRequest(method: "GET", target: "/__admin/import?date=2024-11-18")).status == 400)
    }

    @Test func `an unknown admin route is a 404 naming it; another method of a route is a 405 with Allow`() {
        let unknown = call(imtAdmin, "GET", "/__admin/nothing")
        #expect(unknown.status == 404)
        #expect(detail(unknown) == "GET /__admin/nothing is not an admin route; see GET /__admin/openapi.json")
        let patch = call(imtAdmin, "PATCH", "/__admin/state")
        #expect(patch.status == 405)
        #expect(patch.header("Allow") == "GET, PUT")
        #expect(patch.header("Content-Type") == JSONAPIMediaType.value)
        let ic = ICMock(state: ICState()).adminAPI(
            decodeState: { _, _ in ICState() }, decodeFault: { _, o in throw Unreadable(description: o) })
        #expect(
            detail(ic.handle(MockRequest(method: "GET", target: "/__admin/openapi.json")))
                == "GET /__admin/openapi.json is not an admin route of the mock IC")
    }
}
