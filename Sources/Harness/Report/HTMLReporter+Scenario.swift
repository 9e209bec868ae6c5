import Support

extension HTMLReporter {
    /// One scenario as a `<details>`: open when it did not pass, its failures, the golden
    /// files it wrote and its journal.
    static func scenario(_ report: ScenarioReport, to out: inout HTMLWriter) {
        out.markup(
            "<details class=\"scenario \(report.verdict.rawValue)\" id=\"\(anchor(report))\"\(report.passed ? "" : " open")>\n<summary>"
        )
        badge(report, to: &out)
        out.markup(" ")
        out.element("span", "class=\"path\"", text: report.label)
        out.markup(" ")
        out.element("span", "class=\"duration\"", text: "\(report.duration.wholeMilliseconds) ms")
        out.markup("</summary>\n<div class=\"body\">\n<p class=\"meta\">")
        if let name = report.name {
            out.markup("name ")
            out.element("code", text: name)
            out.markup(" · ")
        }
        out.markup("file ")
        out.element("code", text: report.file)
        out.markup("</p>\n")
        for failure in report.failures { self.failure(failure, to: &out) }
        if !report.written.isEmpty {
            out.markup("<p class=\"written\">Wrote:</p>\n<ul class=\"written\">\n")
            for path in report.written {
                out.markup("<li>")
                out.element("code", text: path)
                out.markup("</li>\n")
            }
            out.markup("</ul>\n")
        }
        if let journal = report.journal {
            self.journal(journal, open: !report.passed, to: &out)
        } else if report.verdict == .error {
            out.markup("<p class=\"none\">No journal: the scenario did not run.</p>\n")
        }
        out.markup("</div>\n</details>\n")
    }

    /// A failure's text preformatted: its difference lines as they are, then the unified
    /// diff from its `--- ` header on, each removed, added and hunk line a block of its own
    /// (its line feed inside, so that the text copies as it was).
    static func failure(_ text: String, to out: inout HTMLWriter) {
        out.markup("<pre class=\"failure\">")
        var inDiff = false
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let text = index < lines.count - 1 ? line + "\n" : String(line)
            if !inDiff, line.hasPrefix("--- ") { inDiff = true }
            let kind = inDiff ? diffClass(of: line) : nil
            if let kind {
                out.element("span", "class=\"line \(kind)\"", text: text)
            } else {
                out.text(text)
            }
        }
        out.markup("</pre>\n")
    }

    /// The class of a unified diff's line: `file` for its headers, `hunk`, `del`, `ins`, or nil for context.
    static func diffClass(of line: Substring) -> String? {
        if line.hasPrefix("--- ") || line.hasPrefix("+++ ") { return "file" }
        if line.hasPrefix("@@") { return "hunk" }
        if line.hasPrefix("-") { return "del" }
        if line.hasPrefix("+") { return "ins" }
        return nil
    }
}
