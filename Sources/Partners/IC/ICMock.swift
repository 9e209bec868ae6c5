import Synchronization
public import Wire

/// The mock IC SOAP services: for now `UploadInvoice` of CloudInvoicing, at its ASMX path,
/// and the service's WSDL at `?wsdl`.
///
/// A request is read as `SOAPEnvelope` does and its operation checked against the
/// XSD the WSDL publishes; a protocol problem (media type, malformed or unsafe XML,
/// version mismatch, unknown operation or action, a message the XSD refuses) is a
/// SOAP Fault with HTTP 500, in the request's version (1.1 when it names none).
/// Application problems follow the ASMX convention instead: `Success` false and
/// an `ErrorMessage` — a wrong BillerGUID or WebServiceKey, or a file that breaks
/// the biller's BIF rules (its findings listed, nothing stored).
///
/// Accepted uploads are held, one per request, as IC holds MIPS/APPS single-invoice
/// uploads until it consolidates them into one import file (`importFile(date:)`).
public final class ICMock: Sendable {
    /// The CloudInvoicing endpoint's path.
    public static let cloudInvoicingPath = "/portal/webservices/CloudInvoicing.asmx"
    public static let maximumBodySize = 10 << 20

    public let journal: Journal
    let billers: [ICState.Biller]
    /// The files accepted, in order, by name.
    let uploads = Mutex<[(name: String, file: BIFFile)]>([])

    public init(state: ICState, journal: Journal = Journal()) {
        self.billers = state.billers
        self.journal = journal
    }

    /// Answers one request and journals the exchange.
    public func handle(_ request: MockRequest) -> MockResponse {
        let response = answer(request)
        journal.record(request, response, partner: "ic")
        return response
    }

    /// The files accepted so far, with their names.
    public var accepted: [(name: String, file: BIFFile)] { uploads.withLock { $0 } }

    /// Forgets the held uploads and empties the journal.
    public func reset() {
        uploads.withLock { $0.removeAll() }
        journal.reset()
    }

    /// The billers (keys redacted) and the held uploads with their invoices, as the admin API shows them.
    public var stateJSON: JSONValue {
        let invoiceRow = BIFLayout.standard.row(.invoiceHeader)
        return .object([
            "billers": .array(
                billers.map {
                    .object(["guid": .string($0.guid), "key": .string(Redactor.mark), "profile": .string($0.profile.rawValue)])
                }
            ),
            "uploads": .array(
                accepted.map { upload in
                    .object([
                        "file": .string(upload.name),
                        "invoices": .array(
                            upload.file.records.filter { $0.code == invoiceRow.code }.map {
                                .string($0.value("InvoiceNumber", in: invoiceRow))
                            }),
                    ])
                }),
        ])
    }

    /// The import file IC builds from the held uploads, dated `date`.
    public func importFile(date: BIFDate) throws(BIFMergeError) -> BIFFile {
        try BIFConsolidator(fileDate: date).merge(accepted).file
    }

    func answer(_ request: MockRequest) -> MockResponse {
        let version = SOAPVersion.named(byContentType: request.header("Content-Type")) ?? .v11
        guard request.path == Self.cloudInvoicingPath else {
            return Self.fault(
                SOAPFault(.sender, "no service at \(request.path); CloudInvoicing is at \(Self.cloudInvoicingPath)"), version,
                status: 404)
        }
        if request.method == "GET", request.query.contains(where: { $0.name.lowercased() == "wsdl" }) {
            let host = request.header("Host") ?? "localhost"
            let wsdl = CloudInvoicingWSDL.document(location: "http://\(host)\(Self.cloudInvoicingPath)")
            return MockResponse(status: 200, headers: [("Content-Type", "text/xml; charset=utf-8")], body: Array(wsdl.utf8))
        }
        guard request.method == "POST" else {
            return Self.fault(
                SOAPFault(.sender, "\(request.method) is not allowed; SOAP requests are POSTed"), version, status: 405)
        }
        do throws(SOAPFault) {
            let envelope = try SOAPEnvelope(
                body: request.body, contentType: request.header("Content-Type"), soapAction: request.header("SOAPAction"))
            guard envelope.operationNamespace == UploadInvoiceRequest.namespace,
                envelope.operation == UploadInvoiceRequest.operation
            else {
                throw SOAPFault(
                    .sender,
                    "Server did not recognize the operation \(envelope.operation) in namespace \(envelope.operationNamespace ?? "none")"
                )
            }
            try Self.checkSchema(envelope)
            let result = upload(try UploadInvoiceRequest(envelope: envelope))
            return MockResponse(
                status: 200, headers: [("Content-Type", envelope.version.contentType)], body: result.envelope(envelope.version))
        } catch {
            return Self.fault(error, version)
        }
    }

    /// The messages' XSD, as the WSDL publishes it.
    static let schema = Result { () throws(XMLError) in try XMLSchema(parsing: Array(CloudInvoicingWSDL.schema.utf8)) }

    /// A `Sender` fault for an operation element that breaks the published XSD.
    static func checkSchema(_ envelope: SOAPEnvelope) throws(SOAPFault) {
        let found: [XMLSchema.Violation]
        do {
            found = try schema.get().violations(
                of: envelope.document, element: "/s:Envelope/s:Body/*", namespaces: ["s": envelope.version.namespace])
        } catch {
            throw SOAPFault(.receiver, "the service's schema cannot be applied: \(error)")
        }
        if let first = found.first { throw SOAPFault(.sender, "the request breaks the service's schema: \(first)") }
    }

    /// Authenticates, validates with the biller's profile, and holds the file when it has no error.
    func upload(_ request: UploadInvoiceRequest) -> UploadInvoiceResult {
        guard let biller = billers.first(where: { $0.guid.lowercased() == request.billerGUID.lowercased() }),
            biller.webServiceKey == request.webServiceKey
        else {
            return UploadInvoiceResult(success: false, errorMessage: "invalid BillerGUID or WebServiceKey")
        }
        let findings = BIFValidator(profile: biller.profile).findings(in: request.file).filter { $0.severity == .error }
        guard findings.isEmpty else {
            return UploadInvoiceResult(
                success: false, errorMessage: "\(request.fileName): \(findings.count) error(s); nothing was stored",
                findings: findings)
        }
        let file: BIFFile
        do {
            file = try BIFFile.read(request.file)
        } catch {
            return UploadInvoiceResult(success: false, errorMessage: "\(request.fileName): \(error)")
        }
        let invoiceCode = BIFLayout.standard.row(.invoiceHeader).code
        uploads.withLock { $0.append((request.fileName, file)) }
        return UploadInvoiceResult(success: true, invoicesAccepted: file.records.count { $0.code == invoiceCode })
    }

    /// The answer to a body over the limit: a SOAP Fault in the request's version, read before any XML is parsed.
    public static let oversized: @Sendable (MockRequest, Int) -> MockResponse = { request, limit in
        let version = SOAPVersion.named(byContentType: request.header("Content-Type")) ?? .v11
        return fault(SOAPFault(.sender, "the request is over \(limit) bytes"), version)
    }

    static func fault(_ fault: SOAPFault, _ version: SOAPVersion, status: Int = SOAPFault.httpStatus) -> MockResponse {
        MockResponse(status: status, headers: [("Content-Type", version.contentType)], body: fault.envelope(version))
    }
}
