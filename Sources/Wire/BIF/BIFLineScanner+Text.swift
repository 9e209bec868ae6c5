extension BIFLineScanner {
    /// The next line split into fields, when it is text: a line over the limit
    /// or not valid UTF-8, or a failing source, is an error at its position.
    func nextTextLine(splitter: BIFFieldSplitter) throws(BIFReadError) -> (line: BIFRawLine, fields: BIFFields)? {
        let line: BIFRawLine
        do {
            guard let next = try next() else { return nil }
            line = next
        } catch {
            throw BIFReadError(line: 0, column: 0, message: "cannot read: \(error)")
        }
        if let length = line.overlongLength {
            throw BIFReadError(line: line.number, column: 1, message: BIFText.overlongMessage(length, limit: maxLineLength))
        }
        let fields = splitter.split(line.bytes)
        if fields.hasNonASCII, let column = BIFText.firstInvalidUTF8(line.bytes) {
            throw BIFReadError(line: line.number, column: column, message: "the line is not valid UTF-8")
        }
        return (line, fields)
    }
}
