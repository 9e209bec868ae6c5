internal import CLibXML2

/// A parsed XML document, read-only.
///
/// Parsing is safe for untrusted input: the size and the nesting depth are limited,
/// any document type declaration is refused before the parser sees it (so no
/// external entity is ever read and no entity is ever expanded), the network is
/// off, and libxml2 never writes to standard error.
///
/// ```swift
/// let document = try XMLDocument(parsing: bytes)
/// let body = try document.select("/s:Envelope/s:Body/*", namespaces: ["s": SOAPVersion.v11.namespace])
/// ```
public final class XMLDocument: @unchecked Sendable {
    // @unchecked: the libxml2 tree is never changed after parsing, and libxml2 allows
    // concurrent reads of one tree; each XPath evaluation gets its own context.

    /// Limits on what is parsed.
    public struct Limits: Sendable, Hashable {
        public var maximumBytes: Int
        public var maximumDepth: Int

        public init(maximumBytes: Int = 10 << 20, maximumDepth: Int = 64) {
            self.maximumBytes = maximumBytes
            self.maximumDepth = maximumDepth
        }
    }

    let pointer: xmlDocPtr

    /// Parses `bytes`.
    /// - Throws: `XMLError`: `tooLarge`, `doctype`, `malformed` (with line and column) or `tooDeep`.
    public init(parsing bytes: [UInt8], limits: Limits = Limits()) throws(XMLError) {
        _ = LibXML.initialized
        guard bytes.count <= limits.maximumBytes else {
            throw XMLError(code: .tooLarge, message: "\(bytes.count) bytes; at most \(limits.maximumBytes) are accepted")
        }
        if let doctype = Self.doctypeOffset(in: bytes) {
            let line = 1 + bytes[..<doctype].count { $0 == UInt8(ascii: "\n") }
            throw XMLError(
                code: .doctype, message: "a document type declaration (<!DOCTYPE) is not allowed", line: line, column: 1)
        }
        guard let context = xmlNewParserCtxt() else { throw XMLError(code: .malformed, message: "libxml2 has no memory") }
        defer { xmlFreeParserCtxt(context) }
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                xmlCtxtReadMemory(context, $0, Int32(buffer.count), nil, nil, LibXML.safeOptions)
            }
        }
        guard let parsed, context.pointee.wellFormed != 0 else {
            if let parsed { xmlFreeDoc(parsed) }
            throw LibXML.error(xmlCtxtGetLastError(context), code: .malformed, fallback: "not well-formed XML")
        }
        pointer = parsed
        if let deep = Self.firstNode(deeperThan: limits.maximumDepth, in: xmlDocGetRootElement(parsed)) {
            throw XMLError(
                code: .tooDeep, message: "elements nest deeper than \(limits.maximumDepth) levels", line: deep, column: 1)
        }
    }

    deinit { xmlFreeDoc(pointer) }

    /// Where `<!DOCTYPE` starts (ASCII case ignored), if anywhere.
    static func doctypeOffset(in bytes: [UInt8]) -> Int? {
        let marker = Array("<!DOCTYPE".utf8)
        guard bytes.count >= marker.count else { return nil }
        for i in 0...(bytes.count - marker.count) where bytes[i] == UInt8(ascii: "<") && bytes[i + 1] == UInt8(ascii: "!") {
            if zip(bytes[i...], marker).allSatisfy({ $0 & 0xDF == $1 & 0xDF }) { return i }
        }
        return nil
    }

    /// The line of the first element deeper than `limit`, walking without recursion.
    static func firstNode(deeperThan limit: Int, in root: xmlNodePtr?) -> Int? {
        var stack: [(xmlNodePtr, Int)] = root.map { [($0, 1)] } ?? []
        while let (node, depth) = stack.popLast() {
            if depth > limit { return Int(xmlGetLineNo(node)) }
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { stack.append((current, depth + 1)) }
                child = current.pointee.next
            }
        }
        return nil
    }

    /// The nodes `xpath` selects, with `namespaces` binding its prefixes to URIs.
    /// A string, number or boolean result is returned as one text node.
    public func select(_ xpath: String, namespaces: [String: String] = [:]) throws(XMLError) -> [XMLNode] {
        try evaluate(xpath, namespaces: namespaces) { result in
            switch result.pointee.type {
            case XPATH_NODESET:
                return Self.nodes(of: result).map(Self.node)
            default:
                let text =
                    xmlXPathCastToString(result).map { owned in
                        defer { bifrost_xml_free(owned) }
                        return String(cString: owned)
                    } ?? ""
                return [XMLNode(kind: .text, name: "", namespace: nil, text: text, attributes: [], line: 0)]
            }
        }
    }

    /// The nodes of a node-set result; none for another kind of result.
    static func nodes(of result: xmlXPathObjectPtr) -> [xmlNodePtr] {
        guard result.pointee.type == XPATH_NODESET, let set = result.pointee.nodesetval else { return [] }
        return (0..<Int(set.pointee.nodeNr)).compactMap { set.pointee.nodeTab[$0] }
    }

    /// Evaluates `xpath` and hands the result to `read` before it is freed.
    func evaluate<T>(_ xpath: String, namespaces: [String: String], _ read: (xmlXPathObjectPtr) -> T) throws(XMLError) -> T {
        guard let context = xmlXPathNewContext(pointer) else { throw XMLError(code: .xpath, message: "libxml2 has no memory") }
        defer { xmlXPathFreeContext(context) }
        for (prefix, uri) in namespaces.sorted(by: { $0.key < $1.key }) {
            _ = xmlXPathRegisterNs(context, prefix, uri)
        }
        let collector = ViolationCollector()
        context.pointee.error = ViolationCollector.handler
        context.pointee.userData = Unmanaged.passUnretained(collector).toOpaque()
        let evaluated = withExtendedLifetime(collector) { xmlXPathEvalExpression(xpath, context) }
        guard let result = evaluated else {
            let reason = collector.violations.first?.message ?? "cannot be evaluated"
            throw XMLError(code: .xpath, message: "\(xpath): \(reason)")
        }
        defer { xmlXPathFreeObject(result) }
        return read(result)
    }

    /// The text of the first node `xpath` selects, or nil.
    public func text(_ xpath: String, namespaces: [String: String] = [:]) throws(XMLError) -> String? {
        try select(xpath, namespaces: namespaces).first?.text
    }

    /// Canonical XML (C14N 1.0 without comments, or exclusive C14N): the form two documents are compared in.
    public func canonical(exclusive: Bool = false) -> [UInt8] {
        var output: UnsafeMutablePointer<xmlChar>?
        let count = xmlC14NDocDumpMemory(
            pointer, nil, Int32(exclusive ? XML_C14N_EXCLUSIVE_1_0.rawValue : XML_C14N_1_0.rawValue), nil, 0, &output)
        guard count >= 0, let output else { return [] }
        defer { bifrost_xml_free(output) }
        return Array(UnsafeBufferPointer(start: output, count: Int(count)))
    }

    static func node(_ pointer: xmlNodePtr) -> XMLNode {
        let kind: XMLNode.Kind =
            switch pointer.pointee.type {
            case XML_ELEMENT_NODE: .element
            case XML_ATTRIBUTE_NODE: .attribute
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: .text
            default: .other
            }
        var attributes: [XMLNode.Attribute] = []
        if kind == .element {
            var attribute = pointer.pointee.properties
            while let current = attribute {
                let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self))
                attributes.append(
                    XMLNode.Attribute(
                        name: string(current.pointee.name) ?? "",
                        namespace: current.pointee.ns.flatMap { string($0.pointee.href) },
                        value: owned(value)))
                attribute = current.pointee.next
            }
        }
        return XMLNode(
            kind: kind, name: string(pointer.pointee.name) ?? "",
            namespace: pointer.pointee.ns.flatMap { string($0.pointee.href) }, text: owned(xmlNodeGetContent(pointer)),
            attributes: attributes, line: Int(xmlGetLineNo(pointer)))
    }

    static func string(_ text: UnsafePointer<xmlChar>?) -> String? {
        text.map { String(cString: $0) }
    }

    /// A string libxml2 allocated for the caller, freed here.
    static func owned(_ text: UnsafeMutablePointer<xmlChar>?) -> String {
        guard let text else { return "" }
        defer { bifrost_xml_free(text) }
        return String(cString: text)
    }
}
