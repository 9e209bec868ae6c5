import Foundation
import Partners
import Testing
import Wire

/// The journal's `near_miss`: the closest route or state entry of a request that matched none, and how it differs.
@Suite struct NearMissTests {
    let imt = IMTMock(
        state: IMTState(
            users: ["icuser": "pw-secret-1"],
            policies: [IMTPolicy(id: "41703", attributes: PaymentsDue.seedExampleAttributes)],
            bills: ["20240903": Array("%PDF-1.4\n".utf8)]))

    static let jsonAPI = [(name: "Content-Type", value: JSONAPIMediaType.value), (name: "Accept", value: JSONAPIMediaType.value)]
    static let billerGUID = "6f1c2e0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b"
    static let webServiceKey = "0b9d5c3e-7a2f-4e1d-9c8b-6a5f4e3d2c1b"
    static let ic = ICState(billers: [.init(guid: billerGUID, webServiceKey: webServiceKey, profile: .imtMipsApps)])

    func login(username: String = "icuser", password: String) -> MockRequest {
        MockRequest(
            method: "POST", target: "/auth/3401/api/sessions/", headers: Self.jsonAPI,
            body: Array(SessionRequest(username: username, password: password).document.compactText.utf8))
    }

    func soap(_ envelope: [UInt8]) -> MockRequest {
        MockRequest(
            method: "POST", target: ICMock.cloudInvoicingPath, headers: [("Content-Type", SOAPVersion.v11.contentType)],
            body: envelope)
    }

    func session() throws -> (name: String, value: String) {
        let opened = imt.handle(login(password: "pw-secret-1"))
        let cookie = try #require(opened.header("Set-Cookie")?.split(separator: ";").first)
        return ("Cookie", String(cookie))
    }

    func send(
        _ method: String, _ target: String, headers: [(name: String, value: String)] = jsonAPI, body: String = ""
    )
        -> MockResponse
    {
        imt.handle(MockRequest(method: method, target: target, headers: headers, body: Array(body.utf8)))
    }

    /// The last journal entry's `near_miss`.
    func lastNearMiss(_ journal: Journal) -> JSONValue? { journal.json.arrayValue?.last?["near_miss"] }

    func difference(_ part: String, _ name: String?, expected: String?, actual: String?) -> JSONValue {
        var members: [JSONValue.Member] = [.init("in", .string(part))]
        if let name { members.append(.init("name", .string(name))) }
        members.append(.init("expected", expected.map(JSONValue.string) ?? .null))
        members.append(.init("actual", actual.map(JSONValue.string) ?? .null))
        return .object(members)
    }

