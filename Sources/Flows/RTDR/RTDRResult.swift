public import Wire

/// What RTDR (real-time data retrieval) learned of one account.
public struct RTDRResult: Sendable, Hashable {
    /// The CC and ACH block flags IC sets on the customer (BlockPaymentsCC, BlockPaymentsEFT).
    public struct BlockFlags: Sendable, Hashable {
        public var creditCard: Bool
        public var ach: Bool

        public init(creditCard: Bool, ach: Bool) {
            self.creditCard = creditCard
            self.ach = ach
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
