import Foundation
import Partners
import Testing
import Wire

/// The mock IC's UploadInvoice over SOAP 1.1 and 1.2, in process.
@Suite struct ICMockTests {
    static let guid = "6f1c2e0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b"
    static let key = "0b9d5c3e-7a2f-4e1d-9c8b-6a5f4e3d2c1b"
    let mock = ICMock(state: ICState(billers: [.init(guid: Self.guid, webServiceKey: Self.key, profile: .imtMipsApps)]))

    static func upload(account: String, date: String = "11/18/2024") -> [UInt8] {
        let iso = "2024-11-18"
        return Array(
            """
            FH|\(guid)||\(date)|1|1675.00
            IH|R|a1b2c3d4-5e6f-4a0b-8c1d-2e3f4a5b6c7d|\(account)-\(iso)|\(date)|12/18/2024|1675.00|1|252|1675.00|0|0|0||||||||||||
            CR|\(account)|SMITH JESSICA
            ID|1675.00|Insurance

            """.utf8)
    }

    func send(_ body: [UInt8], version: SOAPVersion = .v11, contentType: String? = nil, action: String? = nil) -> MockResponse {
        var headers = [(name: "Content-Type", value: contentType ?? version.contentType)]
        if let action { headers.append((name: "SOAPAction", value: action)) }
        return mock.handle(MockRequest(method: "POST", target: ICMock.cloudInvoicingPath, headers: headers, body: body))
    }

    func result(
        _ response: MockResponse, _ version: SOAPVersion = .v11
    ) throws -> (success: String?, error: String?, findings: [String]) {
        let document = try XMLDocument(parsing: response.body)
        let ns = ["s": version.namespace, "ic": CloudInvoicingMessage.namespace]
        let base = "/s:Envelope/s:Body/ic:UploadInvoiceResponse/ic:UploadInvoiceResult/ic:"
        return (
            try document.text(base + "Success", namespaces: ns), try document.text(base + "ErrorMessage", namespaces: ns),
            try document.select(base + "Findings/ic:Finding/ic:RuleID", namespaces: ns).map(\.text)
        )
    }

    @Test(arguments: SOAPVersion.allCases)
    func `a valid single-invoice upload is accepted and held`(version: SOAPVersion) throws {
        let request = UploadInvoiceRequest(
            billerGUID: Self.guid, webServiceKey: Self.key, fileName: "a.bif", file: Self.upload(account: "20240903"))
        let response = send(
            request.envelope(version), version: version,
            action: version == .v11 ? "\"\(CloudInvoicingMessage.namespace)UploadInvoice\"" : nil)
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == version.contentType)
        #expect(try result(response, version).success == "true")
        #expect(mock.accepted.map(\.name) == ["a.bif"])
        #expect(mock.accepted.first?.file.bytes == Self.upload(account: "20240903"))
    }

    @Test func `held uploads consolidate into one import file with a recomputed header`() throws {
        for account in ["20240903", "20240904"] {
            let request = UploadInvoiceRequest(
                billerGUID: Self.guid, webServiceKey: Self.key, fileName: "\(account).bif", file: Self.upload(account: account))
            _ = send(request.envelope(.v11))
        }
        let file = try mock.importFile(date: BIFDate(year: 2024, month: 11, day: 18)!)
        #expect(file.records.first?.fields[4] == "2")
        #expect(file.records.first?.fields[5] == "3350.00")
    }

    @Test func `a wrong key is Success false; a file breaking the rules lists its findings and stores nothing`() throws {
        let wrongKey = UploadInvoiceRequest(
            billerGUID: Self.guid, webServiceKey: "nope", fileName: "a.bif", file: Self.upload(account: "1"))
        let refused = try result(send(wrongKey.envelope(.v11)))
        #expect(refused.success == "false")
        #expect(refused.error == "invalid BillerGUID or WebServiceKey")
        var broken = Self.upload(account: "20240903")
        broken.replaceSubrange(broken.firstRange(of: Array("|1|1675.00\n".utf8))!, with: Array("|2|1675.00\n".utf8))
        let invalid = UploadInvoiceRequest(billerGUID: Self.guid, webServiceKey: Self.key, fileName: "b.bif", file: broken)
        let findings = try result(send(invalid.envelope(.v11)))
        #expect(findings.success == "false")
        #expect(findings.findings.isEmpty == false)
        #expect(mock.accepted.isEmpty)
    }

    @Test func `XXE, a version mismatch and an unknown operation are SOAP Faults with status 500; nothing is stored`() throws {
        let xxe = Array(
            "<!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><e:Envelope xmlns:e=\"\(SOAPVersion.v11.namespace)\"><e:Body>&x;</e:Body></e:Envelope>"
                .utf8)
        let faulted = send(xxe)
        #expect(faulted.status == 500)
        let document = try XMLDocument(parsing: faulted.body)
        #expect(try document.text("//faultstring")?.contains("DOCTYPE") == true)
        let v12 = UploadInvoiceRequest(
            billerGUID: Self.guid, webServiceKey: Self.key, fileName: "a.bif", file: Self.upload(account: "1"))
        let mismatch = send(v12.envelope(.v12), contentType: "text/xml; charset=utf-8")
        #expect(try XMLDocument(parsing: mismatch.body).text("//faultcode") == "soap:VersionMismatch")
        let unknown = SOAPEnvelope.wrap("<Nothing xmlns=\"\(CloudInvoicingMessage.namespace)\"/>", version: .v11)
        #expect(try XMLDocument(parsing: send(unknown).body).text("//faultstring")?.contains("did not recognize") == true)
        #expect(mock.accepted.isEmpty)
        #expect(mock.journal.count == 3)
    }

    @Test func `a request the published XSD refuses is a Sender fault naming the schema, and nothing is stored`() throws {
        let request = UploadInvoiceRequest(
            billerGUID: Self.guid, webServiceKey: Self.key, fileName: "a.bif", file: Self.upload(account: "1"))
        let text = String(decoding: request.envelope(.v11), as: UTF8.self)
        let swapped = text.replacingOccurrences(of: "<FileName>a.bif</FileName>", with: "")
            .replacingOccurrences(of: "</FileContent>", with: "</FileContent><FileName>a.bif</FileName>")
        let response = send(Array(swapped.utf8))
        #expect(response.status == 500)
        let reason = try XMLDocument(parsing: response.body).text("//faultstring")
        #expect(reason?.contains("schema") == true)
        #expect(reason?.contains("FileName") == true)
        #expect(mock.accepted.isEmpty)
    }
}
