/// Encodes an `Encodable` value as a `JSONValue`, keeping members in the order they are encoded.
///
/// Synthesized conformances encode properties in declaration order, so a result type's
/// declaration is the order of its members in a written file. Integers become numbers
/// written as decimals, a `JSONValue` inside a value is kept as it is (numbers as their
/// literal text), and a `nil` encoded with `encodeNil` is `null` (`encodeIfPresent` leaves
/// the member out). Encoding one keyed container twice on one encoder appends to the same
/// object, so a type may flatten another's members into its own.
///
/// ```swift
/// let json = try JSONValueEncoder.encode(RTDRStep.Output(...))
/// ```
public enum JSONValueEncoder {
    /// The value as JSON.
    public static func encode(_ value: some Encodable) throws -> JSONValue {
        if let json = value as? JSONValue { return json }
        let encoder = TreeEncoder(codingPath: [])
        try value.encode(to: encoder)
        return encoder.slot.resolved
    }
}

/// Where one value being encoded is written; containers hold slots of their own.
private final class Slot {
    enum Content {
        case empty
        case value(JSONValue)
        case object([(String, Slot)])
        case array([Slot])
    }

    var content = Content.empty

    var resolved: JSONValue {
        switch content {
        case .empty: .object([])
        case .value(let value): value
        case .object(let members): .object(members.map { .init($0.0, $0.1.resolved) })
        case .array(let elements): .array(elements.map(\.resolved))
        }
    }

    /// Appends a member, making this slot an object if it was empty.
    func append(_ key: String, _ slot: Slot) {
        if case .object(var members) = content {
            members.append((key, slot))
            content = .object(members)
        } else {
            content = .object([(key, slot)])
        }
    }

    /// Appends an element, making this slot an array if it was empty.
    func append(_ slot: Slot) {
        if case .array(var elements) = content {
            elements.append(slot)
            content = .array(elements)
        } else {
            content = .array([slot])
        }
    }

    static func value(_ value: JSONValue) -> Slot {
        let slot = Slot()
        slot.content = .value(value)
        return slot
    }

    /// A slot holding `value` encoded.
    static func encoding(_ value: some Encodable, at path: [any CodingKey]) throws -> Slot {
        if let json = value as? JSONValue { return .value(json) }
        let encoder = TreeEncoder(codingPath: path)
        try value.encode(to: encoder)
        return encoder.slot
    }
}

private struct TreeEncoder: Encoder {
    let codingPath: [any CodingKey]
    let slot: Slot
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(codingPath: [any CodingKey], slot: Slot = Slot()) {
        self.codingPath = codingPath
        self.slot = slot
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .empty = slot.content { slot.content = .object([]) }
        return KeyedEncodingContainer(KeyedSlot<Key>(codingPath: codingPath, slot: slot))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .empty = slot.content { slot.content = .array([]) }
        return UnkeyedSlot(codingPath: codingPath, slot: slot)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleSlot(codingPath: codingPath, slot: slot) }
}

/// The scalars every container writes.
private func scalar(_ value: Bool) -> JSONValue { .bool(value) }
private func scalar(_ value: String) -> JSONValue { .string(value) }
private func scalar(_ value: some BinaryInteger) -> JSONValue { .number(String(value)) }

/// Floating point never reaches a result: money and counts are decimal text or integers.
private func floatingPoint(_ value: some BinaryFloatingPoint, _ path: [any CodingKey]) -> EncodingError {
    EncodingError.invalidValue(
        value, .init(codingPath: path, debugDescription: "a floating-point value; encode money as decimal text"))
}

