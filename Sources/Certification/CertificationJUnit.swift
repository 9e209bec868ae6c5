import Support

/// A certification report as JUnit XML: one test suite, one test case per check, named by its id.
///
/// A failed required check is a `<failure>`, a skipped one `<skipped>`; a warning or an acknowledged
/// failure passes, its message in `<system-out>`. The evidence of a failure is its text. The file
/// validates against Jenkins xunit's `junit-10.xsd` (`Tests/Schemas/junit-10.xsd`).
public enum CertificationJUnit {
    public static func xml(_ report: CertificationReport) -> String {
        let summary = report.summary
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        // Jenkins xunit's junit-10.xsd allows `skipped` on a suite, not on the root.
        let counts = "tests=\"\(report.results.count)\" failures=\"\(summary.failed)\" errors=\"0\""
        out += "<testsuites name=\"bifrost certify \(escape(report.kind))\" \(counts)>\n"
        out +=
            "  <testsuite name=\"certify.\(escape(report.kind))\" \(counts) skipped=\"\(summary.skipped)\" timestamp=\"\(report.dateText)\">\n"
        for result in report.results {
            out +=
                "    <testcase classname=\"certify.\(escape(report.kind))\" name=\"\(escape(result.check.id)): \(escape(result.check.title))\""
            let message = escape(result.message)
            if let reason = result.acknowledged {
                out +=
                    ">\n      <system-out>\(escape("acknowledged (\(reason)): \(result.message)"))</system-out>\n    </testcase>\n"
                continue
            }
            switch result.verdict {
            case .pass: out += "/>\n"
            case .skip: out += ">\n      <skipped message=\"\(message)\"/>\n    </testcase>\n"
            case .warn: out += ">\n      <system-out>\(escape("WARN: " + result.message))</system-out>\n    </testcase>\n"
            case .fail:
                out += ">\n      <failure message=\"\(message)\" type=\"\(escape(result.check.severity.rawValue))\">"
                out += escape(CertificationText.evidence(result.evidence))
                out += "</failure>\n    </testcase>\n"
            }
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    static func escape(_ text: String) -> String { MarkupText.attribute(text) }
}
