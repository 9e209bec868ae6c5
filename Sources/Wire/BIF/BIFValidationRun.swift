/// The state of one validation pass: where in the nesting of rows the file is,
/// what the open invoice has shown so far, and the running totals.
///
/// A struct, and the current row a parameter, so that the inner loop pays no
/// dynamic exclusivity checks.
struct BIFValidationRun {
    let profile: BIFProfile
    /// MIPS/APPS: whether AllowPartialPayments and MinimumAmountDue must be in the file.
    let paymentOptionsInFile: Bool
    /// MIPS/APPS: the InvoiceTypeIDs the biller uses (252 unless multi-environment), as bytes and as the finding's text.
    let invoiceTypeIDs: [[UInt8]]
    let invoiceTypesExpected: String
    let maxLineLength: Int
    let report: (BIFFinding) -> Void
    let splitter = BIFFieldSplitter()
    let fileHeader: BIFRowPlan
    let invoiceHeader: BIFRowPlan
    let customer: BIFRowPlan
    let detail: BIFRowPlan
    let fields: BIFRuleFields
    var summary = BIFValidationSummary()

    /// The file header's line and its two totals, once seen.
    var headerLine = 0
    var headerCount: Int?
    var headerTotal: Int64?
    var sawFirstLine = false
    var blankLine: Int?

    /// The open invoice: its header line, number and date, whether its customer record came.
    var invoiceLine = 0
    var invoiceNumber: [UInt8] = []
    var invoiceDate: BIFDate?
    var customerSeen = false

    init(
        layout: BIFLayout, profile: BIFProfile, maxLineLength: Int, report: @escaping (BIFFinding) -> Void,
        paymentOptionsInFile: Bool = true, invoiceTypeIDs: [String] = BIFBillerOptions.standardInvoiceTypeIDs
    ) {
        self.profile = profile
        self.paymentOptionsInFile = paymentOptionsInFile
        self.invoiceTypeIDs = invoiceTypeIDs.map { Array($0.utf8) }
        self.invoiceTypesExpected = invoiceTypeIDs.joined(separator: " or ")
        self.maxLineLength = maxLineLength
        self.report = report
        fileHeader = BIFRowPlan(layout.row(.fileHeader))
        invoiceHeader = BIFRowPlan(layout.row(.invoiceHeader))
        customer = BIFRowPlan(layout.row(.customer))
        detail = BIFRowPlan(layout.row(.detail))
        fields = BIFRuleFields(fileHeader: fileHeader, invoiceHeader: invoiceHeader, customer: customer, detail: detail)
    }

    mutating func check(_ line: BIFRawLine) {
        summary.lines = line.number
        if let length = line.overlongLength {
            add(.text, line: line.number, message: BIFText.overlongMessage(length, limit: maxLineLength))
            noteUnreadable()
            return
        }
        if line.bytes.isEmpty {
            if blankLine == nil { blankLine = line.number }
            return
        }
        if let blank = blankLine {
            add(.knownRow, line: blank, message: "blank line; blank lines are allowed only at the end of the file")
            blankLine = nil
        }
        let row = splitter.split(line.bytes)
        if row.hasNonASCII, let column = BIFText.firstInvalidUTF8(line.bytes) {
            add(.text, line: line.number, message: "the line is not valid UTF-8 (byte \(column))")
            noteUnreadable()
            return
        }
        if row.hasControlByte, let column = BIFText.firstControlCharacter(line.bytes) {
            add(.text, line: line.number, message: "control character at byte \(column)")
        }
        let code = row[0]
        let plan: BIFRowPlan
        if invoiceHeader.matches(code) {
            plan = invoiceHeader
        } else if customer.matches(code) {
            plan = customer
        } else if detail.matches(code) {
            plan = detail
        } else if fileHeader.matches(code) {
            plan = fileHeader
        } else {
            add(
                .knownRow, line: line.number, field: 1, fieldName: "RowType",
                expected: [fileHeader, invoiceHeader, customer, detail].map { String(decoding: $0.code, as: UTF8.self) }
                    .joined(separator: ", "),
                actual: row.text(0), message: "unknown row code \"\(row.text(0))\"")
            firstLine(line.number, row, isFileHeader: false)
            return
        }
        let fieldsOK = checkFieldCount(plan, row, line: line.number)
        if fieldsOK { checkFields(plan, row, line: line.number) }
        switch plan.row.kind {
        case .fileHeader: fileHeaderRow(line.number, row, fieldsOK: fieldsOK)
        case .invoiceHeader: invoiceHeaderRow(line.number, row, fieldsOK: fieldsOK)
        case .customer: customerRow(line.number, row, fieldsOK: fieldsOK)
        case .detail: detailRow(line.number, row, fieldsOK: fieldsOK)
        }
    }

