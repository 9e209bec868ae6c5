import Foundation
import Partners
import Testing
import Wire

/// `GET /__admin/requests`: the journal entries matching a method, a path, headers and body members, and their count.
@Suite struct RequestVerificationTests {
    let imt = IMTMock(state: IMTState(users: ["icuser": "pw"]), journal: Journal(limit: 10_000))
    var admin: AdminAPI { imt.adminAPI(decodeState: AdminAPITests.imtState, decodeFault: AdminAPITests.imtFault) }

    /// A session, two payments (one of 125.00, one of 12.50), a session closed, as a client leaves them.
    func record() {
        let journal = imt.journal
        func json(_ method: String, _ path: String, _ body: String?, cookie: Bool = true) {
            var headers = [("Content-Type", "application/vnd.api+json")]
            if cookie { headers.append(("Cookie", "imt_session=0123456789abcdef")) }
            journal.record(
                MockRequest(method: method, target: path, headers: headers, body: Array((body ?? "").utf8)),
                MockResponse(status: 201), partner: "imt")
        }
        json(
            "POST", "/auth/3401/api/sessions/",
            #"{"data":{"type":"sessions","attributes":{"username":"icuser","password":"pw"}}}"#, cookie: false)
        json(
            "POST", "/webpayments/3401/api/payments/", #"{"data":{"type":"payments","attributes":{"bill_amount_paid":"125.00"}}}"#
        )
        json("POST", "/webpayments/3401/api/payments/", #"{"data":{"type":"payments","attributes":{"bill_amount_paid":12.5}}}"#)
        json("DELETE", "/auth/3401/api/sessions/icuser", nil)
    }

    func ask(_ query: String) throws -> (status: Int, count: Int?, seqs: [String], document: JSONValue) {
        let response = admin.handle(MockRequest(method: "GET", target: "/__admin/requests" + query))
        let document = try JSONParser.parse(response.body)
        var count: Int?
        if case .number(let text)? = document["meta"]?["count"] { count = Int(text) }
        let seqs = document["data"]?.arrayValue?.compactMap { entry -> String? in
            guard case .number(let text)? = entry["seq"] else { return nil }
            return text
        }
        return (response.status, count, seqs ?? [], document)
    }

    @Test func `method, path suffix, headers and body members narrow the entries, and count counts them`() throws {
        record()
        #expect(try ask("").count == 4)
        #expect(try ask("?method=post").count == 3)
        #expect(try ask("?method=POST&path=/payments/").seqs == ["2", "3"])
        #expect(try ask("?path=/webpayments/3401/api/payments").count == 2)
        #expect(try ask("?path=/api/payments/").count == 2)
        #expect(try ask("?path=/3402/api/payments/").count == 0)
        #expect(try ask("?path=/sessions/*").seqs == ["4"])
        #expect(try ask("?path=/").count == 0)
        #expect(try ask("?method=POST&path=/payments/&body.data.attributes.bill_amount_paid=125.00").seqs == ["2"])
        // Numbers compare as decimals, a number to a string that reads as it too.
        #expect(try ask("?body.data.attributes.bill_amount_paid=12.50").seqs == ["3"])
        #expect(try ask("?body.data.attributes.bill_amount_paid=125").seqs == ["2"])
        #expect(try ask("?body.data.type=payments&body.data.attributes.bill_amount_paid=125.00").count == 1)
        #expect(try ask("?body.data.attributes.missing=1").count == 0)
        #expect(try ask("?header.content-type=application/vnd.api%2Bjson").count == 4)
        #expect(try ask("?header.Cookie=*").seqs == ["2", "3", "4"])
        #expect(try ask("?header.Accept=*").count == 0)
        #expect(try ask("?limit=1&method=POST").seqs == ["1"])
        #expect(try ask("?limit=1&method=POST").count == 3)
    }

    @Test func `a secret can be neither read nor guessed through a query`() throws {
        record()
        // The password is journaled redacted, and matched as journaled.
        #expect(try ask("?body.data.attributes.password=pw").count == 0)
        #expect(try ask("?body.data.attributes.password=%3Credacted%3E").seqs == ["1"])
        let refused = try ask("?header.Cookie=imt_session%3D0123456789abcdef")
        #expect(refused.status == 400)
        #expect(JSONAPIError.errors(in: refused.document)?.first?.source == .parameter("header.Cookie"))
        let answer = admin.handle(MockRequest(method: "GET", target: "/__admin/requests?method=POST"))
        let text = String(decoding: answer.body, as: UTF8.self)
        #expect(!text.contains("0123456789abcdef"))
        #expect(!text.contains("\"pw\""))
    }

    @Test func `an unknown, repeated, empty or out-of-range parameter is a 400 naming it`() throws {
        let cases: [(String, String)] = [
            ("?verb=GET", "verb"), ("?method=GET&method=POST", "method"), ("?path=", "path"), ("?limit=0", "limit"),
            ("?limit=1001", "limit"), ("?limit=x", "limit"), ("?body.data..id=1", "body.data..id"), ("?header.=x", "header."),
        ]
        for (query, parameter) in cases {
            let (status, _, _, document) = try ask(query)
            #expect(status == 400, "\(query)")
            #expect(JSONAPIError.errors(in: document)?.first?.source == .parameter(parameter), "\(query)")
        }
    }

    @Test func `the mock IC answers it too, reading SOAP bodies by element local name and forms by field`() throws {
        let ic = ICMock(state: ICState())
        let envelope = """
            <?xml version="1.0" encoding="utf-8"?>
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
            <UploadInvoice xmlns="http://invoicecloud.com/"><Req><BillerGUID>g</BillerGUID><WebServiceKey>k-1</WebServiceKey>
            <FileName>a.bif</FileName></Req></UploadInvoice></soap:Body></soap:Envelope>
            """
        ic.journal.record(
            MockRequest(
                method: "POST", target: ICMock.cloudInvoicingPath, headers: [("Content-Type", "text/xml; charset=utf-8")],
                body: Array(envelope.utf8)), MockResponse(status: 200), partner: "ic")
        ic.journal.record(
            MockRequest(
                method: "POST", target: "/api/378/transaction/process/InvoiceCloud",
                headers: [("Content-Type", "application/x-www-form-urlencoded")],
                body: Array("PaymentDate=11%2F18%2F2024+12%3A05%3A28&PaymentAmount=12.00".utf8)), MockResponse(status: 200),
            partner: "ic")
        let admin = ic.adminAPI(
            decodeState: { _, _ in ICState() }, decodeFault: { _, _ in throw JSONAPIError(status: 400, code: "x", title: "x") })
        func count(_ query: String) throws -> String? {
            let answer = admin.handle(MockRequest(method: "GET", target: "/__admin/requests" + query))
            #expect(answer.status == 200)
            return try JSONParser.parse(answer.body)["meta"]?["count"].flatMap {
                if case .number(let text) = $0 { return text }
                return nil
            }
        }
        #expect(try count("?path=/CloudInvoicing.asmx&body.Envelope.Body.UploadInvoice.Req.FileName=a.bif") == "1")
        #expect(try count("?body.Envelope.Body.UploadInvoice.Req.FileName=b.bif") == "0")
        #expect(try count("?body.Envelope.Body.UploadInvoice.Req.WebServiceKey=k-1") == "0")
        #expect(try count("?body.Envelope.Body.UploadInvoice.Req.WebServiceKey=%3Credacted%3E") == "1")
        #expect(try count("?body.PaymentDate=11/18/2024%2012:05:28&body.PaymentAmount=12") == "1")
    }
}