private struct KeyedSlot<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let codingPath: [any CodingKey]
    let slot: Slot

    mutating func encodeNil(forKey key: Key) throws { slot.append(key.stringValue, .value(.null)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { slot.append(key.stringValue, .value(scalar(value))) }
    mutating func encode(_ value: String, forKey key: Key) throws { slot.append(key.stringValue, .value(scalar(value))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { slot.append(key.stringValue, .value(scalar(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { slot.append(key.stringValue, .value(scalar(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { slot.append(key.stringValue, .value(scalar(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { slot.append(key.stringValue, .value(scalar(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { slot.append(key.stringValue, .value(scalar(value))) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { slot.append(key.stringValue, .value(scalar(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { slot.append(key.stringValue, .value(scalar(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { slot.append(key.stringValue, .value(scalar(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { slot.append(key.stringValue, .value(scalar(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { slot.append(key.stringValue, .value(scalar(value))) }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw floatingPoint(value, codingPath + [key]) }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw floatingPoint(value, codingPath + [key]) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        slot.append(key.stringValue, try .encoding(value, at: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = Slot()
        slot.append(key.stringValue, nested)
        return TreeEncoder(codingPath: codingPath + [key], slot: nested).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = Slot()
        slot.append(key.stringValue, nested)
        return TreeEncoder(codingPath: codingPath + [key], slot: nested).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(codingPath: codingPath, slot: slot) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let nested = Slot()
        slot.append(key.stringValue, nested)
        return TreeEncoder(codingPath: codingPath + [key], slot: nested)
    }
}

private struct UnkeyedSlot: UnkeyedEncodingContainer {
    let codingPath: [any CodingKey]
    let slot: Slot
    var count: Int {
        if case .array(let elements) = slot.content { return elements.count }
        return 0
    }

    mutating func encodeNil() throws { slot.append(.value(.null)) }
    mutating func encode(_ value: Bool) throws { slot.append(.value(scalar(value))) }
    mutating func encode(_ value: String) throws { slot.append(.value(scalar(value))) }
    mutating func encode(_ value: Int) throws { slot.append(.value(scalar(value))) }
    mutating func encode(_ value: Int8) throws { slot.append(.value(scalar(value))) }
    mutating func encode(_ value: Int16) throws { slot.append(.value(scalar(value))) }
    mutating func encode(_ value: Int32) throws { slot.append(.value(scalar(value))) }
    mutating func encode(_ value: Int64) throws { slot.append(.value(scalar(value))) }
    mutating func encode(_ value: UInt) throws { slot.append(.value(scalar(value))) }
    mutating func encode(_ value: UInt8) throws { slot.append(.value(scalar(value))) }
    mutating func encode(_ value: UInt16) throws { slot.append(.value(scalar(value))) }
    mutating func encode(_ value: UInt32) throws { slot.append(.value(scalar(value))) }
    mutating func encode(_ value: UInt64) throws { slot.append(.value(scalar(value))) }
    mutating func encode(_ value: Double) throws { throw floatingPoint(value, codingPath) }
    mutating func encode(_ value: Float) throws { throw floatingPoint(value, codingPath) }
    mutating func encode<T: Encodable>(_ value: T) throws { slot.append(try .encoding(value, at: codingPath)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = Slot()
        slot.append(nested)
        return TreeEncoder(codingPath: codingPath, slot: nested).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = Slot()
        slot.append(nested)
        return TreeEncoder(codingPath: codingPath, slot: nested).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let nested = Slot()
        slot.append(nested)
        return TreeEncoder(codingPath: codingPath, slot: nested)
    }
}

private struct SingleSlot: SingleValueEncodingContainer {
    let codingPath: [any CodingKey]
    let slot: Slot

    mutating func encodeNil() throws { slot.content = .value(.null) }
    mutating func encode(_ value: Bool) throws { slot.content = .value(scalar(value)) }
    mutating func encode(_ value: String) throws { slot.content = .value(scalar(value)) }
    mutating func encode(_ value: Int) throws { slot.content = .value(scalar(value)) }
    mutating func encode(_ value: Int8) throws { slot.content = .value(scalar(value)) }
    mutating func encode(_ value: Int16) throws { slot.content = .value(scalar(value)) }
    mutating func encode(_ value: Int32) throws { slot.content = .value(scalar(value)) }
    mutating func encode(_ value: Int64) throws { slot.content = .value(scalar(value)) }
    mutating func encode(_ value: UInt) throws { slot.content = .value(scalar(value)) }
    mutating func encode(_ value: UInt8) throws { slot.content = .value(scalar(value)) }
    mutating func encode(_ value: UInt16) throws { slot.content = .value(scalar(value)) }
    mutating func encode(_ value: UInt32) throws { slot.content = .value(scalar(value)) }
    mutating func encode(_ value: UInt64) throws { slot.content = .value(scalar(value)) }
    mutating func encode(_ value: Double) throws { throw floatingPoint(value, codingPath) }
    mutating func encode(_ value: Float) throws { throw floatingPoint(value, codingPath) }
    mutating func encode<T: Encodable>(_ value: T) throws { slot.content = try Slot.encoding(value, at: codingPath).content }
}
