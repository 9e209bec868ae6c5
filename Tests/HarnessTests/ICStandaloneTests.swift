import BifrostTesting
import Foundation
import Harness
import Partners
import Testing
import Wire

/// The admin API of `bifrost serve ic`, in process.
@Suite struct ICStandaloneTests {
    static let guid = SampleState.billerGUID
    let standalone = ICStandalone(state: SampleState.ic(), log: { _ in })

    func get(_ target: String) -> MockResponse { standalone.handle(MockRequest(method: "GET", target: target)) }

    @Test func `the import file is refused before any upload, built after one, and gone after a reset`() throws {
        #expect(get("/__admin/import?date=11/18/2024").status == 409)
        let bif = SampleBIF.singleInvoice()
        let upload = UploadInvoiceRequest(
            billerGUID: Self.guid, webServiceKey: SampleState.webServiceKey, fileName: "a.bif", file: Array(bif.utf8))
        let answer = standalone.handle(SampleRequest.cloudInvoicing(upload.envelope(.v11)))
        #expect(answer.status == 200)
        #expect(
            get("/__admin/import?date=11/19/2024").body
                == Array(bif.replacingOccurrences(of: "|11/18/2024|1|", with: "|11/19/2024|1|").utf8))
        #expect(get("/__admin/import?date=2024-11-19").status == 400)
        let state = try JSONParser.parse(get("/__admin/state").body)
        #expect(state["billers"]?.arrayValue?.first?["key"] == "<redacted>")
        #expect(state["uploads"]?.arrayValue?.first?["invoices"] == ["20240903-2024-11-18"])
        #expect(standalone.handle(MockRequest(method: "POST", target: "/__admin/reset")).status == 204)
        #expect(get("/__admin/import").status == 409)
        #expect(try JSONParser.parse(get("/__admin/journal").body) == .array([]))
    }

    @Test func `state is replaced by PUT and faults are added, listed and removed`() throws {
        let state = """
            billers: [{guid: \(Self.guid), key: key-5678, profile: imt-spectrum}]
            payments: [{id: P1, account: "20240903", invoice: I1, amount: "10.00", method: CC, date: "2024-09-03T01:00:00Z"}]
            """
        let put = standalone.handle(MockRequest(method: "PUT", target: "/__admin/state", body: Array(state.utf8)))
        #expect(put.status == 200)
        let shown = try JSONParser.parse(put.body)
        #expect(shown["billers"]?.arrayValue?.first?["profile"] == "imt-spectrum")
        #expect(shown["payments"]?.arrayValue?.first?["PaymentGUID"] == "P1")
        let bad = standalone.handle(
            MockRequest(method: "PUT", target: "/__admin/state", body: Array("billers: [{guid: g}]".utf8)))
        #expect(bad.status == 400)
        #expect(try JSONParser.parse(get("/__admin/state").body)["payments"]?.arrayValue?.count == 1)

        let fault = #"{route: "POST /CloudInvoicing.asmx/PaymentReportingSOAP", status: 503, times: 1}"#
        #expect(standalone.handle(MockRequest(method: "POST", target: "/__admin/faults", body: Array(fault.utf8))).status == 201)
        let unknown = #"{route: "POST /CloudInvoicing.asmx/NoSuchOperation", status: 503}"#
        #expect(
            standalone.handle(MockRequest(method: "POST", target: "/__admin/faults", body: Array(unknown.utf8))).status == 400)
        #expect(try JSONParser.parse(get("/__admin/faults").body).arrayValue?.count == 1)
        let report = ICReportRequest(
            report: .paymentReportingSOAP, billerGUID: Self.guid, webServiceKey: "key-5678",
            startDate: "2024-09-03T00:00:00Z", endDate: "2024-09-04T00:00:00Z")
        func send() -> Int { standalone.handle(SampleRequest.cloudInvoicing(report.envelope(.v11))).status }
        #expect(send() == 503)
        #expect(send() == 200)
        #expect(standalone.handle(MockRequest(method: "POST", target: "/__admin/faults", body: Array(fault.utf8))).status == 201)
        #expect(standalone.handle(MockRequest(method: "DELETE", target: "/__admin/faults")).status == 204)
        #expect(send() == 200)
    }
}
