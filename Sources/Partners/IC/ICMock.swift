import Synchronization
public import Wire

/// The mock IC SOAP services: the CloudInvoicing operations (uploads and reports) at
/// their ASMX path, and the service's WSDL at `?wsdl`.
///
/// A request is read as `SOAPEnvelope` does and its operation checked against the
/// XSD the WSDL publishes; a protocol problem (media type, malformed or unsafe XML,
/// version mismatch, unknown operation or action, a message the XSD refuses) is a
/// SOAP Fault with HTTP 500, in the request's version (1.1 when it names none).
/// Application problems follow the ASMX convention instead: `Success` false and
/// an `ErrorMessage` — a wrong BillerGUID or WebServiceKey, or a file that breaks
/// the biller's BIF rules (its findings listed, nothing stored). DataSet answers
/// have no `Success`, so a wrong key there is a `Sender` fault.
///
/// Its routes are one table, `ICMock.routes` (`ICMock+Routes.swift`), one row per WSDL operation:
/// dispatch, 405 and `Allow`, the fault routes a state may name and near-miss hints read it.
/// Faults are set per operation, by route `POST /CloudInvoicing.asmx/<Operation>`
/// (the path ASMX gives each operation); a `status` fault answers a SOAP Fault
/// with that HTTP status, before anything is stored.
public final class ICMock: Sendable {
    /// The CloudInvoicing endpoint's path.
    public static let cloudInvoicingPath = "/portal/webservices/CloudInvoicing.asmx"
    /// Where fault routes are relative to.
    static let servicesPath = "/portal/webservices"
    public static let maximumBodySize = 10 << 20

    public let journal: Journal
    public let faults: FaultBook
    let store: Mutex<Store>
    /// The REST services' state: SSO Connect and Cloud Payments V2 (`REST/`).
    let portal: Mutex<ICPortal>

    /// The mutable part: the state plus the files taken.
    struct Store {
        /// The state last loaded, which `reset()` returns to.
        var loaded: ICState
        var state: ICState
        /// Uploads held for consolidation, in order.
        var held: [(name: String, file: BIFFile)] = []
        /// Files `UploadInvoiceFile` imported as they are, in order.
        var imported: [(name: String, file: BIFFile)] = []
        /// The invoices as the accepted uploads left them.
        var invoices = ICInvoiceBook()

        init(_ state: ICState) {
            loaded = state
            self.state = state
        }
    }

    /// How long one request may take; past it a server answers 503 with a SOAP Fault (see `MockEndpoint`).
    public let deadline: Duration
    let faultInjection: FaultInjection

    /// Where payment page and payment ids come from (tokens are always random).
    let ids: MockIDs
    /// The REST services' "now": tokens expire on it, payments are dated with it. It is the server's, not
    /// the state's: loading a state or a reset leaves it where it is.
    public let clock: MockClock

    /// A mock serving `state`. `ids`: `.random` for a stand-in anyone on the host can reach,
    /// `.derived` for a scenario run, whose golden files show the ids. `clock`: nil for one stopped at
    /// the state's clock (a scenario's), a running one for a stand-in.
    public init(
        state: ICState, journal: Journal = Journal(), deadline: Duration = MockEndpoint.defaultDeadline, ids: MockIDs = .random,
        clock: MockClock? = nil
    ) {
        self.clock = clock ?? .stopped(at: state.portal.clock)
        self.journal = journal
        self.deadline = deadline
        self.ids = ids
        self.faults = FaultBook(state.faults)
        self.store = Mutex(Store(state))
        self.portal = Mutex(ICPortal(state.portal, ids: ids))
        // SOAP faults are matched in dispatch, once the envelope names its operation.
        self.faultInjection = FaultInjection(faults, route: { _ in nil }, injected: Self.injected)
    }

    /// The mock as a caller uses it: `mock.handle(request)` answers and journals one request;
    /// `MockServer` serves it, answering a 503 SOAP Fault past `deadline`.
    public var handle: MockEndpoint {
        MockEndpoint(
            core: { [self] request in answer(request) }, deadline: deadline, timedOut: MockEndpoint.timedOutSOAP,
            oversized: Self.oversized, observers: [JournalObserver(journal, partner: "ic")]
        )
        // A Cloud Payments V2 payment posts back to the partner's listener and waits for it.
        .waiting { $0.method == "POST" && $0.path.contains("/cloudpayments/") && $0.path.hasSuffix("/pay") }
    }

    /// The files held for consolidation so far, with their names.
    public var accepted: [(name: String, file: BIFFile)] { store.withLock { $0.held } }
    /// The files imported whole by `UploadInvoiceFile`, with their names.
    public var imported: [(name: String, file: BIFFile)] { store.withLock { $0.imported } }
    /// The invoices IC holds, as the accepted uploads left them.
    public var invoices: ICInvoiceBook { store.withLock { $0.invoices } }

    /// Replaces the state and its faults, forgetting the files taken.
    public func load(_ state: ICState) {
        store.withLock { $0 = Store(state) }
        portal.withLock { $0 = ICPortal(state.portal, ids: ids) }
        faults.replace(state.faults, sessionLimit: nil)
    }

    /// Returns to the state last loaded and empties the journal.
    public func reset() {
        load(store.withLock { $0.loaded })
        journal.reset()
    }

    /// The import file IC builds from the held uploads, dated `date`.
    public func importFile(date: BIFDate) throws(BIFMergeError) -> BIFFile {
        try BIFConsolidator(fileDate: date).merge(accepted).file
    }

