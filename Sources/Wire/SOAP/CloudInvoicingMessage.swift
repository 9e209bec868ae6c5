/// What every CloudInvoicing request shares: its arguments wrapped in `Req`, in the service's namespace.
public enum CloudInvoicingMessage {
    /// The CloudInvoicing service's namespace.
    public static let namespace = "https://www.invoicecloud.com/portal/webservices/CloudInvoicing/"

    /// The request envelope of `operation` with `fields` in `Req`, in order.
    public static func request(_ operation: String, fields: [(String, String)], version: SOAPVersion) -> [UInt8] {
        let req = fields.map { "<\($0.0)>\(XMLText.escaped($0.1))</\($0.0)>" }.joined()
        return SOAPEnvelope.wrap("<\(operation) xmlns=\"\(namespace)\"><Req>\(req)</Req></\(operation)>", version: version)
    }

    /// The text of `Req/<name>` in a request of `operation`.
    /// - Throws: a `Sender` fault when it is missing.
    public static func field(_ name: String, of operation: String, in envelope: SOAPEnvelope) throws(SOAPFault) -> String {
        let found: String?
        do {
            found = try envelope.document.text(
                "/s:Envelope/s:Body/ic:\(operation)/ic:Req/ic:\(name)",
                namespaces: ["s": envelope.version.namespace, "ic": namespace])
        } catch {
            throw SOAPFault(.receiver, "cannot read \(name): \(error)")
        }
        guard let found else { throw SOAPFault(.sender, "\(operation)/Req/\(name) is missing") }
        return found
    }
}
