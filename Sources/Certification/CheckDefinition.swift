public import Support
public import Wire

/// One check of a certification, as data: the requirement it tests, how much it matters, and the source it stands on.
///
/// The id is a requirement id of `Scenarios/requirements.yaml`, stable across releases, so a partner's
/// expected-failure list and IC's reading of a report keep meaning the same thing. The seed, section and
/// quote are the catalog's, read from the copy built into the program (`RequirementCatalog.shipped`),
/// so that a report reads without the repository.
///
/// A required check names its `source`: a requirement whose quote states the rule, or a clause of a
/// public specification. A check without one is recommended whatever it asks for: its failure warns,
/// it never fails a certification (`CheckSourcesTests` walks every check).
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
    /// What makes the check's rule binding; nil for a check no seed sentence or specification states.
    public var source: VerdictSource?

    /// A check of `severity` standing on `source`; without a source it is recommended.
    public init(id: String, title: String, severity: Severity, source: VerdictSource?) {
        self.id = id
        self.title = title
        self.severity = source == nil ? .recommended : severity
        self.source = source
    }

    /// A required check: it fails the certification when violated, so it names its source.
    public static func required(_ id: String, _ title: String, source: VerdictSource) -> CheckDefinition {
        CheckDefinition(id: id, title: title, severity: .required, source: source)
    }

    /// A recommended check: its failure is a warning; `source` when a seed or specification prefers it.
    public static func recommended(_ id: String, _ title: String, source: VerdictSource? = nil) -> CheckDefinition {
        CheckDefinition(id: id, title: title, severity: .recommended, source: source)
    }

    /// The catalog's requirement of the id; nil only for an id the catalog lacks, which a test rules out.
    var requirement: RequirementCatalog.Requirement? { RequirementCatalog.shipped.requirement(id) }

    /// The seed file the requirement comes from.
    public var seed: String { requirement?.seed ?? "" }
    /// The seed's section the quote is in.
    public var section: String { requirement?.section ?? "" }
    /// The seed's words the check rests on.
    public var quote: String { requirement?.quote ?? "" }
}

extension CheckDefinition {
    /// Every check of every certification, with the command that runs it, in the order the commands report them.
    public static var everyCheck: [(command: String, definition: CheckDefinition)] {
        IMTCheck.definitions.map { ("certify imt", $0) } + ICCheck.definitions.map { ("certify ic", $0) }
            + BIFCheck.definitions.map { ("certify bif", $0) }
            + ClientCheck.imtDefinitions.map { ("serve imt --certify", $0) }
            + ClientCheck.icDefinitions.map { ("serve ic --certify", $0) }
    }

    /// The checks that count as requirement coverage, each with the command that runs it: `certify imt` and `certify ic`.
    public static var covering: [CoveringCheck] {
        IMTCheck.definitions.map { CoveringCheck(command: "certify imt", id: $0.id, title: $0.title) }
            + ICCheck.definitions.map { CoveringCheck(command: "certify ic", id: $0.id, title: $0.title) }
    }
}
