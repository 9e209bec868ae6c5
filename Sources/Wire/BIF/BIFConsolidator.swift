/// Consolidates single-invoice uploads into one import file, as IC does for
/// IMT MIPS/APPS: the invoices in upload order under a new file header whose
/// InvoiceCount and TotalInvoiceAmount are recomputed.
///
/// An InvoiceNumber uploaded again replaces the earlier upload in place: the
/// later file is the newer state of the invoice, and an import file must not
/// hold one invoice twice. Each replacement is listed in the result.
public struct BIFConsolidator: Sendable {
    public let layout: BIFLayout
    /// The new header's FileCreationDate.
    public let fileDate: BIFDate

    public init(layout: BIFLayout = .standard, fileDate: BIFDate) { (self.layout, self.fileDate) = (layout, fileDate) }

    /// An invoice uploaded twice: which upload was dropped for which.
    public struct Replacement: Sendable, Hashable {
        public var invoiceNumber: String
        public var replaced: String
        public var by: String
    }

    public struct Result: Sendable {
        public var file: BIFFile
        public var replacements: [Replacement]
    }

    /// Merges `inputs` (a name for messages, and the file), all of one biller.
    public func merge(_ inputs: [(name: String, file: BIFFile)]) throws(BIFMergeError) -> Result {
        let headerRow = layout.row(.fileHeader)
        let invoiceRow = layout.row(.invoiceHeader)
        var billerGuid: (value: String, from: String)?
        var invoices: [(number: String, from: String, records: [BIFRecord])] = []
        var positions: [String: Int] = [:]
        var replacements: [Replacement] = []

        for (name, file) in inputs {
            guard let header = file.records.first, header.code == headerRow.code else {
                throw BIFMergeError(
                    file: name, line: 1, message: "the file does not start with a file header (\(headerRow.code))")
            }
            let guid = header.value("BillerGuid", in: headerRow)
            if let billerGuid, billerGuid.value != guid {
                throw BIFMergeError(
                    file: name, line: header.line,
                    message:
                        "BillerGuid \(guid) differs from \(billerGuid.value) in \(billerGuid.from): one import file is for one biller"
                )
            }
            billerGuid = billerGuid ?? (guid, name)
            for record in file.records.dropFirst() where record.fields != [""] {
                if record.code == invoiceRow.code {
                    guard record.fields.count == invoiceRow.fields.count else {
                        throw BIFMergeError(
                            file: name, line: record.line,
                            message: "an invoice header with \(record.fields.count) fields instead of \(invoiceRow.fields.count)")
                    }
                    invoices.append((record.value("InvoiceNumber", in: invoiceRow), name, []))
                } else if invoices.isEmpty || invoices.last!.from != name {
                    throw BIFMergeError(file: name, line: record.line, message: "a \(record.code) row outside any invoice")
                }
                invoices[invoices.count - 1].records.append(BIFRecord(fields: record.fields))
            }
        }

        var merged: [(number: String, from: String, records: [BIFRecord])] = []
        for invoice in invoices {
            if let at = positions[invoice.number] {
                replacements.append(Replacement(invoiceNumber: invoice.number, replaced: merged[at].from, by: invoice.from))
                merged[at] = invoice
            } else {
                positions[invoice.number] = merged.count
                merged.append(invoice)
            }
        }
        var total: Int64 = 0
        for invoice in merged {
            let amount = invoice.records[0].value("TotalAmountDue", in: invoiceRow)
            guard let cents = BIFMoney.cents(amount) else {
                throw BIFMergeError(
                    file: invoice.from, line: 0, message: "invoice \(invoice.number): TotalAmountDue \"\(amount)\" is not money")
            }
            let (sum, overflow) = total.addingReportingOverflow(cents)
            guard !overflow else {
                throw BIFMergeError(file: invoice.from, line: 0, message: "the invoices' total is too large to add up")
            }
            total = sum
        }
        let values = [
            "BillerGuid": billerGuid?.value ?? "", "FileCreationDate": fileDate.description,
            "InvoiceCount": String(merged.count), "TotalInvoiceAmount": BIFMoney.text(cents: total),
        ]
        let header = BIFRecord(
            fields: headerRow.fields.enumerated().map { i, field in
                i == 0 ? headerRow.code : values[field.name] ?? ""
            })
        return Result(file: BIFFile(records: [header] + merged.flatMap(\.records)), replacements: replacements)
    }
}

/// Why files could not be merged.
public struct BIFMergeError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public var description: String { "\(file):\(line): \(message)" }
}
