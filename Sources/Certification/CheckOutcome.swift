/// What judging one check found, before severity and expected failures are applied.
public struct CheckOutcome: Sendable {
    /// Met, not met, or not judged.
    public enum Finding: Sendable, Hashable {
        case met
        /// The requirement is not met.
        case violated
        /// Met in a way the contract does not prefer (always a warning, whatever the severity).
        case doubtful
        /// Not judged, with the reason (not declared, no writes allowed, a prerequisite failed).
        case skipped
    }

    public var finding: Finding
    /// One sentence: what was seen, or why nothing was judged.
    public var message: String
    /// The exchanges the finding rests on.
    public var evidence: [CheckEvidence]

    public init(_ finding: Finding, _ message: String, evidence: [CheckEvidence] = []) {
        self.finding = finding
        self.message = message
        self.evidence = evidence
    }

    public static func met(_ message: String, _ evidence: [CheckEvidence] = []) -> CheckOutcome {
        .init(.met, message, evidence: evidence)
    }
    public static func violated(_ message: String, _ evidence: [CheckEvidence] = []) -> CheckOutcome {
        .init(.violated, message, evidence: evidence)
    }
    public static func doubtful(_ message: String, _ evidence: [CheckEvidence] = []) -> CheckOutcome {
        .init(.doubtful, message, evidence: evidence)
    }
    public static func skipped(_ reason: String) -> CheckOutcome { .init(.skipped, reason) }
}
