import ArgumentParser
import Harness
import Support
import Wire

struct BIFDiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two BIFs by invoice, row and field.",
        discussion: """
            Each difference names the invoice, row and field, and the line in the actual file. \
            Exit status: 0 no difference, 1 differences, 2 a file that cannot be read.
            """)

    @OptionGroup var layout: BIFLayoutOption

    @Option(
        help:
            "text (one line per difference) or json ({expected, actual, differences: [{kind, invoice, row, field, expected, actual, expectedLine, actualLine}]})."
    )
    var format: BIFValidateCommand.Format = .text

    @Argument(help: "The expected file.")
    var expected: String

    @Argument(help: "The actual file.")
    var actual: String

    func run() async throws {
        let differences: [BIFDifference]
        do {
            let left = try FileByteSource(path: expected)
            let right = try FileByteSource(path: actual)
            differences = try BIFDiff(layout: try layout.load()).compare(expected: left, actual: right)
        } catch let error as InputError {
            printError(error.description)
            throw ExitCode(2)
        } catch let error as BIFDiffError {
            printError("\(error.side == .expected ? expected : actual):\(error.error)")
            throw ExitCode(2)
        }
        switch format {
        case .text:
            for difference in differences { print(difference) }
            print(differences.isEmpty ? "no differences" : "\(differences.count) differences")
        case .json:
            let report = JSONValue.object([
                "expected": .string(expected), "actual": .string(actual), "differences": .array(differences.map(\.json)),
            ])
            print(report.prettyText, terminator: "")
        }
        if !differences.isEmpty { throw ExitCode(1) }
    }
}
