import Support

extension HTMLReporter {
    /// The requirement coverage: each id of the catalog with the run's scenarios that cover it and
    /// their verdicts; ids that only scenarios the run did not take cover are marked NOT RUN, and
    /// ids nothing in the suite covers UNCOVERED. A partial run says what it took.
    static func coverage(_ coverage: RunCoverage?, reports: [ScenarioReport], to out: inout HTMLWriter) {
        out.markup("<section id=\"coverage\">\n<h2>Requirement coverage</h2>\n")
        guard let coverage else {
            out.markup("<p class=\"none\">No requirement catalog (requirements.yaml) at the suite root.</p>\n</section>\n")
            return
        }
        let byPath = Dictionary(reports.map { ($0.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
        if let scope = coverage.scope.text {
            out.element(
                "p", "class=\"scope\"",
                text:
                    "Counted over the scenarios this run took (\(scope)): a requirement only other scenarios cover is NOT RUN here."
            )
        }
        out.element("p", "class=\"coverage-counts\"", text: coverage.summary)
        out.markup(
            "\n<table class=\"coverage\">\n<thead><tr><th>Requirement</th><th>Scenarios</th><th>Status</th></tr></thead>\n<tbody>\n"
        )
        for row in coverage.rows {
            let covering = row.scenarios.map { (path: $0, report: byPath[$0]) }
            let status =
                if covering.isEmpty && !row.checks.isEmpty {
                    (class: "passed", text: "certification check")
                } else if RunCoverage.status(of: row) == .notRun {
                    (class: "not-run", text: "NOT RUN")
                } else {
                    coverageStatus(covering.map(\.report))
                }
            out.markup("<tr class=\"\(status.class)\"><td>")
            out.element("code", "class=\"id\"", text: row.id)
            out.markup(" ")
            out.element("span", "class=\"section\"", text: row.section)
            out.element("div", "class=\"quote\"", text: row.quote)
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
            if row.notRun > 0 {
                out.element(
                    "li", "class=\"not-run\"", text: "\(row.notRun) \(row.notRun == 1 ? "scenario" : "scenarios") not in this run"
                )
            }
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
