public import Wire
public import Yams

extension JSONValue {
    /// A YAML document as the JSON an editor's schema check sees: scalars typed as YAML reads them.
    ///
    /// A quoted scalar is a string; a plain one is a number, a boolean or null when YAML
    /// resolves it so (`24`, `1.2`, `true`, `~`), else a string (a timestamp too). Keys are their text.
    public init(yaml text: String) throws {
        guard let node = try Yams.compose(yaml: text) else {
            self = .null
            return
        }
        self.init(yaml: node)
    }

    /// A YAML node as JSON.
    public init(yaml node: Node) {
        if let mapping = node.mapping {
            self = .object(mapping.map { Member($0.key.scalar?.string ?? "", JSONValue(yaml: $0.value)) })
        } else if let sequence = node.sequence {
            self = .array(sequence.map { JSONValue(yaml: $0) })
        } else if let scalar = node.scalar {
            self = Self.scalar(scalar, of: node)
        } else {
            self = .null
        }
    }

    private static func scalar(_ scalar: Node.Scalar, of node: Node) -> JSONValue {
        switch Resolver.default.resolveTag(of: node) {
        case .int: node.int.map { .number("\($0)") } ?? .string(scalar.string)
        case .float: node.float.flatMap { $0.isFinite ? .number("\($0)") : nil } ?? .string(scalar.string)
        case .bool: node.bool.map(JSONValue.bool) ?? .string(scalar.string)
        case .null: .null
        default: .string(scalar.string)
        }
    }
}
