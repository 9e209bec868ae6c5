import Support
import Wire

extension HTMLReporter {
    /// The exchange journal: one line per exchange (partner, method, path and query, status,
    /// fault) with its request and its response each in a `<details>` of their own, closed.
    ///
    /// - Parameter open: whether the list of exchanges shows at first (the bodies stay closed).
    static func journal(_ journal: JSONValue, open: Bool, to out: inout HTMLWriter) {
        let entries = journal.arrayValue ?? [journal]
        out.markup("<details class=\"journal\"\(open && !entries.isEmpty ? " open" : "")>\n<summary>")
        out.text("Journal: \(entries.count) \(entries.count == 1 ? "exchange" : "exchanges")")
        out.markup("</summary>\n")
        guard !entries.isEmpty else {
            out.markup("<p class=\"none\">No exchange with the mocks.</p>\n</details>\n")
            return
        }
        out.markup("<ol class=\"exchanges\">\n")
        for entry in entries { exchange(entry, to: &out) }
        out.markup("</ol>\n</details>\n")
    }

    /// One journal entry; an entry not shaped like an exchange shows as its JSON.
    static func exchange(_ entry: JSONValue, to out: inout HTMLWriter) {
        guard let request = entry["request"], let response = entry["response"] else {
            out.markup("<li><pre class=\"body\">")
            out.text(entry.prettyText)
            out.markup("</pre></li>\n")
            return
        }
        // The journal's own number, which differs from the position once a long journal dropped its first entries.
        out.markup(entry["seq"].map { "<li \(HTMLWriter.attribute("value", scalarText($0)))>" } ?? "<li>")
        out.markup("\n<div class=\"exchange\">")
        if let partner = entry["partner"]?.stringValue { out.element("span", "class=\"partner\"", text: partner) }
        out.markup(" ")
        out.element("code", text: requestLine(request))
        out.markup(" → ")
        let status = response["status"].map(scalarText) ?? "?"
        // The class names the status's hundred (`s2xx`); a status that is not a number gets `sxxx`.
        let hundred = status.first.flatMap { $0.isASCII && $0.isNumber ? String($0) : nil } ?? "x"
        out.element("span", "class=\"status s\(hundred)xx\"", text: status)
        if let fault = response["fault"] {
            out.markup(" ")
            out.element("span", "class=\"fault\"", text: "fault: \(scalarText(fault))")
        }
        out.markup("</div>\n")
        message("Request", request, to: &out)
        message("Response", response, to: &out)
        out.markup("</li>\n")
    }

    /// `METHOD /path?name=value&…`.
    static func requestLine(_ request: JSONValue) -> String {
        var line = "\(request["method"].map(scalarText) ?? "?") \(request["path"].map(scalarText) ?? "")"
        let query = (request["query"]?.arrayValue ?? []).map { item in
            "\(item["name"].map(scalarText) ?? "")=\(item["value"].map(scalarText) ?? "")"
        }
        if !query.isEmpty { line += "?" + query.joined(separator: "&") }
        return line
    }

    /// A request or a response, closed: its headers as `Name: value` lines, then its body.
    static func message(_ title: String, _ message: JSONValue, to out: inout HTMLWriter) {
        let headers = message["headers"]?.objectValue ?? []
        let body = message["body"] ?? .null
        out.markup("<details class=\"message\"><summary>")
        out.text(title)
        if case .object(let members) = body, members.count == 1, let bytes = body["bytes"] {
            out.text(" (\(scalarText(bytes)) bytes, not text)")
        } else if body == .null {
            out.text(" (no body)")
        }
        out.markup("</summary><pre class=\"body\">")
        for header in headers {
            out.text("\(header.key): \(scalarText(header.value))\n")
        }
        if !headers.isEmpty, body != .null { out.markup("\n") }
        switch body {
        case .null: break
        case .string(let text): out.text(text)
        default: out.text(body.prettyText)
        }
        out.markup("</pre></details>\n")
    }

    /// A string as it is, anything else as compact JSON.
    static func scalarText(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .number(let number): number
        default: value.compactText
        }
    }
}
