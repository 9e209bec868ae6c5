import Foundation
import Testing
import Wire

/// Reading SOAP 1.1 and 1.2 requests and writing faults, as IC's ASMX services do.
@Suite struct SOAPTests {
    static let service = "https://www.invoicecloud.com/portal/webservices/CloudInvoicing/"

    static func request(
        _ version: SOAPVersion, body: String = "<UploadInvoice xmlns=\"\(service)\"><Req/></UploadInvoice>"
    )
        -> [UInt8]
    {
        Array("<e:Envelope xmlns:e=\"\(version.namespace)\"><e:Body>\(body)</e:Body></e:Envelope>".utf8)
    }

    func fault(_ body: [UInt8], contentType: String?, action: String? = nil) -> SOAPFault? {
        do {
            _ = try SOAPEnvelope(body: body, contentType: contentType, soapAction: action)
            return nil
        } catch {
            return error
        }
    }

    @Test func `both versions are read, with the operation and an action that names it`() throws {
        let v11 = try SOAPEnvelope(
            body: Self.request(.v11), contentType: "text/xml; charset=utf-8", soapAction: "\"\(Self.service)UploadInvoice\"")
        #expect(v11.version == .v11)
        #expect(v11.operation == "UploadInvoice")
        #expect(v11.operationNamespace == Self.service)
        let v12 = try SOAPEnvelope(
            body: Self.request(.v12), contentType: "application/soap+xml; charset=utf-8; action=\"\(Self.service)UploadInvoice\"",
            soapAction: nil)
        #expect(v12.version == .v12)
    }

    @Test
    func
        `a 1.2 envelope sent as 1.1 is VersionMismatch; another media type, an unknown action or two operations are Sender faults`()
    {
        #expect(fault(Self.request(.v12), contentType: "text/xml")?.code == .versionMismatch)
        #expect(fault(Self.request(.v11), contentType: "application/json")?.code == .sender)
        #expect(fault(Self.request(.v11), contentType: "text/xml", action: "\(Self.service)Nothing")?.code == .sender)
        let two = Self.request(.v11, body: "<a xmlns=\"urn:x\"/><b xmlns=\"urn:x\"/>")
        #expect(fault(two, contentType: "text/xml")?.reason.contains("exactly one element") == true)
    }

    @Test func `an XXE or billion-laughs request is a Sender fault naming the DOCTYPE`() {
        let xxe = Array(
            "<!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><e:Envelope xmlns:e=\"\(SOAPVersion.v11.namespace)\"><e:Body>&x;</e:Body></e:Envelope>"
                .utf8)
        let found = fault(xxe, contentType: "text/xml")
        #expect(found?.code == .sender)
        #expect(found?.reason.contains("DOCTYPE") == true)
        #expect(found?.reason.contains("root:") == false)
    }

    @Test func `a fault is written in the shape of each version, its reason escaped`() throws {
        let fault = SOAPFault(.sender, "BillerGUID <missing> & key")
        let v11 = try XMLDocument(parsing: fault.envelope(.v11))
        let ns11 = ["s": SOAPVersion.v11.namespace]
        #expect(try v11.text("/s:Envelope/s:Body/s:Fault/faultcode", namespaces: ns11) == "soap:Client")
        #expect(try v11.text("//faultstring") == "BillerGUID <missing> & key")
        let v12 = try XMLDocument(parsing: fault.envelope(.v12))
        let ns12 = ["s": SOAPVersion.v12.namespace]
        #expect(try v12.text("//s:Fault/s:Code/s:Value", namespaces: ns12) == "soap:Sender")
        #expect(try v12.text("//s:Reason/s:Text", namespaces: ns12) == "BillerGUID <missing> & key")
    }

    @Test func `secret elements of XML text are redacted, with any prefix; other text stays`() {
        let xml =
            #"<a:Req xmlns:a="urn:x"><a:BillerGUID>g-1</a:BillerGUID><a:WebServiceKey>k-123</a:WebServiceKey><Password/></a:Req>"#
        let redacted = Redactor.redact(xml: xml)
        #expect(!redacted.contains("k-123"))
        #expect(redacted.contains("<a:WebServiceKey>&lt;redacted&gt;</a:WebServiceKey>"))
        #expect(redacted.contains("<a:BillerGUID>g-1</a:BillerGUID>"))
        #expect(redacted.contains("<Password/>"))
    }

    /// The body's content of an envelope `SOAPEnvelope.wrap` wrote.
    static func bodyContent(_ envelope: [UInt8]) -> [UInt8] {
        let text = String(decoding: envelope, as: UTF8.self)
        let start = text.range(of: "<soap:Body>")!.upperBound
        let end = text.range(of: "</soap:Body>")!.lowerBound
        return Array(text[start..<end].utf8)
    }

    @Test func `the WSDL's schema accepts the UploadInvoice request and result the code writes, and refuses a broken one`() throws
    {
        let schema = try XMLSchema(parsing: Array(CloudInvoicingWSDL.validationSchema.utf8))
        let request = UploadInvoiceRequest(billerGUID: "g", webServiceKey: "k", fileName: "a.bif", file: Array("FH|x\n".utf8))
        #expect(schema.violations(of: try XMLDocument(parsing: Self.bodyContent(request.envelope(.v11)))).isEmpty)
        let finding = BIFFinding(rule: .totalAmount, line: 1, fieldName: "TotalInvoiceAmount", message: "differs")
        let result = UploadInvoiceResult(success: false, errorMessage: "1 error", findings: [finding])
        #expect(schema.violations(of: try XMLDocument(parsing: Self.bodyContent(result.envelope(.v12)))).isEmpty)
        let broken = String(decoding: Self.bodyContent(request.envelope(.v11)), as: UTF8.self)
            .replacingOccurrences(of: "<FileName>a.bif</FileName>", with: "")
        #expect(!schema.violations(of: try XMLDocument(parsing: Array(broken.utf8))).isEmpty)
        let wsdl = try XMLDocument(parsing: Array(CloudInvoicingWSDL.document(location: "http://h/x.asmx").utf8))
        #expect(
            try wsdl.select("//*[local-name()='address']").map { $0.attribute("location") } == [
                "http://h/x.asmx", "http://h/x.asmx",
            ])
    }
}
