/// One line of a BIF as a value: its fields as text, its line number and how it ended.
///
/// A record keeps its bytes exactly: writing the records of a file back, with
/// its terminators and byte order mark, gives the same bytes.
public struct BIFRecord: Sendable, Hashable {
    /// 1-based line in the file read; 0 for a record made in memory.
    public var line: Int
    public var fields: [String]
    public var terminator: BIFLineTerminator

    public init(line: Int = 0, fields: [String], terminator: BIFLineTerminator = .lf) {
        (self.line, self.fields, self.terminator) = (line, fields, terminator)
    }

    /// The row code, the first field.
    public var code: String { fields.first ?? "" }

    /// The value of the field at `index`, or "" past the last field.
    public subscript(index: Int) -> String { index < fields.count ? fields[index] : "" }

    /// The value of the field named `name` in `row`, or "" when the row or the record lacks it.
    public func value(_ name: String, in row: BIFLayout.Row) -> String {
        row.index(of: name).map { self[$0] } ?? ""
    }

    /// The line as written: fields joined by `|`, then the terminator.
    public func write(to out: inout [UInt8]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: "|")) }
            out.append(contentsOf: field.utf8)
        }
        out.append(contentsOf: terminator.rawValue.utf8)
    }
}

/// A whole BIF in memory: for files of a few invoices (uploads, merges, goldens).
public struct BIFFile: Sendable, Hashable {
    public var hasByteOrderMark: Bool
    public var records: [BIFRecord]

    public init(hasByteOrderMark: Bool = false, records: [BIFRecord]) {
        (self.hasByteOrderMark, self.records) = (hasByteOrderMark, records)
    }

    /// Reads every record of `source`.
    public static func read(_ source: some BIFByteSource) throws(BIFReadError) -> BIFFile {
        let reader = BIFReader(source: source)
        var records: [BIFRecord] = []
        while let record = try reader.next() { records.append(record) }
        return BIFFile(hasByteOrderMark: reader.hasByteOrderMark, records: records)
    }

    /// Reads a BIF held in memory.
    public static func read(_ bytes: [UInt8]) throws(BIFReadError) -> BIFFile { try read(BIFMemorySource(bytes)) }

    /// The file's bytes, as the records and terminators say.
    public var bytes: [UInt8] {
        var out: [UInt8] = hasByteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        for record in records { record.write(to: &out) }
        return out
    }
}
