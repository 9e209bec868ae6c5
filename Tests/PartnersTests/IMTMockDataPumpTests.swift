import Partners
import Testing
import Wire

/// The mock IMT's DataPump and bill routes, session expiry and fault effects, in process.
@Suite struct IMTMockDataPumpTests {
    let mock = IMTMock(
        state: IMTState(
            users: ["icuser": "pw"],
            policies: [IMTPolicy(id: "41703", attributes: PaymentsDue.seedExampleAttributes)],
            bills: ["20240903": Array("%PDF-1.4\n".utf8)]))

    static let jsonAPI = [(name: "Content-Type", value: JSONAPIMediaType.value), (name: "Accept", value: JSONAPIMediaType.value)]

    static let payment = PaymentPost(
        account: "20240903", method: .creditCard, billAmountPaid: Money(parsing: "125.00")!,
        totalPaid: Money(parsing: "128.95")!, approvalCode: "A1B2C3D4", transactionID: "2984&1", firstName: "JESSICA",
        lastName: "SMITH", address1: "", address2: "", city: "", state: "", zipCode: "", phone: "", email: "")

    func session() -> (name: String, value: String) {
        let opened = mock.handle(
            MockRequest(
                method: "POST", target: "/auth/3401/api/sessions/", headers: Self.jsonAPI,
                body: Array(SessionRequest(username: "icuser", password: "pw").document.compactText.utf8)))
        return ("Cookie", String(opened.header("Set-Cookie")!.split(separator: ";")[0]))
    }

    func send(
        _ method: String, _ path: String, _ document: JSONValue? = nil, cookie: (name: String, value: String)?
    )
        -> MockResponse
    {
        mock.handle(
            MockRequest(
                method: method, target: "/webpayments/3401/api" + path, headers: Self.jsonAPI + (cookie.map { [$0] } ?? []),
                body: document.map { Array($0.compactText.utf8) } ?? []))
    }

    func code(_ response: MockResponse) throws -> String {
        try #require(JSONAPIError.errors(in: try JSONParser.parse(response.body))?.first).code
    }

    @Test func `the same transaction_id again is stored with a warning; with refuse it is 409 and nothing more is stored`()
        throws
    {
        let cookie = session()
        #expect(send("POST", "/payments/", Self.payment.document, cookie: cookie).status == 201)
        let again = send("POST", "/payments/", Self.payment.document, cookie: cookie)
        #expect(again.status == 201)
        #expect(again.warnings == ["duplicate-transaction: transaction_id 2984&1 was posted before; stored again"])
        #expect(mock.stateJSON["payments"]?.arrayValue?.count == 2)
        let entry = try #require(mock.journal.json.arrayValue?.last)
        #expect(entry["response"]?["warnings"]?.arrayValue?.count == 1)

        var state = IMTState(
            users: ["icuser": "pw"], policies: [IMTPolicy(id: "41703", attributes: PaymentsDue.seedExampleAttributes)])
        state.refuse = ["duplicate-transaction"]
        mock.load(state)
        let strict = session()
        #expect(send("POST", "/payments/", Self.payment.document, cookie: strict).status == 201)
        let refused = send("POST", "/payments/", Self.payment.document, cookie: strict)
        #expect(refused.status == 409)
        #expect(try code(refused) == "duplicate-transaction")
        #expect(refused.warnings.isEmpty)
        #expect(mock.stateJSON["payments"]?.arrayValue?.count == 1)
    }

    @Test func `a payment with a number amount or an unknown attribute is 422; an unknown policy is stored with a warning`()
        throws
    {
        let cookie = session()
        let attributes = Self.payment.attributes
        func posting(_ changed: JSONValue) -> JSONValue {
            .object(["data": .object(["type": "payments", "id": "20240903", "attributes": changed])])
        }
        let number = send("POST", "/payments/", posting(attributes.setting("total_paid", to: .number("128.95"))), cookie: cookie)
        #expect(number.status == 422)
        let extra = send("POST", "/payments/", posting(attributes.setting("tip", to: "1.00")), cookie: cookie)
        #expect(try code(extra) == "unknown-attribute")
        #expect(mock.stateJSON["payments"]?.arrayValue?.isEmpty == true)
        var stranger = Self.payment
        stranger.account = "99999999"
        let stored = send("POST", "/payments/", stranger.document, cookie: cookie)
        #expect(stored.status == 201)
        #expect(stored.warnings == ["unknown-policy: no policy 99999999; stored all the same"])
        var state = IMTState(users: ["icuser": "pw"])
        state.refuse = ["unknown-policy"]
        mock.load(state)
        #expect(try code(send("POST", "/payments/", stranger.document, cookie: session())) == "unknown-policy")
        #expect(mock.stateJSON["payments"]?.arrayValue?.isEmpty == true)
    }

