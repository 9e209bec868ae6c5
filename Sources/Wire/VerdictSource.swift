/// What a verdict stands on: a refusal of a mock, or a required check of a certification.
///
/// Bifrost is strict only where a source says so: a requirement of `Scenarios/requirements.yaml`
/// whose seed quote states the rule, or a clause of a public specification, named precisely
/// (`JSON:API 1.1, Content Negotiation: servers MUST respond 415 …`). A rule with no such
/// source is at most a warning: a recommended check, or a request the mock accepts and journals
/// with the warning.
public enum VerdictSource: Sendable, Hashable, CustomStringConvertible {
    /// A requirement id of the catalog whose quote states the rule.
    case requirement(String)
    /// A clause of a public specification: one of `specifications`, then the clause.
    case specification(String)

    /// The public specifications a clause may come from, as a source names them first.
    public static let specifications = [
        "JSON:API 1.1", "SOAP 1.1", "SOAP 1.2", "RFC 9110", "RFC 8259", "RFC 4648", "RFC 3986", "RFC 6265", "XML 1.0",
        "XML Schema 1.1 Part 2", "WSDL 1.1", "WS-I Basic Profile 1.1", "SAML 2.0 Core", "SAML 2.0 Bindings",
        "SAML 2.0 Profiles",
    ]

    /// `IMT-SESS-001`, or the clause as written.
    public var description: String {
        switch self {
        case .requirement(let id): id
        case .specification(let clause): clause
        }
    }

    /// The requirement id, when the source is one.
    public var requirementID: String? {
        if case .requirement(let id) = self { id } else { nil }
    }

    /// Whether a clause names one of `specifications` and something after it; a requirement is judged against the catalog.
    public var namesKnownSpecification: Bool {
        guard case .specification(let clause) = self else { return true }
        return Self.specifications.contains { clause.hasPrefix($0 + ", ") || clause.hasPrefix($0 + " ") }
    }
}
