/// Why XML was refused: its kind, a message, and where in the text when known.
public struct XMLError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// Not well-formed XML.
        case malformed
        /// A document type declaration: SOAP forbids them, and they carry entity attacks (XXE, billion laughs).
        case doctype
        /// Larger than the limit.
        case tooLarge = "too-large"
        /// Elements nested deeper than the limit.
        case tooDeep = "too-deep"
        /// An XPath expression that does not compile or evaluate.
        case xpath
        /// An XML Schema that does not load.
        case schema
    }

    public var code: Code
    public var message: String
    /// 1-based; 0 when unknown.
    public var line: Int
    public var column: Int

    public init(code: Code, message: String, line: Int = 0, column: Int = 0) {
        self.code = code
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String {
        line > 0 ? "line \(line), column \(column): \(message)" : message
    }
}
