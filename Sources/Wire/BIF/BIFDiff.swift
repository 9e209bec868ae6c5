/// Compares two BIFs field by field, invoice by invoice: keyed by
/// InvoiceNumber and row, not by line number, so a moved invoice is not a
/// difference and a changed one names its field.
///
/// Both files are read once, in step. While their invoices come in the same
/// order only the current pair is in memory; an invoice without its partner
/// waits in a table until the partner comes or the files end. Line endings
/// and a byte order mark are not compared.
public struct BIFDiff: Sendable {
    public let layout: BIFLayout

    public init(layout: BIFLayout = .standard) { self.layout = layout }

    /// The differences of `actual` from `expected`, in the order of the expected file.
    public func compare(expected: some BIFByteSource, actual: some BIFByteSource) throws(BIFDiffError) -> [BIFDifference] {
        let left = BIFInvoiceGroups(source: expected, layout: layout)
        let right = BIFInvoiceGroups(source: actual, layout: layout)
        var waitingLeft: [String: [BIFInvoiceGroup]] = [:]
        var waitingRight: [String: [BIFInvoiceGroup]] = [:]
        var differences: [(order: Int, difference: BIFDifference)] = []
        func compare(_ a: BIFInvoiceGroup, _ b: BIFInvoiceGroup) {
            guard a.raw != b.raw else { return }
            differences += groupDifferences(a, b).map { (a.line, $0) }
        }
        var leftDone = false
        var rightDone = false
        while !leftDone || !rightDone {
            let a = leftDone ? nil : try read(left, side: .expected)
            let b = rightDone ? nil : try read(right, side: .actual)
            if a == nil { leftDone = true }
            if b == nil { rightDone = true }
            if let a, let b, a.key == b.key {
                compare(a, b)
                continue
            }
            if let a {
                if let b = Self.take(a.key, from: &waitingRight) {
                    compare(a, b)
                } else {
                    waitingLeft[a.key, default: []].append(a)
                }
            }
            if let b {
                if let a = Self.take(b.key, from: &waitingLeft) {
                    compare(a, b)
                } else {
                    waitingRight[b.key, default: []].append(b)
                }
            }
        }
        for a in waitingLeft.values.joined() {
            differences.append((a.line, BIFDifference(kind: .removedInvoice, invoice: a.key, expectedLine: a.line)))
        }
        for b in waitingRight.values.joined() {
            differences.append((b.line, BIFDifference(kind: .addedInvoice, invoice: b.key, actualLine: b.line)))
        }
        return differences.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }
            .map(\.element.difference)
    }

    /// Takes the first group waiting under `key`, if any.
    private static func take(_ key: String, from table: inout [String: [BIFInvoiceGroup]]) -> BIFInvoiceGroup? {
        guard var waiting = table[key], !waiting.isEmpty else { return nil }
        let first = waiting.removeFirst()
        table[key] = waiting.isEmpty ? nil : waiting
        return first
    }

    /// Compares two BIFs held in memory.
    public func compare(expected: [UInt8], actual: [UInt8]) throws(BIFDiffError) -> [BIFDifference] {
        try compare(expected: BIFMemorySource(expected), actual: BIFMemorySource(actual))
    }

    private func read<S>(_ groups: BIFInvoiceGroups<S>, side: BIFDiffError.Side) throws(BIFDiffError) -> BIFInvoiceGroup? {
        do { return try groups.next() } catch { throw BIFDiffError(side: side, error: error) }
    }

    /// The differences between two versions of one invoice (or of the file header), row by row.
    func groupDifferences(_ a: BIFInvoiceGroup, _ b: BIFInvoiceGroup) -> [BIFDifference] {
        let invoice = a.key.isEmpty ? nil : a.key
        let rowsA = labelled(a.records)
        let rowsB = labelled(b.records)
        var result: [BIFDifference] = []
        let labelsB = Dictionary(rowsB.map { ($0.label, $0.record) }, uniquingKeysWith: { first, _ in first })
        let labelsA = Set(rowsA.map(\.label))
        for (label, recordA) in rowsA {
            guard let recordB = labelsB[label] else {
                result.append(BIFDifference(kind: .removedRow, invoice: invoice, row: label, expectedLine: recordA.line))
                continue
            }
            guard recordA.fields.count == recordB.fields.count else {
                result.append(
                    BIFDifference(
                        kind: .fieldCount, invoice: invoice, row: label, expected: String(recordA.fields.count),
                        actual: String(recordB.fields.count), expectedLine: recordA.line, actualLine: recordB.line))
                continue
            }
            let row = layout.row(code: recordA.code)
            for i in recordA.fields.indices where recordA.fields[i] != recordB.fields[i] {
                let name = row.flatMap { i < $0.fields.count ? $0.fields[i].name : nil } ?? "field \(i + 1)"
                result.append(
                    BIFDifference(
                        kind: .field, invoice: invoice, row: label, field: name, expected: recordA.fields[i],
                        actual: recordB.fields[i], expectedLine: recordA.line, actualLine: recordB.line))
            }
        }
        for (label, recordB) in rowsB where !labelsA.contains(label) {
            result.append(BIFDifference(kind: .addedRow, invoice: invoice, row: label, actualLine: recordB.line))
        }
        return result
    }

    /// Names each row by its kind and, when the kind repeats, its ordinal: "invoice detail 2".
    private func labelled(_ records: [BIFRecord]) -> [(label: String, record: BIFRecord)] {
        var counts: [String: Int] = [:]
        let totals = Dictionary(records.map { ($0.code, 1) }, uniquingKeysWith: +)
        return records.map { record in
            let name = layout.row(code: record.code)?.kind.label ?? "row \"\(record.code)\""
            counts[record.code, default: 0] += 1
            let label = totals[record.code]! > 1 ? "\(name) \(counts[record.code]!)" : name
            return (label, record)
        }
    }
}

/// A BIF the diff could not read, and which of the two it was.
public struct BIFDiffError: Error, Sendable, CustomStringConvertible {
    public enum Side: String, Sendable {
        case expected
        case actual
    }

    public var side: Side
    public var error: BIFReadError

    public var description: String { "\(side.rawValue) file \(error)" }
}
