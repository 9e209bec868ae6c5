import Foundation

/// Writes a JUnit XML report: one test case per scenario, its failures as the failure text.
public enum JUnitReporter {
    public static func xml(_ reports: [ScenarioReport]) -> String {
        let failures = reports.filter { !$0.passed }.count
        let total = reports.reduce(Duration.zero) { $0 + $1.duration }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites tests=\"\(reports.count)\" failures=\"\(failures)\" time=\"\(seconds(total))\">\n"
        out += "  <testsuite name=\"bifrost\" tests=\"\(reports.count)\" failures=\"\(failures)\" time=\"\(seconds(total))\">\n"
        for report in reports {
            let path = report.scenario.relativePath
            let className = (path as NSString).deletingLastPathComponent.replacingOccurrences(of: "/", with: ".")
            let name = (path as NSString).lastPathComponent
            out +=
                "    <testcase classname=\"\(escape(className))\" name=\"\(escape(name))\" file=\"\(escape(report.scenario.file))\" time=\"\(seconds(report.duration))\""
            if report.passed {
                out += "/>\n"
            } else {
                let message = report.failures.first?.split(separator: "\n").first.map(String.init) ?? "failed"
                out +=
                    ">\n      <failure message=\"\(escape(message))\">\(escape(report.failures.joined(separator: "\n\n")))</failure>\n    </testcase>\n"
            }
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    /// Writes the report at once, so a reader never sees half a file.
    public static func write(_ reports: [ScenarioReport], to file: String) throws {
        try Data(xml(reports).utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
    }

    static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.3f", value)
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            case "\u{00}"..."\u{1F}": out += "\u{FFFD}"  // not allowed in XML 1.0, even escaped
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
