/// A flow of IC's with IMT that a partner declares it supports, which selects the checks that apply.
public enum IMTCertifiedFlow: String, Sendable, Hashable, CaseIterable {
    case rtdr
    case pdfLinking = "pdf-linking"
    case payments
    case paperless
    case autopay
}

/// The test accounts a declaration may name, one for each case a check needs.
public enum IMTTestAccount: String, Sendable, Hashable, CaseIterable {
    /// The policy RTDR asks for (default `--account`).
    case rtdr
    /// The policy whose bill is fetched (default `--pdf-account`, then `--account`).
    case pdf
    /// The policy payments and enrollment changes are written to (default `--account`).
    case writes
    /// A policy the partner does not have (default `999999999999`).
    case unknown
    /// Policies whose `payment_types` show each blocking case under setting 131.
    case noneBlocked = "none_blocked"
    case ccBlocked = "cc_blocked"
    case achBlocked = "ach_blocked"
    case bothBlocked = "both_blocked"
}
