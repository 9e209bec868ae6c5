/// Builds an HTML document in one string: text is escaped unless it is written as markup.
///
/// Everything a scenario supplies (names, paths, diffs, journal bodies) goes through
/// `text(_:)`, so a `<script>` in it reaches the page as the characters `<script>`.
struct HTMLWriter {
    private(set) var html = ""

    init(capacity: Int = 64 << 10) { html.reserveCapacity(capacity) }

    /// Appends markup as it is: only for the reporter's own tags, never for a scenario's text.
    mutating func markup(_ markup: String) { html.append(markup) }

    /// Appends `text` escaped for an element's content or a double-quoted attribute.
    mutating func text(_ text: String) { html.append(Self.escaped(text)) }

    /// Appends `<tag attributes>`, the text escaped, and `</tag>`.
    mutating func element(_ tag: String, _ attributes: String = "", text content: String) {
        html.append("<\(tag)\(attributes.isEmpty ? "" : " " + attributes)>")
        text(content)
        html.append("</\(tag)>")
    }

    /// ` name="value"` with the value escaped.
    static func attribute(_ name: String, _ value: String) -> String { "\(name)=\"\(escaped(value))\"" }

    /// `text` with `& < > " '` as character references and control characters other than
    /// tab, line feed and carriage return replaced by U+FFFD.
    static func escaped(_ text: String) -> String {
        // Most text needs no escape: return it whole.
        guard text.utf8.contains(where: Self.needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append("&amp;")
            case "<": out.append("&lt;")
            case ">": out.append("&gt;")
            case "\"": out.append("&quot;")
            case "'": out.append("&#39;")
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case "\u{00}"..."\u{1F}", "\u{7F}": out.append("\u{FFFD}")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0x7F: true
        case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): false
        default: byte < 0x20
        }
    }
}
