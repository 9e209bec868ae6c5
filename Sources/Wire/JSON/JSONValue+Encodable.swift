/// A `JSONValue` inside an `Encodable` result.
///
/// `JSONValueEncoder` keeps the value exactly as it is. Another encoder sees the same
/// structure; a number that is not a whole number reaches it as its literal text.
extension JSONValue: Encodable {
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .object:
            try encodeMembers(to: encoder)
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements { try container.encode(element) }
        default:
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .bool(let value): try container.encode(value)
            case .number(let literal):
                if let whole = Int64(literal) { try container.encode(whole) } else { try container.encode(literal) }
            case .string(let value): try container.encode(value)
            case .array, .object: break
            }
        }
    }

    /// Encodes an object's members into the encoder's keyed container, beside members already there.
    public func encodeMembers(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: MemberKey.self)
        for member in objectValue ?? [] { try container.encode(member.value, forKey: MemberKey(member.key)) }
    }

    /// A member's name as a coding key.
    struct MemberKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
