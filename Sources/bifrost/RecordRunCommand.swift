import ArgumentParser
import Foundation
import Harness
import Support

/// `bifrost record run`: the user's own program against the real partners, through recording proxies.
struct RecordRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Record your own program against real partners, through recording proxies, as a scenario the mocks replay.",
        discussion: """
            Starts a recording proxy on a loopback port for each partner named, runs PROGRAM with the BIFROST_… variables a \
            run: step gives (BIFROST_IMT_AUTH_URL, BIFROST_IMT_API_URL, BIFROST_IMT_USERNAME, BIFROST_IMT_PASSWORD, \
            BIFROST_IC_URL, …), naming the proxies; each request is forwarded unchanged to the partner and answered with \
            the partner's answer. Then writes DIR/Scenarios/<name>.yaml (a run: step for the same program, the mocks' \
            state and one-time faults derived from the answers), DIR/Golden/<name>/ and DIR/Recordings/<name>.journal.json, \
            after replaying the scenario against the mocks and checking it passes. Passwords and keys come from \
            environment variables only and appear in no file written. Exit 0 written, 1 the program could not be \
            recorded (timed out, a partner did not answer, the replay did not pass; nothing written), 2 a usage error.
            """)

    @Option(help: "The real IMT: an origin whose paths are the mock's (/auth/<id>/api/…, /webpayments/<id>/api/…).")
    var imtProxyTo: String?

    @Option(help: "IMT's auth API on a host of its own (e.g. https://auth.imtapps.com/3401/api): /auth/<id>/api goes there.")
    var imtAuthURL: String?

    @Option(
        name: .customLong("imt-api-url"),
        help: "IMT's data API on a host of its own (e.g. https://webpayments.imtapps.com/3401/api).")
    var imtAPIURL: String?

    @Option(help: "The biller id of the IMT URLs the program is given.")
    var imtBillerID = "3401"

    @Option(help: "The IMT username the program is given (BIFROST_IMT_USERNAME).")
    var imtUsername: String?

    @Option(help: "The environment variable holding the IMT password the program is given (BIFROST_IMT_PASSWORD).")
    var imtPasswordEnv: String?

    @Option(help: "The real IC: an origin whose paths are the mock's (/portal/webservices/CloudInvoicing.asmx).")
    var icProxyTo: String?

    @Option(help: "The BillerGUID the program is given (BIFROST_IC_BILLER_GUID).")
    var icBillerGUID: String?

    @Option(help: "The environment variable holding the WebServiceKey the program is given (BIFROST_IC_WEB_SERVICE_KEY).")
    var icKeyEnv: String?

    @Option(
        name: .customLong("env"),
        help: "NAME=VALUE set for the program and written into the step's env: (repeatable; no secrets).")
    var environment: [String] = []

    @Option(help: "The longest the program may run, in milliseconds.")
    var programTimeoutMs = 30_000

    @Option(help: "The integration profile of the scenario.")
    var profile = "imt-spectrum"

    @Option(help: "The folder to write (must be empty or absent unless --force).")
    var output: String

    @Option(help: "The scenario's file name, without .yaml (default the program's name).")
    var name: String?

    @Flag(help: "Replace a non-empty --output folder.")
    var force = false

    @OptionGroup var transport: TransportOptions

    @Argument(parsing: .postTerminator, help: "The program and its arguments, after --.")
    var program: [String] = []

    func validate() throws {
        guard !program.isEmpty else { throw ValidationError("name the program to run after --") }
        guard imtProxyTo != nil || icProxyTo != nil else {
            throw ValidationError("name at least one partner: --imt-proxy-to or --ic-proxy-to")
        }
        if imtProxyTo == nil, imtAuthURL != nil || imtAPIURL != nil || imtUsername != nil || imtPasswordEnv != nil {
            throw ValidationError("the --imt-… options need --imt-proxy-to")
        }
        if icProxyTo == nil, icBillerGUID != nil || icKeyEnv != nil {
            throw ValidationError("the --ic-… options need --ic-proxy-to")
        }
        guard programTimeoutMs > 0 else { throw ValidationError("--program-timeout-ms must be at least 1") }
        for assignment in environment where !assignment.contains("=") {
            throw ValidationError("--env takes NAME=VALUE, got '\(assignment)'")
        }
    }

    func run() async throws {
        guard let profile = Scenario.Profile(rawValue: profile) else {
            throw ValidationError(
                "--profile must be one of \(Scenario.Profile.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var options = ProgramRecorder.Options(command: program[0], output: output)
        options.arguments = Array(program.dropFirst())
        if let imtProxyTo {
            options.imt = .init(
                proxyTo: imtProxyTo, user: imtUsername,
                secret: try imtPasswordEnv.map { try RecordOptions.secret(from: $0, option: "--imt-password-env") })
            options.imtAuthURL = imtAuthURL
            options.imtAPIURL = imtAPIURL
            options.imtBillerID = imtBillerID
        }
        if let icProxyTo {
            options.ic = .init(
                proxyTo: icProxyTo, user: icBillerGUID,
                secret: try icKeyEnv.map { try RecordOptions.secret(from: $0, option: "--ic-key-env") })
        }
        for assignment in environment {
            let parts = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            options.environment[String(parts[0])] = String(parts[1])
        }
        options.programTimeout = .milliseconds(programTimeoutMs)
        options.transport = try transport.configuration()
        options.profile = profile
        options.force = force
        options.name = name ?? Self.defaultName(of: program[0])
        do {
            let lines = try await ProgramRecorder(options).record()
            printLine("wrote \(output)")
            for line in lines { printLine("  " + line) }
        } catch {
            printError("bifrost record run: \(error.message)")
            throw ExitCode(error.exitCode)
        }
    }

    /// The program's file name without its extension, other characters than letters, digits, `.`, `_`, `-` as `-`.
    static func defaultName(of command: String) -> String {
        let base = ((command as NSString).lastPathComponent as NSString).deletingPathExtension
        let name = String(base.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "-" })
        return name.first.map { $0.isLetter || $0.isNumber } == true ? name : "recorded-run"
    }
}
