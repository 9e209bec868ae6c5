import Foundation
import Harness
import Partners
import Testing
import Wire

/// The admin API of `bifrost serve ic`, in process.
@Suite struct ICStandaloneTests {
    static let guid = "6f1c2e0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b"
    let standalone = ICStandalone(
        state: ICState(billers: [.init(guid: Self.guid, webServiceKey: "key-1234", profile: .imtMipsApps)]), log: { _ in })

    func get(_ target: String) -> MockResponse { standalone.handle(MockRequest(method: "GET", target: target)) }

    @Test func `the import file is refused before any upload, built after one, and gone after a reset`() throws {
        #expect(get("/__admin/import?date=11/18/2024").status == 409)
        let bif = """
            FH|\(Self.guid)||11/18/2024|1|1675.00
            IH|R|a1b2c3d4-5e6f-4a0b-8c1d-2e3f4a5b6c7d|20240903-2024-11-18|11/18/2024|12/18/2024|1675.00|1|252|1675.00|0|0|0||||||||||||
            CR|20240903|SMITH JESSICA
            ID|1675.00|Insurance

            """
        let upload = UploadInvoiceRequest(
            billerGUID: Self.guid, webServiceKey: "key-1234", fileName: "a.bif", file: Array(bif.utf8))
        let answer = standalone.handle(
            MockRequest(
                method: "POST", target: ICMock.cloudInvoicingPath, headers: [("Content-Type", SOAPVersion.v11.contentType)],
                body: upload.envelope(.v11)))
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
}
