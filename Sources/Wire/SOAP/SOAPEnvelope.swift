/// A SOAP request as a service reads it: its version, the operation its body names, and the document.
///
/// Reading checks, in order, and answers each problem with the fault a client gets:
/// the media type names a SOAP version; the XML is well-formed and safe (see `XMLDocument`);
/// the root is an `Envelope` of that version (the other version's is `VersionMismatch`);
/// the `Body` holds exactly one element, the operation; and a `SOAPAction` (1.1) or
/// `action` parameter (1.2), when sent, is the operation's namespace plus its name.
public struct SOAPEnvelope: Sendable {
    public let version: SOAPVersion
    /// The local name of the body's element, e.g. `UploadInvoice`.
    public let operation: String
    /// The operation element's namespace, e.g. `https://www.invoicecloud.com/portal/webservices/CloudInvoicing/`.
    public let operationNamespace: String?
    public let document: XMLDocument

    /// Reads a request body sent with `contentType` and, for SOAP 1.1, the `SOAPAction` header.
    public init(
        body: [UInt8], contentType: String?, soapAction: String?, limits: XMLDocument.Limits = .init()
    )
        throws(SOAPFault)
    {
        guard let version = SOAPVersion.named(byContentType: contentType) else {
            throw SOAPFault(
                .sender,
                "Content-Type must be text/xml (SOAP 1.1) or application/soap+xml (SOAP 1.2), got \(contentType ?? "none")")
        }
        let document: XMLDocument
        do {
            document = try XMLDocument(parsing: body, limits: limits)
        } catch {
            throw SOAPFault(.sender, "the request is not acceptable XML: \(error)")
        }
        let roots: [XMLNode]
        do {
            roots = try document.select("/*")
        } catch {
            throw SOAPFault(.sender, "the request has no root element")
        }
        guard let root = roots.first, root.name == "Envelope" else {
            throw SOAPFault(.sender, "the root element must be a SOAP Envelope, got \(roots.first?.name ?? "none")")
        }
        guard root.namespace == version.namespace else {
            let sent =
                SOAPVersion.named(byNamespace: root.namespace).map { "a SOAP \($0.rawValue) envelope" }
                ?? "an envelope in namespace \(root.namespace ?? "none")"
            throw SOAPFault(.versionMismatch, "\(sent) was sent as SOAP \(version.rawValue) (\(version.mediaType))")
        }
        let children: [XMLNode]
        do {
            children = try document.select("/s:Envelope/s:Body/*", namespaces: ["s": version.namespace])
        } catch {
            throw SOAPFault(.receiver, "cannot read the Body: \(error)")
        }
        guard children.count == 1, let operation = children.first else {
            throw SOAPFault(.sender, "the Body must hold exactly one element, the operation; it holds \(children.count)")
        }
        let sentAction = version == .v11 ? soapAction?.unquoted : SOAPVersion.actionParameter(of: contentType)
        let expected = (operation.namespace ?? "") + operation.name
        if let sentAction, !sentAction.isEmpty, sentAction != expected {
            throw SOAPFault(.sender, "the action \(sentAction) does not name the body's operation \(expected)")
        }
        self.version = version
        self.operation = operation.name
        self.operationNamespace = operation.namespace
        self.document = document
    }

    /// `body` (XML text of the body's content) in an envelope of `version`, with the `soap` prefix bound.
    public static func wrap(_ body: String, version: SOAPVersion) -> [UInt8] {
        Array(
            ("<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"\(version.namespace)\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">"
                + "<soap:Body>\(body)</soap:Body></soap:Envelope>").utf8)
    }
}
