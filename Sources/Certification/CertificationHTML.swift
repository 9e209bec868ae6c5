import Foundation
import Support

/// A certification report as one static HTML page a partner can hand to IC: what was certified, when,
/// with which tool and settings, the summary, and every check with its verdict, the seed text it rests
/// on and the redacted exchanges it judged. Reads offline: inline CSS, no script, every text escaped.
public enum CertificationHTML {
    public static let fileName = "index.html"

    /// Writes `folder/index.html` atomically, making `folder` (not its parents) when missing; returns its path.
    @discardableResult
    public static func write(_ report: CertificationReport, toFolder folder: String) throws -> String {
        try ReportFile.makeFolder(folder)
        let file = (folder as NSString).appendingPathComponent(fileName)
        try ReportFile.write(page(report), to: file)
        return file
    }

    public static func page(_ report: CertificationReport) -> String {
        var out = HTMLWriter()
        out.markup(
            """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">

            """)
        out.element("title", text: "Bifrost certification (\(report.kind)): \(report.summaryLine)")
        out.markup("\n<style>\n\(css)</style>\n</head>\n<body>\n<header>\n")
        out.element("h1", text: "Certification of \(report.subject)")
        out.markup("<p class=\"result \(report.passed ? "passed" : "failed")\">")
        out.text(report.summaryLine)
        out.markup("</p>\n</header>\n<main>\n<section id=\"run\">\n<h2>Run</h2>\n<table class=\"facts\">\n")
        let facts =
            report.target + [("date", report.dateText), ("tool", "bifrost \(report.toolVersion)"), ("profile", report.profile)]
        for (name, value) in facts + report.settings {
            let warning = value.contains("OFF (--insecure)")
            out.markup("<tr\(warning ? " class=\"warning\"" : "")><th>")
            out.text(name)
            out.markup("</th><td>")
            out.text(value)
            out.markup("</td></tr>\n")
        }
        out.markup("</table>\n</section>\n<section id=\"summary\">\n<h2>Summary</h2>\n<table class=\"summary\">\n")
        out.markup("<thead><tr><th>Check</th><th>Severity</th><th>Verdict</th><th>What was seen</th></tr></thead>\n<tbody>\n")
        for result in report.results {
            out.markup("<tr class=\"\(verdictClass(result))\"><td><a href=\"#\(result.check.id)\">")
            out.text(result.check.id)
            out.markup("</a></td><td>")
            out.text(result.check.severity.rawValue)
            out.markup("</td><td><span class=\"badge \(verdictClass(result))\">")
            out.text(verdictText(result))
            out.markup("</span></td><td>")
            out.text(result.message)
            out.markup("</td></tr>\n")
        }
        out.markup("</tbody>\n</table>\n</section>\n<section id=\"checks\">\n<h2>Checks</h2>\n")
        for result in report.results { check(result, to: &out) }
        out.markup("</section>\n</main>\n</body>\n</html>\n")
        return out.html
    }

    static func check(_ result: CheckResult, to out: inout HTMLWriter) {
        let open = result.verdict == .fail || result.verdict == .warn
        out.markup(
            "<details id=\"\(MarkupText.attribute(result.check.id))\" class=\"check \(verdictClass(result))\"\(open ? " open" : "")><summary>"
        )
        out.markup("<span class=\"badge \(verdictClass(result))\">")
        out.text(verdictText(result))
        out.markup("</span> ")
        out.element("code", text: result.check.id)
        out.markup(" ")
        out.text(result.check.title)
        out.markup(" <span class=\"severity\">")
        out.text(result.check.severity.rawValue)
        out.markup("</span></summary>\n")
        out.element("p", "class=\"message\"", text: result.message)
        if let reason = result.acknowledged {
            out.element("p", "class=\"acknowledged\"", text: "Acknowledged by the partner: \(reason)")
        }
        if result.unexpectedPass {
            out.element("p", "class=\"acknowledged\"", text: "Listed as an expected failure, but it passed.")
        }
        out.markup("<blockquote>")
        out.text(result.check.quote)
        out.markup("<footer>")
        out.text("\(result.check.seed), \(result.check.section)")
        out.markup("</footer></blockquote>\n")
        for evidence in result.evidence {
            out.markup("<div class=\"evidence\">")
            out.element("h4", text: evidence.label)
            out.element("pre", text: CertificationText.evidence([evidence]))
            out.markup("</div>\n")
        }
        out.markup("</details>\n")
    }

    static func verdictText(_ result: CheckResult) -> String {
        result.acknowledged != nil ? "\(result.verdict.rawValue) (acknowledged)" : result.verdict.rawValue
    }

    static func verdictClass(_ result: CheckResult) -> String {
        result.acknowledged != nil ? "acknowledged" : result.verdict.rawValue.lowercased()
    }

    static let css = """
        body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 70em; color: #222; }
        h1 { margin-bottom: 0.2em; }
        .result { font-size: 1.2em; font-weight: bold; }
        .result.passed { color: #1a7f37; } .result.failed { color: #cf222e; }
        table { border-collapse: collapse; width: 100%; margin-bottom: 1em; }
        th, td { text-align: left; padding: 0.3em 0.6em; border-bottom: 1px solid #ddd; vertical-align: top; }
        table.facts th { width: 12em; }
        tr.warning td { color: #cf222e; font-weight: bold; }
        .badge { display: inline-block; padding: 0.1em 0.5em; border-radius: 0.3em; font-weight: bold; font-size: 0.9em; }
        .badge.pass { background: #dafbe1; color: #1a7f37; } .badge.fail { background: #ffebe9; color: #cf222e; }
        .badge.warn { background: #fff8c5; color: #9a6700; } .badge.skip { background: #eee; color: #555; }
        .badge.acknowledged { background: #ddf4ff; color: #0969da; }
        details.check { border: 1px solid #ddd; border-radius: 0.4em; margin: 0.5em 0; padding: 0.4em 0.8em; }
        details.check summary { cursor: pointer; }
        .severity { color: #666; font-size: 0.85em; }
        blockquote { margin: 0.5em 0; padding: 0.3em 0.8em; border-left: 3px solid #ccc; color: #444; }
        blockquote footer { font-size: 0.85em; color: #777; }
        pre { background: #f6f8fa; padding: 0.6em; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
        .acknowledged { color: #0969da; }

        """
}
