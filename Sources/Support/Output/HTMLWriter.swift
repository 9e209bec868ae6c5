/// Builds an HTML document in one string: text is escaped unless it is written as markup.
///
/// Everything a scenario supplies (names, paths, diffs, journal bodies) goes through
/// `text(_:)`, so a `<script>` in it reaches the page as the characters `<script>`.
public struct HTMLWriter: Sendable {
    public private(set) var html = ""

    public init(capacity: Int = 64 << 10) { html.reserveCapacity(capacity) }

    /// Appends markup as it is: only for the reporter's own tags, never for a scenario's text.
    public mutating func markup(_ markup: String) { html.append(markup) }

    /// Appends `text` escaped for an element's content (quotes stay as they are).
    public mutating func text(_ text: String) { html.append(MarkupText.content(text)) }

    /// Appends `<tag attributes>`, the text escaped, and `</tag>`.
    public mutating func element(_ tag: String, _ attributes: String = "", text content: String) {
        html.append("<\(tag)\(attributes.isEmpty ? "" : " " + attributes)>")
        text(content)
        html.append("</\(tag)>")
    }

    /// `name="value"`, the value escaped.
    public static func attribute(_ name: String, _ value: String) -> String { "\(name)=\"\(MarkupText.attribute(value))\"" }
}
