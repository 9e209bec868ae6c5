public import Wire

/// What became of one invoice's PDF in a `PDFExtraction`.
public struct PDFDelivery: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        /// The file is at the destination under its final name.
        case delivered
        /// Not sent: the invoice cannot be linked by name (no InvoiceFormatGuid, an unsafe name, a duplicate).
        case refused(String)
        /// Sent but not delivered, or not sent because the destination had already failed.
        case failed(String)
    }

    /// `BID_ACCOUNT_INVOICE.pdf`, as it is or would have been.
    public var fileName: String
    public var account: String
    public var invoiceNumber: String
    /// The line of the invoice header in the BIF.
    public var line: Int
    /// The PDF's size; 0 when refused before it was made.
    public var byteCount: Int
    /// The PDF's SHA-256 as 64 hex digits; nil when refused before it was made.
    public var sha256: String?
    public var outcome: Outcome

    public init(
        fileName: String, account: String, invoiceNumber: String, line: Int, byteCount: Int = 0, sha256: String? = nil,
        outcome: Outcome
    ) {
        (self.fileName, self.account, self.invoiceNumber, self.line) = (fileName, account, invoiceNumber, line)
        (self.byteCount, self.sha256, self.outcome) = (byteCount, sha256, outcome)
    }

    /// Whether the file arrived.
    public var isDelivered: Bool { outcome == .delivered }

    /// The delivery as a JSON object, for results and reports.
    public var json: JSONValue {
        var members: [JSONValue.Member] = [
            .init("file", .string(fileName)), .init("account", .string(account)),
            .init("invoice", .string(invoiceNumber)), .init("line", .number(String(line))),
            .init("bytes", .number(String(byteCount))),
        ]
        if let sha256 { members.append(.init("sha256", .string(sha256))) }
        switch outcome {
        case .delivered:
            members.append(.init("outcome", .string("delivered")))
        case .refused(let reason):
            members += [.init("outcome", .string("refused")), .init("reason", .string(reason))]
        case .failed(let message):
            members += [.init("outcome", .string("failed")), .init("message", .string(message))]
        }
        return .object(members)
    }
}
