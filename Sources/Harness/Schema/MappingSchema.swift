/// The members a YAML mapping may hold: what the loader allows and requires, and what the
/// scenario schema describes.
///
/// One table serves both, so a member the loader reads is a member the schema lists:
///
/// ```swift
/// static let schema = MappingSchema(
///     "IC's real-time balance retrieval for an account.",
///     .required("account", .text, "The policy number."),
///     .optional("invoice_type", .text, "The InvoiceTypeID that picks the environment."))
/// ```
public struct MappingSchema: Sendable {
    /// What the mapping stands for, one sentence.
    public var description: String
    /// The members, in the order the schema lists them.
    public var members: [Member]

    public init(_ description: String, _ members: [Member]) {
        self.description = description
        self.members = members
    }

    public init(_ description: String, _ members: Member...) {
        self.init(description, members)
    }

    /// The names the loader allows.
    public var allowed: [String] { members.map(\.name) }

    /// The names the loader requires.
    public var required: [String] { members.filter(\.isRequired).map(\.name) }

    /// The member named `name`.
    public func member(_ name: String) -> Member? {
        members.first { $0.name == name }
    }

    /// One member of a mapping: its key, its value and whether it must be given.
    public struct Member: Sendable {
        public var name: String
        public var value: SchemaValue
        public var description: String
        public var isRequired: Bool

        public init(_ name: String, _ value: SchemaValue, _ description: String, isRequired: Bool) {
            self.name = name
            self.value = value
            self.description = description
            self.isRequired = isRequired
        }

        /// A member the mapping must hold.
        public static func required(_ name: String, _ value: SchemaValue, _ description: String) -> Member {
            Member(name, value, description, isRequired: true)
        }

        /// A member the mapping may leave out.
        public static func optional(_ name: String, _ value: SchemaValue, _ description: String) -> Member {
            Member(name, value, description, isRequired: false)
        }
    }
}
