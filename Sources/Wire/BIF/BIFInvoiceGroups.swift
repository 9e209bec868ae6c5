/// The lines of one invoice (its header and the rows after it), or the lines before the first invoice.
struct BIFInvoiceGroup {
    /// The InvoiceNumber; "" for the lines before any invoice.
    var key: String
    /// The line number of the group's first line.
    var line: Int
    /// The group's lines without terminators, joined by LF.
    var raw: [UInt8] = []
    var lineCount = 0

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if lineCount > 0 { raw.append(0x0A) }
        raw.append(contentsOf: bytes)
        lineCount += 1
    }

    /// The group's rows as records, numbered from `line`.
    var records: [BIFRecord] {
        guard lineCount > 0 else { return [] }
        return raw.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated().map { i, bytes in
            BIFRecord(
                line: line + i,
                fields: bytes.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false)
                    .map { String(decoding: $0, as: UTF8.self) })
        }
    }
}

/// Reads a BIF invoice by invoice, keeping only the current invoice in memory.
///
/// The first group is always the lines before the first invoice header (the
/// file header), possibly none; then one group per invoice header.
final class BIFInvoiceGroups<Source: BIFByteSource> {
    private let scanner: BIFLineScanner<Source>
    private let splitter = BIFFieldSplitter()
    private let invoiceHeader: BIFRowPlan
    private let numberPosition: Int
    private var current: BIFInvoiceGroup? = BIFInvoiceGroup(key: "", line: 1)

    init(source: Source, layout: BIFLayout) {
        scanner = BIFLineScanner(source: source)
        invoiceHeader = BIFRowPlan(layout.row(.invoiceHeader))
        numberPosition = invoiceHeader.position("InvoiceNumber")
    }

    /// The next group, or nil after the last.
    func next() throws(BIFReadError) -> BIFInvoiceGroup? {
        while let (line, fields) = try scanner.nextTextLine(splitter: splitter) {
            guard invoiceHeader.matches(fields[0]) else {
                current!.append(line.bytes)
                continue
            }
            var started = BIFInvoiceGroup(key: fields.text(numberPosition), line: line.number)
            started.append(line.bytes)
            defer { current = started }
            return current
        }
        defer { current = nil }
        return current
    }
}
