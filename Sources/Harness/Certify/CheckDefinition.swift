/// One check of a certification, as data: the requirement it tests, how much it matters, and the seed text it rests on.
///
/// The id is a requirement id of `Scenarios/requirements.yaml`, stable across releases, so a partner's
/// expected-failure list and IC's reading of a report keep meaning the same thing. The quote is the
/// catalog's, copied here so that a report reads without the repository (a test keeps the two equal).
public struct CheckDefinition: Sendable, Hashable {
    /// How much a failure matters: a required check failing fails the certification; a recommended one warns.
    public enum Severity: String, Sendable, Hashable, CaseIterable {
        case required
        case recommended
    }

    public var id: String
    /// What the check asserts, in one line.
    public var title: String
    public var severity: Severity
    public var seed: String
    public var section: String
    public var quote: String

    public init(id: String, title: String, severity: Severity, seed: String, section: String, quote: String) {
        self.id = id
        self.title = title
        self.severity = severity
        self.seed = seed
        self.section = section
        self.quote = quote
    }
}