    mutating func finish() {
        closeInvoice()
        guard headerLine > 0 else {
            if !sawFirstLine {
                add(
                    .fileHeaderFirst, line: 1, expected: "a file header (FH)", actual: "an empty file",
                    message: "the file is empty: a BIF starts with its file header (FH)")
            }
            return
        }
        let countField = fields.invoiceCount.position
        if let headerCount, headerCount != summary.invoices {
            add(
                .invoiceCount, line: headerLine, field: countField + 1, fieldName: "InvoiceCount",
                expected: String(summary.invoices), actual: String(headerCount),
                message: "InvoiceCount is \(headerCount) but the file has \(summary.invoices) invoice headers")
        }
        let totalField = fields.totalInvoiceAmount.position
        if let headerTotal, let total = summary.totalCents, headerTotal != total {
            add(
                .totalAmount, line: headerLine, field: totalField + 1, fieldName: "TotalInvoiceAmount",
                expected: BIFMoney.text(cents: total), actual: BIFMoney.text(cents: headerTotal),
                message:
                    "TotalInvoiceAmount is \(BIFMoney.text(cents: headerTotal)) but the invoices' TotalAmountDue sum to \(BIFMoney.text(cents: total))"
            )
        }
        if profile == .imtMipsApps, summary.invoices != 1 {
            add(
                .mipsOneInvoice, line: headerLine, expected: "1", actual: String(summary.invoices),
                message: "an IMT MIPS/APPS upload holds exactly one invoice, this file has \(summary.invoices)")
        }
    }

    // MARK: - Rows

    private mutating func fileHeaderRow(_ line: Int, _ row: BIFFields, fieldsOK: Bool) {
        if headerLine > 0 || sawFirstLine {
            add(
                .fileHeaderFirst, line: line, field: 1, fieldName: "RowType",
                message: headerLine > 0
                    ? "a second file header; the first is on line \(headerLine)" : "the file header must be the first line")
        }
        firstLine(line, row, isFileHeader: true)
        guard headerLine == 0 else { return }
        headerLine = line
        guard fieldsOK else { return }
        headerCount = Int(row.text(fields.invoiceCount.position))
        headerTotal = BIFMoney.cents(row[fields.totalInvoiceAmount.position])
    }

    private mutating func invoiceHeaderRow(_ line: Int, _ row: BIFFields, fieldsOK: Bool) {
        firstLine(line, row, isFileHeader: false)
        closeInvoice()
        summary.invoices += 1
        invoiceLine = line
        customerSeen = false
        invoiceNumber.removeAll(keepingCapacity: true)
        invoiceDate = nil
        guard fieldsOK else {
            summary.totalCents = nil
            return
        }
        invoiceNumber.append(contentsOf: row[fields.invoiceNumber.position])
        invoiceDate = BIFDate(row[fields.invoiceDate.position])
        if let total = summary.totalCents {
            if let cents = BIFMoney.cents(row[fields.totalAmountDue.position]) {
                let (sum, overflow) = total.addingReportingOverflow(cents)
                summary.totalCents = overflow ? nil : sum
            } else {
                summary.totalCents = nil
            }
        }
        checkInvoiceHeaderRules(line, row)
    }

