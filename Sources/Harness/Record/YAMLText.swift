import Wire

/// Writes values as YAML a scenario loader reads back exactly: every string double-quoted,
/// anything outside printable ASCII escaped, mappings and sequences in flow style.
enum YAMLText {
    /// `text` as a double-quoted YAML scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case " "..."~": out.unicodeScalars.append(scalar)
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out +=
                    scalar.value <= 0xFFFF
                    ? "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    : "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
            }
        }
        return out + "\""
    }

    /// A JSON value in YAML flow style (strings quoted; numbers, booleans and null as JSON writes them).
    static func flow(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): quoted(text)
        case .array(let elements): "[" + elements.map(flow).joined(separator: ", ") + "]"
        case .object(let members): "{" + members.map { quoted($0.key) + ": " + flow($0.value) }.joined(separator: ", ") + "}"
        default: value.compactText
        }
    }
}
