/// One discrepancy between IC's reports and IMT's posts.
public struct ReconciliationFinding: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case missing
        case duplicated
        case amountMismatch = "amount-mismatch"
        case settledNotPosted = "settled-not-posted"
        case rejectedAfterPosting = "rejected-after-posting"
    }

    public var kind: Kind
    public var paymentID: String
    public var account: String
    public var detail: String
}