    private mutating func customerRow(_ line: Int, _ row: BIFFields, fieldsOK: Bool) {
        firstLine(line, row, isFileHeader: false)
        guard invoiceLine > 0, !customerSeen else {
            add(
                .invoiceNesting, line: line, field: 1, fieldName: "RowType",
                message: invoiceLine == 0
                    ? "a customer record before any invoice header"
                    : "a second customer record for invoice \(openInvoice) (line \(invoiceLine))")
            return
        }
        customerSeen = true
        if fieldsOK { checkCustomerRules(line, row) }
    }

    private mutating func detailRow(_ line: Int, _ row: BIFFields, fieldsOK: Bool) {
        firstLine(line, row, isFileHeader: false)
        if invoiceLine == 0 || !customerSeen {
            add(
                .invoiceNesting, line: line, field: 1, fieldName: "RowType",
                message: invoiceLine == 0
                    ? "an invoice detail before any invoice header"
                    : "an invoice detail before the customer record of invoice \(openInvoice)")
        }
        if fieldsOK { checkDetailRules(line, row) }
    }

    /// Reports an invoice header without a customer record, once the invoice is over.
    private mutating func closeInvoice() {
        guard invoiceLine > 0, !customerSeen else { return }
        add(.invoiceNesting, line: invoiceLine, message: "invoice \(openInvoice) has no customer record after its header")
        customerSeen = true
    }

    private mutating func firstLine(_ line: Int, _ row: BIFFields, isFileHeader: Bool) {
        if !sawFirstLine, !isFileHeader {
            add(
                .fileHeaderFirst, line: line, field: 1, fieldName: "RowType", expected: "FH", actual: row.text(0),
                message: "the first line must be the file header (FH)")
        }
        sawFirstLine = true
    }

    /// A line that could not be split: its amount, if it was an invoice, is unknown.
    private mutating func noteUnreadable() {
        sawFirstLine = true
        summary.totalCents = nil
    }

    var openInvoice: String { invoiceNumber.isEmpty ? "on line \(invoiceLine)" : String(decoding: invoiceNumber, as: UTF8.self) }

    // MARK: - Fields

    private mutating func checkFieldCount(_ plan: BIFRowPlan, _ row: BIFFields, line: Int) -> Bool {
        guard row.count != plan.fieldCount else { return true }
        let hint = row.count > plan.fieldCount ? "; a value may not contain '|'" : ""
        add(
            .fieldCount, line: line, expected: String(plan.fieldCount), actual: String(row.count),
            message: "\(plan.row.kind.labelWithArticle) has \(plan.fieldCount) fields, this line has \(row.count)\(hint)")
        return false
    }

    private mutating func checkFields(_ plan: BIFRowPlan, _ row: BIFFields, line: Int) {
        for i in 1..<plan.fieldCount {
            let value = row[i]
            if value.isEmpty {
                if plan.required[i] {
                    let name = plan.row.fields[i].name
                    add(
                        .requiredField, line: line, field: i + 1, fieldName: name, expected: "a value", actual: "",
                        message: "\(name) is required in \(plan.row.kind.labelWithArticle)")
                }
            } else if !plan.formats[i].accepts(value) {
                let name = plan.row.fields[i].name
                add(
                    .fieldFormat, line: line, field: i + 1, fieldName: name, expected: plan.formats[i].expectation,
                    actual: row.text(i),
                    message: "\(name): expected \(plan.formats[i].expectation), got \"\(row.text(i))\"")
            }
        }
    }

    mutating func add(
        _ rule: BIFRule, severity: BIFFinding.Severity = .error, line: Int, field: Int? = nil, fieldName: String? = nil,
        expected: String? = nil, actual: String? = nil, message: String
    ) {
        if severity == .error { summary.errors += 1 } else { summary.warnings += 1 }
        report(
            BIFFinding(
                rule: rule, severity: severity, line: line, field: field, fieldName: fieldName, expected: expected,
                actual: actual, message: message))
    }
}
