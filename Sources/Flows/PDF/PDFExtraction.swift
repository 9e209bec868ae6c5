import Foundation
public import Wire

/// PDF extraction, linking by file name (IMT Spectrum): one PDF per invoice of a
/// BIF, named `BID_ACCOUNTNUMBER_INVOICENUMBER.pdf`, delivered to a folder or over SFTP.
///
/// Each invoice header gives one file, but a `D` (deleted) one, which has no bill;
/// its account is the customer record that follows it. An invoice is refused, and the others go on, when its header has
/// no InvoiceFormatGuid (IC links PDFs by name only for a format that says so),
/// when the biller id, account or invoice number would make an unsafe name (empty,
/// `/`, `\`, `..`, a control character; `_` in the biller id or account, which
/// would shift IC's split of the name), when two invoices would share a name,
/// or when the source gives bytes that are not a PDF.
///
/// When a delivery fails in a way every later one would repeat (a refused login,
/// a host key mismatch, no connection, a timeout, a folder that cannot be made),
/// the remaining invoices fail with the same message without being sent: one
/// failed login, not one per invoice.
///
/// ```swift
/// let extraction = PDFExtraction(billerID: "2984")
/// let deliveries = await extraction.deliver(bif, to: .folder("/tmp/pdfs"))
/// ```
public struct PDFExtraction: Sendable {
    /// The PDF of an invoice, given its account and invoice number; nil for the stand-in `MinimalPDF.bill`.
    public typealias Source = @Sendable (_ account: String, _ invoiceNumber: String) -> [UInt8]?

    /// IC's biller id (BID), the first part of every name.
    public var billerID: String
    public var layout: BIFLayout
    public var source: Source

    public init(billerID: String, layout: BIFLayout = .standard, source: @escaping Source = { _, _ in nil }) {
        (self.billerID, self.layout, self.source) = (billerID, layout, source)
    }

    /// The file name of an invoice's PDF.
    public static func fileName(billerID: String, account: String, invoiceNumber: String) -> String {
        "\(billerID)_\(account)_\(invoiceNumber).pdf"
    }

    /// Delivers the PDF of every invoice of `bif` to `destination`, in file order.
    public func deliver(_ bif: BIFFile, to destination: PDFDestination) async -> [PDFDelivery] {
        var stopped: String?
        do {
            try destination.prepare()
        } catch {
            stopped = error.message
        }
        var names: [String: Int] = [:]
        var deliveries: [PDFDelivery] = []
        for invoice in invoices(of: bif) {
            let name = Self.fileName(billerID: billerID, account: invoice.account, invoiceNumber: invoice.number)
            var delivery = PDFDelivery(
                fileName: name, account: invoice.account, invoiceNumber: invoice.number, line: invoice.line,
                outcome: .delivered)
            defer { deliveries.append(delivery) }
            if let reason = refusal(of: invoice, name: name, names: names) {
                delivery.outcome = .refused(reason)
                continue
            }
            names[name] = invoice.line
            let bytes =
                source(invoice.account, invoice.number)
                ?? MinimalPDF.bill(billerID: billerID, account: invoice.account, invoiceNumber: invoice.number)
            (delivery.byteCount, delivery.sha256) = (bytes.count, SHA256.hex(bytes))
            guard bytes.starts(with: Array("%PDF-".utf8)) else {
                delivery.outcome = .refused("the PDF source gave \(bytes.count) bytes that do not start with %PDF-")
                continue
            }
            if let stopped {
                delivery.outcome = .failed(stopped)
                continue
            }
            do {
                try await destination.deliver(bytes, name: name)
            } catch {
                delivery.outcome = .failed(error.message)
                if error.stopsDelivery { stopped = error.message }
            }
        }
        return deliveries
    }

    /// One invoice header and the account of the customer record after it.
    struct Invoice {
        var line: Int
        var number: String
        var formatGuid: String
        var account = ""
    }

    func invoices(of bif: BIFFile) -> [Invoice] {
        let header = layout.row(.invoiceHeader)
        let customer = layout.row(.customer)
        var invoices: [Invoice] = []
        var accountFound = false
        for record in bif.records {
            if record.code == header.code, record.value("RecordType", in: header) == "D" {
                accountFound = true  // a deleted invoice has no bill: its customer record is passed over
            } else if record.code == header.code {
                invoices.append(
                    Invoice(
                        line: record.line, number: record.value("InvoiceNumber", in: header),
                        formatGuid: record.value("InvoiceFormatGuid", in: header)))
                accountFound = false
            } else if record.code == customer.code, !accountFound, !invoices.isEmpty {
                invoices[invoices.count - 1].account = record.value("AccountNumber", in: customer)
                accountFound = true
            }
        }
        return invoices
    }

    /// Why `invoice` gets no file, or nil.
    func refusal(of invoice: Invoice, name: String, names: [String: Int]) -> String? {
        if let reason = Self.unsafe(billerID, "biller id", separator: true)
            ?? Self.unsafe(invoice.account, "account number", separator: true)
            ?? Self.unsafe(invoice.number, "invoice number", separator: false)
        {
            return reason
        }
        if invoice.formatGuid.trimmingCharacters(in: .whitespaces).isEmpty {
            return "the invoice header has no InvoiceFormatGuid, so IC cannot link its PDF by file name"
        }
        if let line = names[name] { return "the invoice of line \(line) already has the file name \(name)" }
        return nil
    }

    /// Why `value` cannot be part of a file name, or nil; `separator` when `_` would shift IC's split.
    static func unsafe(_ value: String, _ what: String, separator: Bool) -> String? {
        let shown = value.debugDescription
        if value.isEmpty { return "the \(what) is empty" }
        if value.contains("/") || value.contains("\\") { return "the \(what) \(shown) contains a path separator" }
        if value.contains("..") { return "the \(what) \(shown) contains '..'" }
        if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "the \(what) \(shown) contains a control character"
        }
        if separator && value.contains("_") { return "the \(what) \(shown) contains '_', the separator of the file name" }
        return nil
    }
}
