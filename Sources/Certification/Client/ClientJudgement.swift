/// What one check found in one exchange a partner's client had with a mock.
public enum ClientJudgement: Sendable, Hashable {
    /// The check is not about this exchange.
    case notApplicable
    case conforms
    /// The request broke the check's requirement: why, and the findings behind it (a BIF's, one a line).
    case violates(String, findings: [String] = [])
}
