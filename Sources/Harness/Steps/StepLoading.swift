import Support
public import Wire
import Yams

/// What a step kind reads its node with: the reader, the scenario's profile and clock, and
/// the files the steps before it can read.
public struct StepLoading {
    let reader: YAMLReader
    public let profile: Scenario.Profile
    public let clock: ScenarioClock
    /// The scenario's files and the outputs of the steps read so far.
    public private(set) var known: Set<String>

    init(reader: YAMLReader, profile: Scenario.Profile, clock: ScenarioClock, files: Set<String>) {
        self.reader = reader
        self.profile = profile
        self.clock = clock
        self.known = files
    }

    /// The BIF rules of the scenario's profile.
    public var bifProfile: BIFProfile { BIFProfile(rawValue: profile.rawValue) ?? .common }

    /// A file the step reads: it must exist by then.
    func file(_ node: Node) throws(InputError) -> String {
        let name = try reader.nonEmptyText(node, what: "a file name")
        guard known.contains(name) else {
            let names = known.sorted().joined(separator: ", ")
            throw reader.error("no file '\(name)' in the scenario's files or earlier steps' outputs (\(names))", at: node)
        }
        return name
    }

    /// A file the step writes: a new `.bif` name (any name under `anyKind`), which later steps may read.
    mutating func output(_ node: Node, anyKind: Bool = false) throws(InputError) -> String {
        let name = try reader.nonEmptyText(node, what: "an output name")
        guard anyKind || name.hasSuffix(".bif"), !name.contains("/"), name != ".", name != ".." else {
            throw reader.error("an output name \(anyKind ? "" : "ends in .bif and ")has no folder, e.g. import.bif", at: node)
        }
        let reserved = ScenarioLoader.goldenOutputs.map(\.output.fileName)
        guard !reserved.contains(name) else {
            throw reader.error(
                "'\(name)' is the name of one of the run's own outputs (\(reserved.joined(separator: ", ")))", at: node)
        }
        guard !known.contains(name) else { throw reader.error("'\(name)' already names a file of the scenario", at: node) }
        known.insert(name)
        return name
    }

    /// An optional `soap:` version, SOAP 1.1 when left out.
    func soapVersion(_ node: Node?) throws(InputError) -> SOAPVersion {
        try node.map { node throws(InputError) in try reader.choice(node, what: "SOAP version", of: SOAPVersion.self) } ?? .v11
    }

    /// An optional non-empty text member.
    func optionalText(_ node: Node?, what: String) throws(InputError) -> String? {
        try node.map { node throws(InputError) in try reader.nonEmptyText(node, what: what) }
    }
}