    @Test func `PATCH settings changes only what it names; another id is 409, an unknown policy 404`() throws {
        let cookie = session()
        let enrolled = send(
            "PATCH", "/settings/20240903/", PolicySettings.Change.paperless(true).document(account: "20240903"), cookie: cookie)
        #expect(enrolled.status == 200)
        let autopay = send(
            "PATCH", "/settings/20240903/", PolicySettings.Change.billMode(.autopay).document(account: "20240903"), cookie: cookie
        )
        let attributes = try JSONParser.parse(autopay.body)["data"]?["attributes"]
        #expect(attributes?["paperless"] == true)
        #expect(attributes?["bill_mode"] == "autopay")
        let mismatch = send(
            "PATCH", "/settings/20240903/", PolicySettings.Change.paperless(false).document(account: "1"), cookie: cookie)
        #expect(mismatch.status == 409)
        #expect(try code(mismatch) == "id-mismatch")
        #expect(
            send("PATCH", "/settings/1/", PolicySettings.Change.paperless(false).document(account: "1"), cookie: cookie).status
                == 404)
    }

    @Test func `a body that breaks the schema gets the schema's 422 before the id's 409`() throws {
        let cookie = session()
        // data.id is not the URL's, and paperless is not a boolean: the attribute's 422 comes first.
        let settings = try JSONParser.parse(
            #"{"data": {"type": "policy-settings", "id": "1", "attributes": {"paperless": "yes"}}}"#)
        let patched = send("PATCH", "/settings/20240903/", settings, cookie: cookie)
        #expect(patched.status == 422)
        #expect(try code(patched) == "invalid-attribute")
        // data.id is not the attribute id, and every other attribute is missing: the first missing one's 422.
        let payment = try JSONParser.parse(#"{"data": {"type": "payments", "id": "1", "attributes": {"id": "20240903"}}}"#)
        let posted = send("POST", "/payments/", payment, cookie: cookie)
        #expect(posted.status == 422)
        #expect(try code(posted) == "missing-attribute")
        // A schema-valid body whose data.id differs: the id's 409.
        var mismatched = Self.payment.document
        mismatched = mismatched.setting("data", to: mismatched["data"]!.setting("id", to: "1"))
        #expect(send("POST", "/payments/", mismatched, cookie: cookie).status == 409)
    }

    @Test func `a bill is PDF bytes; none is a 404 error document; both need a session`() throws {
        #expect(send("GET", "/bills/20240903/", cookie: nil).status == 401)
        let cookie = session()
        let bill = send("GET", "/bills/20240903/", cookie: cookie)
        #expect(bill.header("Content-Type") == "application/pdf")
        #expect(bill.body == Array("%PDF-1.4\n".utf8))
        #expect(try code(send("GET", "/bills/1/", cookie: cookie)) == "not-found")
    }

    @Test func `a session expires after its request limit`() throws {
        mock.faults.expireSessions(after: 1)
        let cookie = session()
        #expect(send("GET", "/bills/20240903/", cookie: cookie).status == 200)
        #expect(send("GET", "/bills/20240903/", cookie: cookie).status == 401)
        #expect(mock.openSessions == 0)
    }

    @Test func `a drop fault processes the request, then answers nothing; a status fault processes nothing`() throws {
        let cookie = session()
        mock.faults.add(Fault(method: "POST", path: "/payments/", effect: .drop, times: 1))
        let dropped = send("POST", "/payments/", Self.payment.document, cookie: cookie)
        #expect(dropped.ending == .dropped)
        #expect(mock.stateJSON["payments"]?.arrayValue?.count == 1)
        mock.faults.add(Fault(method: "POST", path: "/payments", effect: .status(503)))
        var other = Self.payment
        other.transactionID = "2984&2"
        #expect(send("POST", "/payments/", other.document, cookie: cookie).status == 503)
        #expect(mock.stateJSON["payments"]?.arrayValue?.count == 1)
    }

    @Test func `a malformed-body fault keeps the status and breaks the JSON; content_type replaces the header`() throws {
        let cookie = session()
        mock.faults.add(Fault(method: "GET", path: "/payments-due/", effect: .malformedBody, times: 1))
        let broken = send("GET", "/payments-due/?filter%5Bpolicy_number%5D=20240903", cookie: cookie)
        #expect(broken.status == 200)
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(broken.body) }
        mock.faults.add(Fault(method: "GET", path: "/bills/20240903/", effect: .contentType("text/html"), times: 1))
        #expect(send("GET", "/bills/20240903/", cookie: cookie).header("Content-Type") == "text/html")
    }
}
