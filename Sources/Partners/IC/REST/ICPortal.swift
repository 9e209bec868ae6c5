import Foundation
import Wire

/// The REST services' mutable part: the state loaded, the tokens issued, the payment pages opened,
/// the payments made and the postbacks sent, and the clock.
struct ICPortal: Sendable {
    /// A RemoteAuthenticationToken as issued: whose, when, and whether a session used it.
    struct Token: Sendable {
        var value: String
        var accountNumber: String
        var emailAddress: String
        var issued: Date
        var cssURL: String?
        var used = false
    }

    /// A payment page Cloud Payments V2 opened.
    struct PaymentPage: Sendable {
        var id: String
        var request: CloudPaymentsRequest
        /// Opened with `CreateCustomerRecord` and no token: the Virtual Site's one-time payment.
        var virtualSite: Bool
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
    var now: Date
    var tokens: [Token] = []
    var pages: [PaymentPage] = []
    var payments: [Payment] = []
    /// Ids issued so far: tokens, payment pages and payments are numbered from the scenario's clock.
    var issued = 0

    /// The most tokens and payment pages kept: older ones are forgotten first.
    static let limit = 1000

    init(_ state: ICPortalState) {
        self.state = state
        self.now = state.clock
    }

    /// A GUID-shaped id derived from the clock, the kind and the count: the same for the same scenario.
    mutating func nextID(_ kind: String) -> String {
        issued += 1
        let hex = SHA256.hex(SHA256.hash(Array("\(kind)|\(state.clock.timeIntervalSince1970)|\(issued)".utf8)))
        let c = Array(hex.prefix(32))
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-"
            + String(c[20..<32])
    }

    func customer(_ account: String) -> ICPortalState.Customer? {
        state.customers.first { $0.accountNumber == account }
    }

    /// Why `value` cannot open a session now; nil when it can.
    func tokenProblem(_ value: String) -> (code: String, message: String)? {
        guard let token = tokens.first(where: { $0.value == value }) else {
            return ("InvalidToken", "the RemoteAuthenticationToken was not issued by Remote Authentication")
        }
        if token.used {
            return ("TokenUsed", "the RemoteAuthenticationToken already opened a session; call Remote Authentication again")
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
