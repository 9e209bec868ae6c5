/// Why a BIF could not be read as records: the bytes are not lines of text.
public struct BIFReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) { (self.line, self.column, self.message) = (line, column, message) }

    public var description: String { "\(line):\(column): \(message)" }
}

/// Reads a BIF record by record in constant memory.
///
/// Only what makes a line unreadable is an error here (invalid UTF-8, a line
/// over the length limit, a failing source); everything else, such as an
/// unknown row code or a wrong field count, is the validator's business.
public final class BIFReader<Source: BIFByteSource> {
    private let scanner: BIFLineScanner<Source>
    private let splitter = BIFFieldSplitter()

    public init(source: Source, maxLineLength: Int = BIFLineScanner<Source>.defaultMaxLineLength) {
        scanner = BIFLineScanner(source: source, maxLineLength: maxLineLength)
    }

    /// Whether the file began with a UTF-8 byte order mark (known after the first record).
    public var hasByteOrderMark: Bool { scanner.hasByteOrderMark }

    /// The next record, or nil at the end.
    public func next() throws(BIFReadError) -> BIFRecord? {
        guard let (line, fields) = try scanner.nextTextLine(splitter: splitter) else { return nil }
        guard fields.count <= BIFFieldSplitter.capacity else {
            throw BIFReadError(
                line: line.number, column: 1,
                message: "the line has \(fields.count) fields, more than the \(BIFFieldSplitter.capacity) a BIF line may have")
        }
        return BIFRecord(line: line.number, fields: (0..<fields.count).map { fields.text($0) }, terminator: line.terminator)
    }
}
