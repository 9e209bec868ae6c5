/// Text escaped for HTML and XML, byte by byte: the HTML report's and JUnit's `<system-out>` one piece.
///
/// Works on UTF-8 bytes rather than characters because the journals it escapes run to
/// megabytes: the runs of bytes between two that need an escape are copied whole.
public enum MarkupText {
    /// `text` for an element's content: `& < >` as character references; control characters
    /// other than tab, line feed and carriage return (not allowed in XML 1.0, even escaped)
    /// as U+FFFD.
    public static func content(_ text: String) -> String { escaped(text, quotes: false) }

    /// `text` for a double- or single-quoted attribute: as `content`, and `" '` as references too.
    public static func attribute(_ text: String) -> String { escaped(text, quotes: true) }

    private static func escaped(_ text: String, quotes: Bool) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: { needsEscape($0, quotes: quotes) }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8 + 16)
            var start = 0
            var index = first
            while index < bytes.count {
                let byte = bytes[index]
                if !needsEscape(byte, quotes: quotes) {
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                switch byte {
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
                default: out.append(contentsOf: [0xEF, 0xBF, 0xBD])  // U+FFFD for a control character
                }
                index += 1
                start = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    private static func needsEscape(_ byte: UInt8, quotes: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), 0x7F: true
        case UInt8(ascii: "\""), UInt8(ascii: "'"): quotes
        case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): false
        default: byte < 0x20
        }
    }
}
