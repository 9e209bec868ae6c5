import ArgumentParser
import Harness
import Wire

struct BIFDiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two BIFs by invoice, row and field.",
        discussion: "Exit status: 0 no difference, 1 differences, 2 a file that cannot be read.")

    @OptionGroup var layout: BIFLayoutOption

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
        for difference in differences { print(difference) }
        print(differences.isEmpty ? "no differences" : "\(differences.count) differences")
        if !differences.isEmpty { throw ExitCode(1) }
    }
}
