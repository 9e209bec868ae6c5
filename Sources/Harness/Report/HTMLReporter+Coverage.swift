import Support

extension HTMLReporter {
    /// The requirement coverage: each id of the catalog with the scenarios that cover it and
    /// their verdicts; ids no scenario covers are marked UNCOVERED.
    static func coverage(_ coverage: CoverageReport?, reports: [ScenarioReport], to out: inout HTMLWriter) {
        out.markup("<section id=\"coverage\">\n<h2>Requirement coverage</h2>\n")
        guard let coverage else {
            out.markup("<p class=\"none\">No requirement catalog (requirements.yaml) at the suite root.</p>\n</section>\n")
            return
        }
        let byPath = Dictionary(reports.map { ($0.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
        let uncovered = coverage.uncovered.count
        out.element(
            "p", "class=\"coverage-counts\"",
            text: "\(coverage.rows.count) requirements, \(coverage.rows.count - uncovered) covered, \(uncovered) uncovered")
        out.markup(
            "\n<table class=\"coverage\">\n<thead><tr><th>Requirement</th><th>Scenarios</th><th>Status</th></tr></thead>\n<tbody>\n"
        )
        for row in coverage.rows {
            let covering = row.scenarios.map { (path: $0, report: byPath[$0]) }
            let status =
                covering.isEmpty && !row.checks.isEmpty
                ? (class: "passed", text: "certification check") : coverageStatus(covering.map(\.report))
            out.markup("<tr class=\"\(status.class)\"><td>")
            out.element("code", "class=\"id\"", text: row.requirement.id)
            out.markup(" ")
            out.element("span", "class=\"section\"", text: row.requirement.section)
            out.element("div", "class=\"quote\"", text: row.requirement.quote)
            out.markup("</td><td><ul class=\"links\">")
            for scenario in covering {
                out.markup("<li>")
                if let report = scenario.report {
                    badge(report, to: &out)
                    out.markup(" ")
                    link(to: report, to: &out)
                } else {
                    out.markup("<span class=\"badge error\">NOT RUN</span> ")
                    out.text(scenario.path)
                }
                out.markup("</li>")
            }
            for check in row.checks { out.element("li", text: check) }
            out.markup("</ul></td><td>")
            out.element("span", "class=\"coverage-status \(status.class)\"", text: status.text)
            out.markup("</td></tr>\n")
        }
        out.markup("</tbody>\n</table>\n</section>\n")
    }

    /// A row's class and status: UNCOVERED, passed, or how many of its scenarios did not pass
    /// (a covering scenario without a report counts as not passed).
    static func coverageStatus(_ reports: [ScenarioReport?]) -> (class: String, text: String) {
        if reports.isEmpty { return ("uncovered", "UNCOVERED") }
        let notPassed = reports.count { $0?.passed != true }
        return notPassed == 0 ? ("passed", "passed") : ("failed", "\(notPassed) of \(reports.count) not passed")
    }
}
