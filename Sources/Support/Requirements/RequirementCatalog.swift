import Foundation
import Yams

/// The normative statements of the seeds, each with a stable id (`Scenarios/requirements.yaml`).
///
/// ```yaml
/// requirements:
///   - id: IMT-SESS-001
///     seed: 000_65f71bf3b937da3c.txt
///     section: sessions
///     quote: "Creates a session with an IC username and password. returns a cookie ..."
///     conflicts:                     # optional: another seed that says otherwise, and what Bifrost does
///       - {seed: 002_….txt, quote: "...", decision: "...", reason: "..."}
/// ```
public struct RequirementCatalog: Sendable {
    public struct Requirement: Sendable, Hashable {
        public var id: String
        public var seed: String
        public var section: String
        public var quote: String
        public var conflicts: [Conflict] = []
    }

    /// Another seed's statement that disagrees with a requirement's, and how Bifrost decided.
    public struct Conflict: Sendable, Hashable {
        public var seed: String
        public var quote: String
        public var decision: String
        public var reason: String
    }

    public static let fileName = "requirements.yaml"

    public var file: String
    public var requirements: [Requirement]

    public init(file: String, requirements: [Requirement] = []) {
        self.file = file
        self.requirements = requirements
    }

    public func contains(_ id: String) -> Bool { requirements.contains { $0.id == id } }

    /// The requirement with the id `id`, if the catalog has it.
    public func requirement(_ id: String) -> Requirement? { requirements.first { $0.id == id } }

    /// Loads the catalog; ids must be unique and shaped like `IMT-RTDR-001`.
    public static func load(file: String) throws(InputError) -> RequirementCatalog {
        try read(try InputError.text(ofFile: file), file: file)
    }

    /// Reads the catalog from its text, errors placed in `file`.
    public static func read(_ text: String, file: String) throws(InputError) -> RequirementCatalog {
        let reader = YAMLReader(file: file)
        let root = try reader.root(of: text)
        let top = try reader.mapping(
            root, what: "a requirement catalog", allowed: ["requirements"], required: ["requirements"])
        var requirements: [Requirement] = []
        for node in try reader.sequence(reader.required("requirements", in: top, at: root), what: "requirements") {
            let fields = try reader.mapping(
                node, what: "a requirement", allowed: ["id", "seed", "section", "quote", "conflicts"],
                required: ["id", "seed", "section", "quote"])
            let idNode = try reader.required("id", in: fields, at: node)
            let id = try reader.nonEmptyText(idNode, what: "id")
            guard isRequirementID(id) else {
                throw reader.error("requirement id '\(id)' must look like IMT-RTDR-001", at: idNode)
            }
            guard !requirements.contains(where: { $0.id == id }) else {
                throw reader.error("requirement id '\(id)' is defined twice", at: idNode)
            }
            requirements.append(
                Requirement(
                    id: id,
                    seed: try reader.nonEmptyText(reader.required("seed", in: fields, at: node), what: "seed"),
                    section: try reader.nonEmptyText(reader.required("section", in: fields, at: node), what: "section"),
                    quote: try reader.nonEmptyText(reader.required("quote", in: fields, at: node), what: "quote"),
                    conflicts: try fields["conflicts"].map { node throws(InputError) in try conflicts(node, reader) } ?? []))
        }
        return RequirementCatalog(file: file, requirements: requirements)
    }

    /// `IMT-RTDR-001`: capitals, then one or more groups of capitals and digits, each after a `-`.
    static func isRequirementID(_ id: String) -> Bool {
        let groups = id.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        let isCapital = { (byte: UInt8) in byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        guard groups.count >= 2, groups.allSatisfy({ !$0.isEmpty }), groups[0].allSatisfy(isCapital) else { return false }
        return groups.dropFirst().allSatisfy { $0.allSatisfy { isCapital($0) || isDigit($0) } }
    }

    /// `conflicts:`, a list of `{seed, quote, decision, reason}`, every member required.
    static func conflicts(_ node: Node, _ reader: YAMLReader) throws(InputError) -> [Conflict] {
        let names = ["seed", "quote", "decision", "reason"]
        var found: [Conflict] = []
        for element in try reader.sequence(node, what: "conflicts") {
            let fields = try reader.mapping(element, what: "a conflict", allowed: names, required: names)
            var texts: [String] = []
            for name in names {
                texts.append(try reader.nonEmptyText(reader.required(name, in: fields, at: element), what: name))
            }
            found.append(Conflict(seed: texts[0], quote: texts[1], decision: texts[2], reason: texts[3]))
        }
        return found
    }
}