    /// Checks the operation against the XSD, then answers with `body` in the request's envelope version;
    /// an envelope whose BillerGUID and WebServiceKey name no biller is journaled with the closest biller.
    /// `body` may add warnings (`MockRefusal` rules without a source) for the journal.
    func perform(
        _ match: RouteMatch<SOAPEnvelope?>, _ body: (SOAPEnvelope, inout [String]) throws(SOAPFault) -> [UInt8]
    ) -> MockResponse {
        guard let envelope = match.payload else {
            return Self.fault(SOAPFault(.receiver, "the operation was dispatched without its envelope"), .v11)
        }
        do throws(SOAPFault) {
            try Self.checkSchema(envelope)
        } catch {
            return Self.fault(error, envelope.version)
        }
        do throws(SOAPFault) {
            var warnings: [String] = []
            let answer = try body(envelope, &warnings)
            var response = MockResponse(status: 200, headers: [("Content-Type", envelope.version.contentType)], body: answer)
            response.warnings = warnings
            return response.missing(billerMiss(envelope))
        } catch {
            return Self.fault(error, envelope.version).missing(billerMiss(envelope))
        }
    }

    /// The messages' XSD, as the WSDL publishes it.
    static let schema = Result { () throws(XMLError) in
        try XMLSchema(parsing: Array(CloudInvoicingWSDL.validationSchema.utf8))
    }

    /// A `Sender` fault for an operation element that breaks the published XSD.
    public static func checkSchema(_ envelope: SOAPEnvelope) throws(SOAPFault) {
        let found: [XMLSchema.Violation]
        do {
            found = try schema.get().violations(
                of: envelope.document, element: "/s:Envelope/s:Body/*", namespaces: ["s": envelope.version.namespace])
        } catch {
            throw SOAPFault(.receiver, "the service's schema cannot be applied: \(error)")
        }
        if let first = found.first { throw SOAPFault(.sender, "the request breaks the service's schema: \(first)") }
    }

    /// The biller with these credentials, if any.
    public func biller(guid: String, key: String) -> ICState.Biller? {
        store.withLock { store in
            store.state.billers.first { $0.guid.lowercased() == guid.lowercased() && $0.webServiceKey == key }
        }
    }

    /// The answer to the body's report request; a window that ends before it starts answers nothing, with a warning.
    func report(_ request: ICReportRequest, warnings: inout [String]) throws(SOAPFault) -> ICReportAnswer {
        let report = request.report
        guard biller(guid: request.billerGUID, key: request.webServiceKey) != nil else {
            let message = "invalid BillerGUID or WebServiceKey"
            if report.isDataSet { throw SOAPFault(.sender, message) }
            return ICReportAnswer(
                report: report, success: false, errorMessage: message,
                tables: report.kind.recordTypes.map { ICReportTable(of: $0) })
        }
        let state = store.withLock { $0.state }
        guard let window = try request.window(billerZone: state.timeZone) else {
            warnings.append(
                "reversed-window: EndDate \(request.endDate) is before StartDate \(request.startDate); answered as an empty window"
            )
            return ICReportAnswer(report: report, tables: report.kind.recordTypes.map { ICReportTable(of: $0) })
        }
        return ICReportAnswer(report: report, tables: state.tables(for: report, in: window))
    }

    /// Authenticates, validates with the biller's profile, and takes the file when it has no error
    /// and changes no held invoice's account; its records update the invoices IC holds:
    /// held for consolidation (`UploadInvoice`, or a single-invoice `UploadInvoiceFile` under
    /// setting 105), or imported as it is (`UploadInvoiceFile`).
    func upload(_ request: UploadInvoiceRequest) -> UploadInvoiceResult {
        let operation = request.operation
        guard let biller = biller(guid: request.billerGUID, key: request.webServiceKey) else {
            return UploadInvoiceResult(
                success: false, errorMessage: "invalid BillerGUID or WebServiceKey", operation: operation)
        }
        let findings = BIFValidator(profile: biller.profile, options: biller.options).findings(in: request.file).filter {
            $0.severity == .error
        }
        guard findings.isEmpty else {
            return UploadInvoiceResult(
                success: false, errorMessage: "\(request.fileName): \(findings.count) error(s); nothing was stored",
                findings: findings, operation: operation)
        }
        let file: BIFFile
        do {
            file = try BIFFile.read(request.file)
        } catch {
            return UploadInvoiceResult(success: false, errorMessage: "\(request.fileName): \(error)", operation: operation)
        }
        let invoiceCode = BIFLayout.standard.row(.invoiceHeader).code
        let invoices = file.records.count { $0.code == invoiceCode }
        let held = operation == .uploadInvoice || (biller.batchSingleInvoiceImports && invoices == 1)
        let refused: [BIFFinding]? = store.withLock { store in
            switch store.invoices.applying(file, named: request.fileName, biller: biller.guid) {
            case .failure(let refused):
                return refused.findings
            case .success(let book):
                store.invoices = book
                if held { store.held.append((request.fileName, file)) } else { store.imported.append((request.fileName, file)) }
                return nil
            }
        }
        if let refused {
            return UploadInvoiceResult(
                success: false, errorMessage: "\(request.fileName): \(refused.count) error(s); nothing was stored",
                findings: refused, operation: operation)
        }
        return UploadInvoiceResult(success: true, invoicesAccepted: invoices, operation: operation)
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
