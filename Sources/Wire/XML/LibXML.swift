internal import CLibXML2

/// libxml2 set up once per process, and its last error read as an `XMLError`.
enum LibXML {
    /// `xmlInitParser` must run once before threads use the library.
    static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// The parser options: no network, no entity substitution, no external DTD, no messages on stderr.
    /// (`XML_PARSE_NOENT` and `XML_PARSE_DTDLOAD` are left out on purpose.)
    static let safeOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    /// An `XMLError` from a libxml2 error, trimmed of its trailing newline.
    static func error(_ raw: UnsafePointer<xmlError>?, code: XMLError.Code, fallback: String) -> XMLError {
        guard let raw else { return XMLError(code: code, message: fallback) }
        var message = raw.pointee.message.map { String(cString: $0) } ?? fallback
        while message.last?.isNewline == true { message.removeLast() }
        return XMLError(code: code, message: message, line: Int(raw.pointee.line), column: Int(raw.pointee.int2))
    }
}
