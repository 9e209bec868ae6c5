internal import CLibXML2

/// An XML Schema (XSD), loaded from memory, that documents are validated against.
///
/// The schema is read with the network off; `xs:import` and `xs:include` of other
/// files are not followed, so a schema must be self-contained.
public final class XMLSchema: @unchecked Sendable {
    // @unchecked: the compiled schema is never changed after loading; each validation
    // gets its own validation context, which libxml2 allows to run concurrently.

    /// A place where a document breaks the schema.
    public struct Violation: Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    let pointer: xmlSchemaPtr

    /// Loads a schema document.
    /// - Throws: `XMLError` with code `schema` (or the parse errors of the schema text itself).
    public init(parsing bytes: [UInt8]) throws(XMLError) {
        let document = try XMLDocument(parsing: bytes)
        guard let context = xmlSchemaNewDocParserCtxt(document.pointer) else {
            throw XMLError(code: .schema, message: "libxml2 has no memory")
        }
        defer { xmlSchemaFreeParserCtxt(context) }
        let collector = ViolationCollector()
        let box = Unmanaged.passUnretained(collector).toOpaque()
        xmlSchemaSetParserStructuredErrors(context, ViolationCollector.handler, box)
        guard let schema = xmlSchemaParse(context) else {
            let first = collector.violations.first
            throw XMLError(code: .schema, message: first?.message ?? "not a valid XML Schema", line: first?.line ?? 0)
        }
        pointer = schema
    }

    deinit { xmlSchemaFree(pointer) }

    /// Every place `document` breaks the schema; empty when it is valid.
    public func violations(of document: XMLDocument) -> [Violation] {
        validate { context in xmlSchemaValidateDoc(context, document.pointer) }
    }

    /// Every place the first element `xpath` selects (a SOAP body's operation, say) breaks the schema.
    /// - Throws: when `xpath` does not compile or selects no element.
    public func violations(
        of document: XMLDocument, element xpath: String, namespaces: [String: String] = [:]
    )
        throws(XMLError) -> [Violation]
    {
        let found: [Violation]? = try document.evaluate(xpath, namespaces: namespaces) { result in
            guard let element = XMLDocument.nodes(of: result).first else { return nil }
            return validate { context in xmlSchemaValidateOneElement(context, element) }
        }
        guard let found else { throw XMLError(code: .xpath, message: "\(xpath) selects no element") }
        return found
    }

    private func validate(_ run: (xmlSchemaValidCtxtPtr) -> Int32) -> [Violation] {
        guard let context = xmlSchemaNewValidCtxt(pointer) else {
            return [Violation(line: 0, message: "libxml2 has no memory")]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = ViolationCollector()
        xmlSchemaSetValidStructuredErrors(context, ViolationCollector.handler, Unmanaged.passUnretained(collector).toOpaque())
        let result = withExtendedLifetime(collector) { run(context) }
        if result != 0 && collector.violations.isEmpty {
            return [Violation(line: 0, message: "not valid (libxml2 code \(result))")]
        }
        return collector.violations
    }
}

/// Gathers libxml2's structured errors during one call on one thread, instead of their
/// being printed to standard error.
final class ViolationCollector {
    var violations: [XMLSchema.Violation] = []

    static let handler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<ViolationCollector>.fromOpaque(context).takeUnretainedValue()
        var message = error.pointee.message.map { String(cString: $0) } ?? "schema error"
        while message.last?.isNewline == true { message.removeLast() }
        collector.violations.append(XMLSchema.Violation(line: Int(error.pointee.line), message: message))
    }
}
