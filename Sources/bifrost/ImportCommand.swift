import ArgumentParser
import Harness

/// `bifrost import`: captured traffic as a scenario the mocks replay.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import captured traffic as a scenario and golden files the mock replays.",
        subcommands: [ImportHARCommand.self])
}

/// `bifrost import har`: a HAR 1.2 file's exchanges with one partner.
struct ImportHARCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "har",
        abstract: "Import a HAR file's exchanges with IMT or IC as a scenario the mock replays.",
        discussion: """
            The entries with the partner's origin (--origin, or found by the paths: IMT's …/<id>/api/…, IC's \
            …/CloudInvoicing.asmx) become a replay: step sending the captured requests to the mock, whose state and \
            one-time faults are derived from the captured answers. Writes DIR/Scenarios/<name>.yaml, DIR/Golden/<name>/ \
            (the mock's replay, checked to pass before anything is kept) and DIR/Recordings/<name>.journal.json (the \
            captured exchanges, secrets redacted). Every entry left out is named in the scenario's description. A password \
            or WebServiceKey in the requests is replaced by the mock's placeholder and appears in no file written. \
            Exit 0 written, 1 the replay did not pass (nothing written), 2 a usage error, an unreadable or malformed file, \
            or no exchange with the partner.
            """)

    @Argument(help: "The HAR file.")
    var file: String

    @Option(help: "The partner whose exchanges to import: imt or ic.")
    var partner: String

    @Option(
        name: .customLong("origin"),
        help: "The partner's origin, e.g. https://webpayments.imtapps.com (repeatable; default: found by the paths).")
    var origins: [String] = []

    @Option(help: "The integration profile of the scenario (default imt-mips-apps for imt, imt-spectrum for ic).")
    var profile: String?

    @Option(help: "The folder to write (must be empty or absent unless --force).")
    var output: String

    @Option(help: "The scenario's file name, without .yaml (default the file's name).")
    var name: String?

    @Flag(help: "Replace a non-empty --output folder.")
    var force = false

    func run() async throws {
        guard let partner = HARImporter.Partner(rawValue: partner) else { throw ValidationError("--partner must be imt or ic") }
        var options = HARImporter.Options(file: file, partner: partner, output: output)
        if let profile {
            guard let chosen = Scenario.Profile(rawValue: profile) else {
                throw ValidationError(
                    "--profile must be one of \(Scenario.Profile.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            options.profile = chosen
        }
        options.origins = origins
        if let name { options.name = name }
        options.force = force
        do {
            let lines = try await HARImporter(options).importFile()
            printLine("wrote \(output)")
            for line in lines { printLine("  " + line) }
        } catch {
            printError("bifrost import har: \(error.message)")
            throw ExitCode(error.exitCode)
        }
    }
}
