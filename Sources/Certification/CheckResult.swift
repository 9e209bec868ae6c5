/// A check's verdict with its message and evidence, as the reports show it.
public struct CheckResult: Sendable {
    public var check: CheckDefinition
    public var verdict: CheckVerdict
    public var message: String
    public var evidence: [CheckEvidence]
    /// The partner's reason when the failure is one it declared expected (`--expected-failures`).
    public var acknowledged: String?
    /// Set when an expected failure did not happen: the list is out of date.
    public var unexpectedPass = false

    /// The verdict of `outcome` under the check's severity: a violated required check fails, a recommended one warns.
    public init(check: CheckDefinition, outcome: CheckOutcome) {
        self.check = check
        self.message = outcome.message
        self.evidence = outcome.evidence
        verdict =
            switch outcome.finding {
            case .met: .pass
            case .violated: check.severity == .required ? .fail : .warn
            case .doubtful: .warn
            case .skipped: .skip
            }
    }

    /// Whether this result fails the certification: a required check failed and the failure was not acknowledged.
    public var failsCertification: Bool { verdict == .fail && acknowledged == nil }
}
