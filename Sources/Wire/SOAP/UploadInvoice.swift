import Foundation

/// A request of IC's upload operations of the CloudInvoicing service, `UploadInvoice` and `UploadInvoiceFile`: a biller's BIF.
///
/// No public example shows its message, so the shape follows the CloudInvoicing
/// conventions (arguments wrapped in `Req`, credentials in the body, an
/// `UploadInvoiceResult` with `Success` and `ErrorMessage`) and is Bifrost's decision:
///
/// ```xml
/// <UploadInvoice xmlns="https://www.invoicecloud.com/portal/webservices/CloudInvoicing/">
///   <Req><BillerGUID>…</BillerGUID><WebServiceKey>…</WebServiceKey>
///        <FileName>20240903-2024-09-01.bif</FileName><FileContent>base64 of the BIF</FileContent></Req>
/// </UploadInvoice>
/// ```
///
/// The file travels as base64 (`xs:base64Binary`, a .NET `byte[]`) because XML would
/// normalize its CR LF line ends and a BIF must arrive byte for byte.
public struct UploadInvoiceRequest: Sendable, Hashable {
    /// The two upload operations, which take the same `Req`: `UploadInvoice` (MIPS/APPS
    /// single-invoice files, held and consolidated by IC) and `UploadInvoiceFile`
    /// (a whole file, imported as it is unless advanced setting 105 routes a
    /// single-invoice file to `UploadInvoice`).
    public enum Operation: String, Sendable, CaseIterable {
        case uploadInvoice = "UploadInvoice"
        case uploadInvoiceFile = "UploadInvoiceFile"

        public var action: String { CloudInvoicingMessage.namespace + rawValue }
    }

    public var operation: Operation

    public var billerGUID: String
    public var webServiceKey: String
    public var fileName: String
    public var file: [UInt8]

    public init(
        billerGUID: String, webServiceKey: String, fileName: String, file: [UInt8], operation: Operation = .uploadInvoice
    ) {
        self.operation = operation
        self.billerGUID = billerGUID
        self.webServiceKey = webServiceKey
        self.fileName = fileName
        self.file = file
    }

    /// The request envelope.
    public func envelope(_ version: SOAPVersion) -> [UInt8] {
        CloudInvoicingMessage.request(
            operation.rawValue,
            fields: [
                ("BillerGUID", billerGUID), ("WebServiceKey", webServiceKey), ("FileName", fileName),
                ("FileContent", Data(file).base64EncodedString()),
            ], version: version)
    }

    /// Reads the request of an envelope whose operation is `UploadInvoice` or `UploadInvoiceFile`.
    /// - Throws: a `Sender` fault naming the first missing or malformed element.
    public init(envelope: SOAPEnvelope) throws(SOAPFault) {
        guard let operation = Operation(rawValue: envelope.operation) else {
            throw SOAPFault(.sender, "\(envelope.operation) is not an upload operation")
        }
        self.operation = operation
        func value(_ name: String) throws(SOAPFault) -> String {
            try CloudInvoicingMessage.field(name, of: operation.rawValue, in: envelope)
        }
        billerGUID = try value("BillerGUID")
        webServiceKey = try value("WebServiceKey")
        fileName = try value("FileName")
        let content = try value("FileContent").filter { !$0.isWhitespace }
        guard let bytes = Data(base64Encoded: content) else {
            throw SOAPFault(.sender, "\(operation.rawValue)/Req/FileContent is not base64")
        }
        file = Array(bytes)
    }
}

/// What `UploadInvoice` answers: `Success` and `ErrorMessage` as every CloudInvoicing result,
/// the number of invoices taken, and the validation findings of a refused file.
public struct UploadInvoiceResult: Sendable, Hashable {
    public var success: Bool
    public var errorMessage: String
    public var invoicesAccepted: Int
    public var findings: [BIFFinding]

    /// The operation answered.
    public var operation: UploadInvoiceRequest.Operation

    public init(
        success: Bool, errorMessage: String = "", invoicesAccepted: Int = 0, findings: [BIFFinding] = [],
        operation: UploadInvoiceRequest.Operation = .uploadInvoice
    ) {
        self.operation = operation
        self.success = success
        self.errorMessage = errorMessage
        self.invoicesAccepted = invoicesAccepted
        self.findings = findings
    }

    /// The response envelope.
    public func envelope(_ version: SOAPVersion) -> [UInt8] {
        let findingsXML = findings.map { finding in
            "<Finding><RuleID>\(finding.rule.id)</RuleID><Line>\(finding.line)</Line>"
                + (finding.fieldName.map { "<Field>\(XMLText.escaped($0))</Field>" } ?? "")
                + "<Message>\(XMLText.escaped(finding.message))</Message></Finding>"
        }.joined()
        let name = operation.rawValue
        return SOAPEnvelope.wrap(
            "<\(name)Response xmlns=\"\(CloudInvoicingMessage.namespace)\"><\(name)Result>"
                + "<Success>\(success)</Success><ErrorMessage>\(XMLText.escaped(errorMessage))</ErrorMessage>"
                + "<InvoicesAccepted>\(invoicesAccepted)</InvoicesAccepted><Findings>\(findingsXML)</Findings>"
                + "</\(name)Result></\(name)Response>",
            version: version)
    }
}
