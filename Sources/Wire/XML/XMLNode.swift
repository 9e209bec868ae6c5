/// A node an XPath expression selected, copied out of the document.
public struct XMLNode: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case element, attribute, text, other
    }

    public var kind: Kind
    /// The local name, without prefix.
    public var name: String
    /// The namespace URI, or nil for none.
    public var namespace: String?
    /// The text content: all text of an element and its descendants, an attribute's value.
    public var text: String
    /// The element's attributes as local name and value, in document order.
    public var attributes: [Attribute]
    /// The line it starts on.
    public var line: Int

    public struct Attribute: Sendable, Hashable {
        public var name: String
        public var namespace: String?
        public var value: String
    }

    /// The value of the attribute with this local name, if any.
    public func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
}
