import ArgumentParser
import Harness
import Support
import Wire

struct BIFValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check BIF files against the common rules and a profile's.",
        discussion: """
            Findings print as file:line:field: RULE-ID: message. Exit status: 0 no error \
            (warnings allowed), 1 an error finding, 2 a usage error or a file that cannot be opened.
            """)

    enum Format: String, ExpressibleByArgument {
        case text
        case json
    }

    /// The findings `--format json` lists per file; the counts still count them all.
    static let maximumJSONFindings = 10_000

    @Option(help: "The rules beyond the common ones: \(BIFProfile.allCases.map(\.rawValue).joined(separator: ", ")).")
    var profile: BIFProfile = .common

    @Option(help: "text or json.")
    var format: Format = .text

    @OptionGroup var layout: BIFLayoutOption

    @Argument(help: "The files to check.")
    var files: [String]

    func run() async throws {
        let validator = BIFValidator(layout: try layout.load(), profile: profile)
        var failed = false
        var reports: [JSONValue] = []
        for file in files {
            let source: FileByteSource
            do {
                source = try FileByteSource(path: file)
            } catch {
                printError(error.description)
                throw ExitCode(2)
            }
            var findings: [JSONValue] = []
            let summary: BIFValidationSummary
            do {
                summary = try validator.validate(source) { finding in
                    switch format {
                    case .text: print(finding.text(file: file))
                    case .json where findings.count < Self.maximumJSONFindings: findings.append(finding.json)
                    case .json: break
                    }
                }
            } catch {
                printError("\(file): \(error)")
                throw ExitCode(2)
            }
            failed = failed || summary.errors > 0
            if format == .json {
                reports.append(
                    .object([
                        "file": .string(file), "profile": .string(profile.rawValue), "lines": .number(String(summary.lines)),
                        "invoices": .number(String(summary.invoices)), "errors": .number(String(summary.errors)),
                        "warnings": .number(String(summary.warnings)), "findings": .array(findings),
                    ]))
            } else if summary.errors == 0 {
                print("\(file): \(summary.invoices) invoices, no errors (\(profile.rawValue))")
            }
        }
        if format == .json { print(JSONValue.array(reports).prettyText, terminator: "") }
        if failed { throw ExitCode(1) }
    }
}
