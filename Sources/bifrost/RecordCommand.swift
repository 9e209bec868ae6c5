import ArgumentParser
import Foundation
import Harness
import Support
import Wire

/// `bifrost record`: records a real endpoint's answers as a scenario the mocks replay.
struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a real endpoint's answers as a scenario and golden files the mock replays.",
        discussion: """
            Writes DIR/Scenarios/<name>.yaml (with an empty requirements.yaml), DIR/Golden/<name>/journal.json \
            and result.json (the mock's replay), and DIR/Recordings/<name>.journal.json (the exchanges as recorded, \
            secrets redacted); `cd DIR && bifrost run Scenarios` replays them. What the mock cannot represent is \
            named in the scenario's description. A recorded flow that failed (an unknown account, a report refused) \
            is written too, as the endpoint answered, and named in a warning. Exit 0 written and every flow \
            succeeded, 1 a flow failed (written) or the endpoint refused the login or did not answer (nothing \
            written), 2 a usage error or a non-empty DIR without --force.
            """,
        subcommands: [RecordIMTCommand.self, RecordICCommand.self, RecordRunCommand.self])
}

/// The options every `record` subcommand takes.
struct RecordOptions: ParsableArguments {
    @Option(name: .customLong("output"), help: "The folder to write (must be empty or absent unless --force).")
    var output: String

    @Option(help: "The scenario's file name, without .yaml.")
    var name: String?

    @Flag(help: "Replace a non-empty --output folder.")
    var force = false

    @Option(help: "The longest one exchange may take, in milliseconds.")
    var timeoutMs = 30_000

    func validate() throws {
        guard timeoutMs > 0 else { throw ValidationError("--timeout-ms must be at least 1") }
    }

    /// The value of the environment variable `name`; a usage error when it is unset or empty.
    static func secret(from name: String, option: String) throws -> String {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
            throw ValidationError("\(option) names \(name), which is not set in the environment")
        }
        return value
    }

    /// Runs a recorder and prints where it wrote and the scenario's description; exit 1 or 2 on failure,
    /// and 1 with a warning when a recorded flow failed.
    func report(_ record: () async throws(RecordError) -> RecordedSuite.Written) async throws {
        let written: RecordedSuite.Written
        do {
            written = try await record()
        } catch {
            printError("bifrost record: \(error.message)")
            throw ExitCode(error.exitCode)
        }
        printLine("wrote \(output)")
        for line in written.lines { printLine("  " + line) }
        guard !written.failedFlows.isEmpty else { return }
        printError("bifrost record: warning: a recorded flow failed; the recording replays the failure:")
        for flow in written.failedFlows { printError("  " + flow) }
        throw ExitCode(1)
    }
}

/// `bifrost record imt`: IC's read flows against a real IMT.
struct RecordIMTCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imt",
        abstract: "Record IC's read flows (session, RTDR payments-due, the bill's PDF, close) against an IMT endpoint.")

    @Option(help: "The auth API base, e.g. https://auth.imtapps.com/3401/api (or its sessions/ URL, setting 88).")
    var authURL: String

    @Option(help: "The data API base, e.g. https://webpayments.imtapps.com/3401/api (settings 8 and 20).")
    var apiURL: String

    @Option(help: "IC's username at IMT.")
    var username: String

    @Option(help: "The environment variable holding the password (never passed on the command line).")
    var passwordEnv: String

    @Option(help: "The policy number RTDR asks payments-due/ for.")
    var account: String

    @Option(help: "The policy whose bill PDF is fetched (default --account).")
    var pdfAccount: String?

    @Option(help: "The integration profile of the scenario.")
    var profile = "imt-mips-apps"

    @OptionGroup var options: RecordOptions

    func run() async throws {
        guard let profile = Scenario.Profile(rawValue: profile) else {
            throw ValidationError(
                "--profile must be one of \(Scenario.Profile.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var settings = IMTRecorder.Options(
            authURL: authURL, apiURL: apiURL, username: username,
            password: try RecordOptions.secret(from: passwordEnv, option: "--password-env"), account: account,
            output: options.output)
        settings.pdfAccount = pdfAccount
        settings.profile = profile
        settings.force = options.force
        settings.timeout = .milliseconds(options.timeoutMs)
        if let name = options.name { settings.name = name }
        let recorder = IMTRecorder(settings)
        try await options.report { () throws(RecordError) in try await recorder.record() }
    }
}

/// `bifrost record ic`: the report operations of a CloudInvoicing endpoint, as IMT calls them.
struct RecordICCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ic",
        abstract: "Record the report operations of a CloudInvoicing endpoint for one biller and window.")

    @Option(help: "The CloudInvoicing service URL, e.g. https://www.invoicecloud.com/portal/webservices/CloudInvoicing.asmx.")
    var url: String

    @Option(help: "The biller's BillerGUID.")
    var billerGUID: String

    @Option(help: "The environment variable holding the WebServiceKey (never passed on the command line).")
    var keyEnv: String

    @Option(help: "The window's start, an xs:dateTime sent as written.")
    var from: String

    @Option(help: "The window's end, an xs:dateTime sent as written.")
    var to: String

    @Option(help: "The report operations to call, comma-separated (default all eight).")
    var operations: String?

    @Option(help: "The SOAP version: 1.1 or 1.2.")
    var soap = "1.1"

    @OptionGroup var options: RecordOptions

    func run() async throws {
        guard let version = SOAPVersion(rawValue: soap) else { throw ValidationError("--soap must be 1.1 or 1.2") }
        var settings = ICRecorder.Options(
            url: url, billerGUID: billerGUID, webServiceKey: try RecordOptions.secret(from: keyEnv, option: "--key-env"),
            from: from, to: to, output: options.output)
        if let operations {
            settings.operations = try operations.split(separator: ",").map { name in
                guard let report = ICReport(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError(
                        "unknown report operation '\(name)'; expected \(ICReport.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                return report
            }
        }
        settings.version = version
        settings.force = options.force
        settings.timeout = .milliseconds(options.timeoutMs)
        if let name = options.name { settings.name = name }
        let recorder = ICRecorder(settings)
        try await options.report { () throws(RecordError) in try await recorder.record() }
    }
}
