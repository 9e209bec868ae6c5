extension JSONValue {
    /// The value as compact JSON text.
    public var compactText: String {
        var out = ""
        out.reserveCapacity(256)
        write(to: &out, indent: nil, level: 0)
        return out
    }

    /// The value as JSON text indented by two spaces, ending in a newline: the golden file form.
    public var prettyText: String {
        var out = ""
        write(to: &out, indent: "  ", level: 0)
        out.append("\n")
        return out
    }

    private func write(to out: inout String, indent: String?, level: Int) {
        switch self {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .number(let n): out.append(n)
        case .string(let s): Self.writeString(s, to: &out)
        case .array(let elements):
            writeContainer(elements, open: "[", close: "]", to: &out, indent: indent, level: level) { element, out in
                element.write(to: &out, indent: indent, level: level + 1)
            }
        case .object(let members):
            writeContainer(members, open: "{", close: "}", to: &out, indent: indent, level: level) { member, out in
                Self.writeString(member.key, to: &out)
                out.append(indent == nil ? ":" : ": ")
                member.value.write(to: &out, indent: indent, level: level + 1)
            }
        }
    }

    private func writeContainer<T>(
        _ items: [T], open: String, close: String, to out: inout String, indent: String?, level: Int,
        writeItem: (T, inout String) -> Void
    ) {
        out.append(open)
        guard !items.isEmpty else {
            out.append(close)
            return
        }
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(",") }
            if let indent {
                out.append("\n")
                out.append(String(repeating: indent, count: level + 1))
            }
            writeItem(item, &out)
        }
        if let indent {
            out.append("\n")
            out.append(String(repeating: indent, count: level))
        }
        out.append(close)
    }

    private static func writeString(_ s: String, to out: inout String) {
        out.append("\"")
        // Most strings need no escape: append them whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(s)
            out.append("\"")
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
    }
}
