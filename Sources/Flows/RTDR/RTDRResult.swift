public import Wire

/// What RTDR (real-time data retrieval) learned of one account.
public struct RTDRResult: Sendable, Hashable {
    /// The CC and ACH block flags IC sets on the customer (BlockPaymentsCC, BlockPaymentsEFT).
    public struct BlockFlags: Sendable, Hashable {
        public var creditCard: Bool
        public var ach: Bool
        /// Setting 32 "Customer Profile - Set Block ACH/CC as ReadOnly": the flags IC sets are
        /// read-only on the customer profile, so that only IMT's answer changes them.
        public var readOnly: Bool

        public init(creditCard: Bool, ach: Bool, readOnly: Bool = false) {
            self.creditCard = creditCard
            self.ach = ach
            self.readOnly = readOnly
        }
    }

    public enum Outcome: Sendable, Hashable {
        /// The balance to show; `blockFlags` nil means the customer's flags stay as they are.
        case updated(balance: Money, blockFlags: BlockFlags?)
        case failed(IMTFailure)
    }

    public var account: String
    public var outcome: Outcome
    /// How closing the session went; nil when no session was opened.
    public var closing: IMTSession.Closing?
}
