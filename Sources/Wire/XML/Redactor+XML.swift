extension Redactor {
    /// XML text with the content of every element named as a secret (`WebServiceKey`,
    /// `Password`, ...; any prefix) replaced by `&lt;redacted&gt;`.
    public static func redact(xml text: String) -> String {
        guard text.contains("<") else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var rest = text[...]
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[open...close]
            out += tag
            rest = rest[rest.index(after: close)...]
            let name = tag.dropFirst().prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            let localName = name.split(separator: ":").last.map(String.init) ?? ""
            guard !tag.hasSuffix("/>"), !name.hasPrefix("/"), !name.hasPrefix("?"), !name.hasPrefix("!"),
                isSecret(name: localName), let end = rest.firstIndex(of: "<")
            else { continue }
            if rest[..<end].isEmpty { continue }
            out += XMLText.escaped(mark)
            rest = rest[end...]
        }
        out += rest
        return out
    }
}
