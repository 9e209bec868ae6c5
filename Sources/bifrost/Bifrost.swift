import ArgumentParser
import Foundation
import Harness
import Support

/// The `bifrost` command line: thin, it parses arguments and calls the harness.
@main
struct Bifrost: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bifrost",
        abstract: "Conformance harness and mock partner for Invoice Cloud and IMT integrations.",
        version: BuildInfo.versionLine,
        subcommands: [
            RunCommand.self, ReviewCommand.self, ServeCommand.self, RecordCommand.self, ImportCommand.self, CertifyCommand.self,
            RequirementsCommand.self, ReportCommand.self,
            BIFCommand.self,
            SchemaCommand.self,
        ])

    /// Usage errors exit with 2, as input errors do, rather than ArgumentParser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot(RunCommand.normalizing(Array(CommandLine.arguments.dropFirst())))
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                try? FileHandle.standardError.write(contentsOf: Data((fullMessage(for: error) + "\n").utf8))
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}

/// Writes a line to standard output at once, unbuffered: each result reaches a pipe (a CI log,
/// a timestamper) as soon as it is known, not when the buffer fills. A reader that went away
/// (`bifrost run | head`) loses the rest of the lines; the run goes on, its reports and exit status
/// stay whole.
func printLine(_ text: String) {
    try? FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8))
}

/// Writes a line to standard error.
func printError(_ text: String) {
    try? FileHandle.standardError.write(contentsOf: Data((text + "\n").utf8))
}
