public import Wire

/// The invoices the mock IC holds, by biller, account and invoice number, as the last accepted
/// upload left them (seed 004, "Invoice Data").
///
/// An R record adds the invoice or replaces it (a re-issue at $0.00 keeps it, with a zero
/// balance); a D record deletes it (a D for an invoice IC does not hold deletes nothing). An
/// invoice keeps its account: a record that names another account for an invoice number IC
/// holds refuses the whole upload with rule `IC-INV-003` ("Account numbers will not change").
public struct ICInvoiceBook: Sendable, Hashable {
    /// One invoice as IC keeps it.
    public struct Invoice: Sendable, Hashable {
        public var account: String
        public var number: String
        public var invoiceDate: String
        public var dueDate: String
        public var amountDue: String
        /// The upload that last wrote it.
        public var file: String
    }

    /// Invoices by biller GUID (lower case), then invoice number.
    public private(set) var invoices: [String: [String: Invoice]] = [:]

    public init() {}

    /// The findings that refuse an upload; the book stays as it was.
    public struct Refused: Error, Sendable {
        public var findings: [BIFFinding]
    }

    /// The book after `file` from `biller`, or the findings that refuse the file.
    public func applying(_ file: BIFFile, named name: String, biller: String) -> Result<ICInvoiceBook, Refused> {
        let header = BIFLayout.standard.row(.invoiceHeader)
        let customer = BIFLayout.standard.row(.customer)
        let key = biller.lowercased()
        var held = invoices[key] ?? [:]
        var findings: [BIFFinding] = []
        var current: (record: BIFRecord, deleted: Bool)?
        for record in file.records {
            if record.code == header.code {
                current = (record, record.value("RecordType", in: header) == "D")
                continue
            }
            guard record.code == customer.code, let (invoiceRecord, deleted) = current else { continue }
            current = nil
            let number = invoiceRecord.value("InvoiceNumber", in: header)
            let account = record.value("AccountNumber", in: customer)
            if let known = held[number], known.account != account {
                findings.append(
                    BIFFinding(
                        rule: .accountNumberKept, line: record.line, field: customer.index(of: "AccountNumber").map { $0 + 1 },
                        fieldName: "AccountNumber", expected: known.account, actual: account,
                        message:
                            "invoice \(number) belongs to account \(known.account) (from \(known.file)); account numbers will not change, got \"\(account)\""
                    ))
                continue
            }
            if deleted {
                held[number] = nil
            } else {
                held[number] = Invoice(
                    account: account, number: number, invoiceDate: invoiceRecord.value("InvoiceDate", in: header),
                    dueDate: invoiceRecord.value("InvoiceDueDate", in: header),
                    amountDue: invoiceRecord.value("TotalAmountDue", in: header), file: name)
            }
        }
        guard findings.isEmpty else { return .failure(Refused(findings: findings)) }
        var book = self
        book.invoices[key] = held.isEmpty ? nil : held
        return .success(book)
    }

    /// Every invoice as JSON: by biller, then account, then invoice number, each sorted.
    public var json: JSONValue {
        .array(
            invoices.keys.sorted().map { biller in
                let byAccount = Dictionary(grouping: invoices[biller]!.values, by: \.account)
                return .object([
                    "biller": .string(biller),
                    "accounts": .array(
                        byAccount.keys.sorted().map { account in
                            .object([
                                "account": .string(account),
                                "invoices": .array(
                                    byAccount[account]!.sorted { $0.number < $1.number }.map { invoice in
                                        .object([
                                            "number": .string(invoice.number), "invoice_date": .string(invoice.invoiceDate),
                                            "due_date": .string(invoice.dueDate), "amount_due": .string(invoice.amountDue),
                                            "file": .string(invoice.file),
                                        ])
                                    }),
                            ])
                        }),
                ])
            })
    }
}
