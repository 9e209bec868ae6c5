import Foundation
import Wire

/// The REST services' mutable part: the state loaded, the tokens issued, the payment pages opened,
/// the payments made and the postbacks sent. The time comes from the mock's clock (`MockClock`).
struct ICPortal: Sendable {
    /// A RemoteAuthenticationToken as issued: whose and when.
    struct Token: Sendable {
        var value: String
        var accountNumber: String
        var emailAddress: String
        var issued: Date
        var cssURL: String?
        /// What the user's first sign-in through SSO Connect did, when this Remote Authentication was it.
        var firstSignIn: String?
    }

    /// A payment page Cloud Payments V2 opened.
    struct PaymentPage: Sendable {
        var id: String
        var request: CloudPaymentsRequest
        /// Opened without a token: the Virtual Site's one-time payment.
        var virtualSite: Bool
        /// The accounts whose customer record `CreateCustomerRecord` created for it.
        var createdRecords: [String] = []
        var paid = false
    }

    /// One payment made on a payment page, and what its postback got.
    struct Payment: Sendable {
        var paymentGUID: String
        var page: String
        var accountNumber: String
        var amount: Money
        var approved: Bool
        var postback: [(String, String)]
        var postbackStatus: String
    }

    var state: ICPortalState
    var tokens: [Token] = []
    var pages: [PaymentPage] = []
    var payments: [Payment] = []
    /// The IDs of the SAML assertions that signed a customer in, newest last: each is used once.
    var consumedAssertions: [String] = []
    /// Ids issued so far: tokens, payment pages and payments are counted together.
    var issued = 0
    /// Where payment page and payment ids come from: random in a stand-in, derived in a scenario.
    let ids: MockIDs

    /// The most tokens and payment pages kept: older ones are forgotten first.
    static let limit = 1000

    init(_ state: ICPortalState, ids: MockIDs) {
        self.state = state
        self.ids = ids
    }

    /// A GUID-shaped id: random, or (`MockIDs.derived`) derived from the clock, the kind and the
    /// count, the same for the same scenario.
    mutating func nextID(_ kind: String) -> String {
        issued += 1
        return MockIDs.guid(ids.bytes("\(kind)|\(state.clock.timeIntervalSince1970)|\(issued)"))
    }

    /// A GUID-shaped secret (a RemoteAuthenticationToken): 128 random bits whatever `ids` says.
    /// It is counted with the ids, so the ids after it are the same as when tokens were derived.
    mutating func nextSecret() -> String {
        issued += 1
        return MockIDs.guid(MockIDs.randomBytes())
    }

    func customer(_ account: String) -> ICPortalState.Customer? {
        state.customers.first { $0.accountNumber == account }
    }

    /// Why `value` cannot serve a request at `now`; nil when it can. A token serves its session's
    /// SSOConnect redirects and Cloud Payments V2 requests until it expires (seed 003, SSO-AI-006:
    /// "AI stores Remote Authentication Token (per session) for use in CloudSSO Redirect").
    func tokenProblem(_ value: String, at now: Date) -> (code: String, message: String)? {
        guard let token = tokens.first(where: { $0.value == value }) else {
            return ("InvalidToken", "the RemoteAuthenticationToken was not issued by Remote Authentication")
        }
        let expires = token.issued.addingTimeInterval(Double(state.tokenLifetime.components.seconds))
        if now >= expires {
            return (
                "TokenExpired",
                "the RemoteAuthenticationToken expired at \(Self.text(expires)), \(state.tokenLifetime.components.seconds) s after it was issued"
            )
        }
        return nil
    }

    /// A date as ISO 8601 in UTC.
    static func text(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }
}
