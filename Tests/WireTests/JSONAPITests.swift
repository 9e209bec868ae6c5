import Testing
import Wire

@Suite struct JSONAPITests {
    @Test func `an error object carries status and code as strings and its source`() {
        let error = JSONAPIError(status: 400, code: "unknown-parameter", title: "Unknown", source: .parameter("sort"))
        #expect(
            JSONAPIError.document([error]).compactText
                == #"{"errors":[{"status":"400","code":"unknown-parameter","title":"Unknown","source":{"parameter":"sort"}}]}"#)
        #expect(JSONAPIError.errors(in: JSONAPIError.document([error])) == [error])
    }

    @Test func `a collection must be an array of resources with string ids`() throws {
        #expect(throws: JSONAPIDocument.Violation(pointer: "/data", message: "a collection must be an array, got object")) {
            try JSONAPIDocument.collection(in: JSONParser.parse(#"{"data": {"type": "x", "id": "1"}}"#))
        }
        #expect(throws: JSONAPIDocument.Violation(pointer: "/data/0/id", message: "id must be a string, got number")) {
            try JSONAPIDocument.collection(in: JSONParser.parse(#"{"data": [{"type": "x", "id": 1}]}"#))
        }
        #expect(throws: JSONAPIDocument.Violation(pointer: "", message: "data and errors must not appear together")) {
            try JSONAPIDocument.collection(in: JSONParser.parse(#"{"data": [], "errors": []}"#))
        }
        #expect(try JSONAPIDocument.collection(in: JSONParser.parse(#"{"data": []}"#)).isEmpty)
    }

    @Test func `payments-due reads current_due as decimal and names the pointer of a bad attribute`() throws {
        let good = JSONAPIResource(type: "payments-due", id: "41703", attributes: PaymentsDue.seedExampleAttributes)
        let record = try PaymentsDue(resource: good, at: "/data/0")
        #expect(record.currentDue.description == "1675.00")
        #expect(record.paymentTypes == ["CC"])

        let bad = JSONAPIResource(
            type: "payments-due", id: "1",
            attributes: PaymentsDue.seedExampleAttributes.setting("current_due", to: .number("1675.00")))
        #expect(
            throws: JSONAPIDocument.Violation(
                pointer: "/data/2/attributes/current_due", message: "current_due must be a decimal string")
        ) {
            try PaymentsDue(resource: bad, at: "/data/2")
        }
    }

    @Test func `the seed example has every attribute of the full example response`() {
        #expect(PaymentsDue.seedExampleAttributes.objectValue?.count == 45)
    }

    @Test func `a sessions request round-trips and a wrong type is a 409`() throws {
        let request = SessionRequest(username: "icuser", password: "pw")
        #expect(try SessionRequest(document: request.document) == request)
        let wrongType = try JSONParser.parse(#"{"data": {"type": "users", "attributes": {"username": "a", "password": "b"}}}"#)
        #expect(throws: JSONAPIError.self) { try SessionRequest(document: wrongType) }
        do {
            _ = try SessionRequest(document: wrongType)
        } catch {
            #expect(error.status == 409)
            #expect(error.source == .pointer("/data/type"))
        }
    }

    @Test(arguments: [
        ("application/vnd.api+json", true), ("application/vnd.api+json; ext=\"x\"", true),
        ("application/vnd.api+json; charset=utf-8", false), ("application/json", false),
    ])
    func `content type allows only the ext and profile parameters`(header: String, acceptable: Bool) {
        #expect(JSONAPIMediaType.isAcceptableContentType(header) == acceptable)
    }

    @Test func `accept fails only when every JSON:API media type has a disallowed parameter`() {
        #expect(JSONAPIMediaType.isAcceptable(accept: "application/vnd.api+json; charset=utf-8") == false)
        #expect(JSONAPIMediaType.isAcceptable(accept: "application/vnd.api+json; charset=utf-8, application/vnd.api+json"))
        #expect(JSONAPIMediaType.isAcceptable(accept: "*/*"))
    }

    @Test func `secrets are redacted at any depth, other members kept`() throws {
        let value = try JSONParser.parse(
            #"{"data": {"attributes": {"password": "pw", "username": "u"}}, "list": [{"Set-Cookie": "a=b"}]}"#)
        #expect(
            Redactor.redact(value).compactText
                == #"{"data":{"attributes":{"password":"<redacted>","username":"u"}},"list":[{"Set-Cookie":"<redacted>"}]}"#)
    }
}
