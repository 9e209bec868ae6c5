import Support

/// Every exchange a certification of an IMT endpoint made, by purpose: what the checks judge.
///
/// An exchange is nil when it was not made: its flow is not declared, writes are not allowed,
/// or what it needs (an open session) was not there. The checks say which, as a SKIP.
public struct IMTProbes: Sendable {
    /// `POST sessions/` with a password that is not the partner's.
    public var badLogin: CertificationExchange?
    /// `DELETE sessions/{username}` for a session a refused login opened anyway.
    public var badLoginClose: CertificationExchange?
    /// `POST sessions/` with the real credentials.
    public var login: CertificationExchange?
    /// Whether `login` gave a session cookie to send.
    public var hasSession = false
    public var paymentsDue: CertificationExchange?
    public var unknownAccount: CertificationExchange?
    /// `payments-due` for each declared blocking case's account.
    public var blockingCases: [IMTTestAccount: CertificationExchange] = [:]
    public var bill: CertificationExchange?
    public var payment: CertificationExchange?
    /// The same payment again, with the same `transaction_id`.
    public var repeatedPayment: CertificationExchange?
    /// PATCH `paperless: true`, then back to `false`.
    public var paperless: [CertificationExchange] = []
    /// PATCH `bill_mode: autopay`, then back to `direct`.
    public var autopay: [CertificationExchange] = []
    public var close: CertificationExchange?
    /// `payments-due` again with the closed session's cookie.
    public var afterClose: CertificationExchange?
    /// For each declared further environment: its login, payments-due and close.
    public var environments: [[CertificationExchange]] = []

    /// The values sent that a report must not show: passwords, cookies.
    var scrubber = SecretScrubber(secrets: [])
    /// What the run was told: the accounts it used and the declaration.
    public var accounts: [IMTTestAccount: String] = [:]

    /// The evidence of `exchanges`, redacted.
    func evidence(_ exchanges: CertificationExchange?...) -> [CheckEvidence] {
        exchanges.compactMap { $0 }.map { CheckEvidence($0, scrubber: scrubber) }
    }

    func evidence(_ exchanges: [CertificationExchange]) -> [CheckEvidence] {
        exchanges.map { CheckEvidence($0, scrubber: scrubber) }
    }
}
