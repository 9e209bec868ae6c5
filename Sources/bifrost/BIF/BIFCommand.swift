public import ArgumentParser
import Harness
import Support
public import Wire

/// `bifrost bif`: Biller Invoice File tools.
struct BIFCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bif",
        abstract: "Validate, merge, compare and generate Biller Invoice Files (BIF).",
        subcommands: [
            BIFValidateCommand.self, BIFMergeCommand.self, BIFDiffCommand.self, BIFGenerateCommand.self,
            BIFLayoutCommand.self,
        ])
}

extension BIFProfile: ExpressibleByArgument {}

/// The options every BIF command shares.
struct BIFLayoutOption: ParsableArguments {
    @Option(name: .customLong("layout"), help: "A biller's own layout file (JSON, see `bifrost bif layout`).")
    var path: String?

    /// The layout to use: the file's, or the standard one.
    func load() throws -> BIFLayout {
        guard let path else { return .standard }
        do {
            return try BIFLayoutFile.load(path)
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }
}

/// `mm/dd/yyyy` as a command-line argument.
extension BIFDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
