public import Transport
public import Wire

/// IMT's invoice upload to IC's `UploadInvoice` (seeds 000 and 004, "Invoice Data").
///
/// - MIPS/APPS: one BIF per invoice, each sent at once: a file of several invoices is
///   split, each invoice under its own file header (count 1, its own total).
/// - Spectrum: the hourly file with every record, sent whole.
///
/// Each file is one SOAP request; the result of each is kept. A fault, an HTTP error
/// or `Success` false is a failed upload, never retried.
public struct InvoiceUpload: Sendable {
    /// The CloudInvoicing endpoint, e.g. `https://www.invoicecloud.com/portal/webservices/CloudInvoicing.asmx`.
    public var serviceURL: String
    public var billerGUID: String
    public var webServiceKey: String
    public var version: SOAPVersion
    public var client: HTTPClient
    /// `UploadInvoice` (IMT's choice, seed 000) or `UploadInvoiceFile`.
    public var operation: UploadInvoiceRequest.Operation

    public init(
        serviceURL: String, billerGUID: String, webServiceKey: String, version: SOAPVersion, client: HTTPClient,
        operation: UploadInvoiceRequest.Operation = .uploadInvoice
    ) {
        self.operation = operation
        self.serviceURL = serviceURL
        self.billerGUID = billerGUID
        self.webServiceKey = webServiceKey
        self.version = version
        self.client = client
    }

    /// How one file fared.
    public struct Upload: Sendable, Hashable {
        public var fileName: String
        public var outcome: Outcome
    }

    public enum Outcome: Sendable, Hashable {
        case accepted(invoices: Int)
        /// `Success` false, with IC's message and the rule ids of its findings.
        case refused(message: String, rules: [String])
        /// A SOAP Fault, an HTTP error or no answer.
        case failed(String)
    }

    /// Uploads `file` as the profile sends it; `name` names the file (MIPS/APPS files are named by invoice number).
    public func upload(_ file: BIFFile, name: String, profile: BIFProfile) async -> [Upload] {
        var uploads: [Upload] = []
        for (fileName, bytes) in Self.files(of: file, name: name, profile: profile) {
            uploads.append(Upload(fileName: fileName, outcome: await send(bytes, fileName: fileName)))
        }
        return uploads
    }

    /// The files a profile sends for `file`: one per invoice for MIPS/APPS, the file itself otherwise.
    static func files(of file: BIFFile, name: String, profile: BIFProfile) -> [(String, [UInt8])] {
        let layout = BIFLayout.standard
        let headerCode = layout.row(.fileHeader).code
        let invoiceCode = layout.row(.invoiceHeader).code
        guard profile == .imtMipsApps, let header = file.records.first, header.code == headerCode else {
            return [(name, file.bytes)]
        }
        var groups: [[BIFRecord]] = []
        for record in file.records.dropFirst() where record.fields != [""] {
            if record.code == invoiceCode || groups.isEmpty { groups.append([]) }
            groups[groups.count - 1].append(record)
        }
        guard groups.count > 1 else { return [(name, file.bytes)] }
        let date =
            BIFDate(header.value("FileCreationDate", in: layout.row(.fileHeader))) ?? BIFDate(year: 2000, month: 1, day: 1)!
        return groups.map { group in
            let number = group.first?.value("InvoiceNumber", in: layout.row(.invoiceHeader)) ?? name
            let single =
                (try? BIFConsolidator(fileDate: date).merge([(name, BIFFile(records: [header] + group))]).file)
                ?? BIFFile(records: [header] + group)
            return ("\(number).bif", single.bytes)
        }
    }

    func send(_ bytes: [UInt8], fileName: String) async -> Outcome {
        let request = UploadInvoiceRequest(
            billerGUID: billerGUID, webServiceKey: webServiceKey, fileName: fileName, file: bytes, operation: operation)
        let caller = SOAPCaller(serviceURL: serviceURL, version: version, client: client)
        let response: (status: Int, document: XMLDocument)
        switch await caller.call(request.envelope(version), action: operation.action) {
        case .success(let answer): response = answer
        case .failure(let failure): return .failed(failure.message)
        }
        let document = response.document
        let ns = ["s": version.namespace, "ic": CloudInvoicingMessage.namespace]
        let base = "/s:Envelope/s:Body/ic:\(operation.rawValue)Response/ic:\(operation.rawValue)Result/ic:"
        guard response.status == 200, let success = try? document.text(base + "Success", namespaces: ns) else {
            return .failed("HTTP \(response.status) without an \(operation.rawValue)Result")
        }
        guard success == "true" else {
            let message = (try? document.text(base + "ErrorMessage", namespaces: ns)) ?? nil
            let rules = (try? document.select(base + "Findings/ic:Finding/ic:RuleID", namespaces: ns).map(\.text)) ?? []
            return .refused(message: message ?? "", rules: rules)
        }
        let count = (try? document.text(base + "InvoicesAccepted", namespaces: ns)).flatMap { $0.flatMap { Int($0) } } ?? 0
        return .accepted(invoices: count)
    }
}