    @Test func `a mistyped path is journaled with the closest route and the segment that differs`() {
        #expect(send("GET", "/webpayments/3401/api/payment-due/?filter[policy_number]=1").status == 404)
        #expect(
            lastNearMiss(imt.journal)
                == .object([
                    "route": "GET /webpayments/3401/api/payments-due/",
                    "differences": [difference("path", nil, expected: "payments-due", actual: "payment-due")],
                ]))
    }

    @Test func `a wrong method is journaled with the route of that path and the method it has`() {
        #expect(send("PUT", "/webpayments/3401/api/payments/").status == 405)
        #expect(
            lastNearMiss(imt.journal)
                == .object([
                    "route": "POST /webpayments/3401/api/payments/",
                    "differences": [difference("method", nil, expected: "POST", actual: "PUT")],
                ]))
    }

    @Test func `a request that matched its route and state has no near_miss, nor one far from every route`() throws {
        let cookie = try session()
        #expect(
            send("GET", "/webpayments/3401/api/payments-due/?filter[policy_number]=20240903", headers: Self.jsonAPI + [cookie])
                .status == 200)
        #expect(lastNearMiss(imt.journal) == nil)
        #expect(send("GET", "/elsewhere/entirely/").status == 404)
        #expect(lastNearMiss(imt.journal) == nil)
        #expect(imt.journal.json.arrayValue?.allSatisfy { $0["near_miss"] == nil } == true)
    }

    @Test func `payments-due for no policy names the closest policy and the filter's value; a far one none`() throws {
        let cookie = try session()
        let response = send(
            "GET", "/webpayments/3401/api/payments-due/?filter[policy_number]=20240930", headers: Self.jsonAPI + [cookie])
        #expect(response.status == 200)
        #expect(
            lastNearMiss(imt.journal)
                == .object([
                    "policy": "20240903",
                    "differences": [difference("query", "filter[policy_number]", expected: "20240903", actual: "20240930")],
                ]))
        _ = send("GET", "/webpayments/3401/api/payments-due/?filter[policy_number]=99999999", headers: Self.jsonAPI + [cookie])
        #expect(lastNearMiss(imt.journal) == nil)
    }

    @Test func `a payment for an unknown policy names the closest policy and entity_identifier`() throws {
        let cookie = try session()
        var payment = PaymentPost(
            account: "20240930", method: .creditCard, billAmountPaid: Money(parsing: "125.00")!,
            totalPaid: Money(parsing: "128.95")!, approvalCode: "A1", transactionID: "2984&1", firstName: "", lastName: "",
            address1: "", address2: "", city: "", state: "", zipCode: "", phone: "", email: "")
        // Stored with a warning (no seed sentence refuses it), the near miss journaled all the same.
        let response = send(
            "POST", "/webpayments/3401/api/payments/", headers: Self.jsonAPI + [cookie], body: payment.document.compactText)
        #expect(response.status == 201)
        #expect(response.warnings.first?.hasPrefix("unknown-policy:") == true)
        #expect(lastNearMiss(imt.journal)?["policy"] == "20240903")
        #expect(
            lastNearMiss(imt.journal)?["differences"]
                == [difference("body", "data.attributes.entity_identifier", expected: "20240903", actual: "20240930")])
        payment.account = "20240903"
        let wrongType = payment.document.compactText.replacingOccurrences(of: #""type":"payments""#, with: #""type":"payment""#)
        #expect(send("POST", "/webpayments/3401/api/payments/", headers: Self.jsonAPI + [cookie], body: wrongType).status == 409)
        #expect(
            lastNearMiss(imt.journal)
                == .object([
                    "route": "POST /webpayments/3401/api/payments/",
                    "differences": [difference("body", "data.type", expected: "payments", actual: "payment")],
                ]))
    }

    @Test func `a body under another Content-Type names the header and the media type the route takes`() throws {
        let cookie = try session()
        let response = send(
            "PATCH", "/webpayments/3401/api/settings/20240903/",
            headers: [("Content-Type", "application/json"), cookie], body: "{}")
        #expect(response.status == 415)
        #expect(
            lastNearMiss(imt.journal)
                == .object([
                    "route": "PATCH /webpayments/3401/api/settings/{account}/",
                    "differences": [
                        difference("header", "Content-Type", expected: JSONAPIMediaType.value, actual: "application/json")
                    ],
                ]))
    }

    @Test func `a bill for a policy without one names the closest policy with a bill`() throws {
        let cookie = try session()
        #expect(send("GET", "/webpayments/3401/api/bills/20240904/", headers: Self.jsonAPI + [cookie]).status == 404)
        #expect(
            lastNearMiss(imt.journal)
                == .object([
                    "bill": "20240903", "differences": [difference("path", nil, expected: "20240903", actual: "20240904")],
                ]))
    }

    @Test func `a wrong password says only that it differs; a close username names the user`() throws {
        #expect(imt.handle(login(password: "wrong-pass-2")).status == 401)
        let miss = try #require(lastNearMiss(imt.journal))
        #expect(
            miss
                == .object([
                    "user": "icuser",
                    "differences": [.object(["in": "body", "name": "data.attributes.password", "hidden": true])],
                ]))
        #expect(!imt.journal.json.compactText.contains("wrong-pass-2"))
        #expect(!imt.journal.json.compactText.contains("pw-secret-1"))
        #expect(imt.handle(login(username: "icusr", password: "pw-secret-1")).status == 401)
        #expect(
            lastNearMiss(imt.journal)?["differences"]
                == [difference("body", "data.attributes.username", expected: "icuser", actual: "icusr")])
    }

    @Test func `an IC request with a wrong key names the biller and hides both keys; a close GUID names it`() throws {
        let ic = ICMock(state: Self.ic)
        let wrongKey = ICReportRequest(
            report: .paymentReportingSOAP, billerGUID: Self.billerGUID, webServiceKey: "key-that-is-wrong",
            startDate: "2024-09-03T00:00:00Z", endDate: "2024-09-04T00:00:00Z")
        #expect(ic.handle(soap(wrongKey.envelope(.v11))).status == 200)
        #expect(
            lastNearMiss(ic.journal)
                == .object([
                    "biller": .string(Self.billerGUID),
                    "differences": [.object(["in": "body", "name": "Req/WebServiceKey", "hidden": true])],
                ]))
        #expect(!ic.journal.json.compactText.contains("key-that-is-wrong"))
        #expect(!ic.journal.json.compactText.contains(Self.webServiceKey))
        var closeGUID = wrongKey
        closeGUID.billerGUID = "6f1c2e0a-3b4d-4e5f-8a9b-0c1d2e3f4a5c"
        closeGUID.webServiceKey = Self.webServiceKey
        _ = ic.handle(soap(closeGUID.envelope(.v11)))
        #expect(
            lastNearMiss(ic.journal)?["differences"]
                == [difference("body", "Req/BillerGUID", expected: Self.billerGUID, actual: closeGUID.billerGUID)])
        var right = closeGUID
        right.billerGUID = Self.billerGUID
        _ = ic.handle(soap(right.envelope(.v11)))
        #expect(lastNearMiss(ic.journal) == nil)
    }

    @Test func `an IC path with a typo or a missing ?wsdl names the route and how it differs`() {
        let ic = ICMock(state: Self.ic)
        _ = ic.handle(MockRequest(method: "POST", target: "/portal/webservices/CloudInvoice.asmx"))
        #expect(
            lastNearMiss(ic.journal)?["route"] == "POST /portal/webservices/CloudInvoicing.asmx (SOAP operation UploadInvoice)")
        #expect(
            lastNearMiss(ic.journal)?["differences"]
                == [difference("path", nil, expected: "CloudInvoicing.asmx", actual: "CloudInvoice.asmx")])
        #expect(ic.handle(MockRequest(method: "GET", target: ICMock.cloudInvoicingPath)).status == 405)
        #expect(
            lastNearMiss(ic.journal)
                == .object([
                    "route": "GET /portal/webservices/CloudInvoicing.asmx",
                    "differences": [difference("query", "wsdl", expected: "", actual: nil)],
                ]))
    }

    @Test func `the closest key: smallest edit distance, ties in state order, nothing totally different, bounded`() {
        #expect(ClosestKey.closest(to: "20240930", among: ["11111111", "20240903", "20240939"]) == "20240939")
        #expect(ClosestKey.closest(to: "20240900", among: ["20240901", "20240902"]) == "20240901")
        #expect(ClosestKey.closest(to: "99999999", among: ["20240903"]) == nil)
        #expect(ClosestKey.closest(to: "20240903", among: ["20240903"]) == nil)
        #expect(ClosestKey.closest(to: "ABC-1234", among: ["abc-1235"], ignoringCase: true) == "abc-1235")
        let many = Array(repeating: "00000000", count: ClosestKey.candidateLimit) + ["20240904"]
        #expect(ClosestKey.closest(to: "20240903", among: many) == nil)
        let long = String(repeating: "a", count: 10_000)
        #expect(ClosestKey.closest(to: long + "b", among: [long + "c"]) == nil)
    }
}
