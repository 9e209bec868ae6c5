import ArgumentParser
import Certification
import Foundation
import Harness
import Support
import Transport

/// `bifrost certify`: checks a partner's endpoint against the contract and writes a report of verdicts and evidence.
struct CertifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certify",
        abstract: "Certify a partner's endpoint or files, check by check, with a report of verdicts and evidence.",
        discussion: """
            Each check has a requirement id, a severity (required or recommended) and the seed text it rests on; \
            its verdict is PASS, FAIL, WARN or SKIP, with the redacted exchanges as evidence. Exit 0 no required \
            check failed (acknowledged failures aside), 1 a required check failed, 2 a usage or input error.
            """,
        subcommands: [CertifyIMTCommand.self, CertifyBIFCommand.self, CertifyICCommand.self])
}

/// `bifrost certify imt`: a partner's IMT JSON:API endpoint, as IC calls it.
struct CertifyIMTCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imt",
        abstract: "Certify an IMT endpoint: sessions, RTDR payments-due, bills and, with --allow-writes, DataPump.",
        discussion: """
            Read-only unless --allow-writes: without it only the session's POST and DELETE and GETs are sent. \
            With it (against the partner's test environment) a 1.00 card payment is posted twice with one \
            transaction_id, and paperless and autopay are set and set back. See docs/certification.md.
            """)

    @Option(help: "The auth API base, e.g. https://auth.imtapps.com/3401/api (or its sessions/ URL, setting 88).")
    var authURL: String

    @Option(help: "The data API base, e.g. https://webpayments.imtapps.com/3401/api.")
    var apiURL: String

    @Option(help: "IC's username at IMT.")
    var username: String

    @Option(help: "The environment variable holding the password (never passed on the command line).")
    var passwordEnv: String

    @Option(help: "The policy RTDR asks payments-due/ for (and writes go to, unless the declaration names another).")
    var account: String

    @Option(help: "The policy whose bill PDF is fetched (default --account).")
    var pdfAccount: String?

    @Flag(help: "Send the DataPump writes (payment POST, paperless and autopay PATCH): the partner's test environment only.")
    var allowWrites = false

    @Option(help: "The partner declaration (YAML): flows, options and test accounts that select the checks.")
    var declaration: String?

    @OptionGroup var reports: CertifyReportOptions

    @OptionGroup var transport: TransportOptions

    func validate() throws {
        for url in [authURL, apiURL] where !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            throw ValidationError("\(url) is not an http:// or https:// URL")
        }
    }

    func run() async throws {
        var options = IMTCertification.Options(
            authURL: authURL, apiURL: apiURL, username: username,
            password: try RecordOptions.secret(from: passwordEnv, option: "--password-env"), account: account)
        options.pdfAccount = pdfAccount
        options.allowWrites = allowWrites
        options.transport = try transport.configuration()
        options.toolVersion = Bifrost.configuration.version
        do {
            if let declaration { options.declaration = try IMTDeclaration.load(file: declaration) }
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
        options.expectedFailures = try reports.loadExpectedFailures(knownIDs: IMTCertification.checkIDs)
        try reports.finish(await IMTCertification(options).run())
    }
}

/// How a certification reaches a real network: TLS, client certificate, proxy, timeouts.
struct TransportOptions: ParsableArguments {
    @Flag(help: "Do not verify the server's TLS certificate (printed in the report).")
    var insecure = false

    @Option(help: "A PEM bundle of certificate authorities to trust instead of the system's.")
    var caFile: String?

    @Option(help: "A PEM client certificate for mutual TLS.")
    var cert: String?

    @Option(help: "The PEM private key of --cert (default: in the --cert file).")
    var key: String?

    @Option(help: "An HTTP proxy, e.g. http://proxy.example:3128.")
    var proxy: String?

    @Option(help: "The longest a connection may take to open, in milliseconds.")
    var connectTimeoutMs = 10_000

    @Option(help: "The longest one exchange may take, in milliseconds.")
    var timeoutMs = 30_000

    @Option(help: "The largest response body taken, in bytes; a longer one fails its check.")
    var maxResponseBytes = 16 << 20

    func validate() throws {
        guard connectTimeoutMs > 0, timeoutMs > 0 else { throw ValidationError("timeouts must be at least 1 ms") }
        guard maxResponseBytes > 0 else { throw ValidationError("--max-response-bytes must be at least 1") }
        if key != nil && cert == nil { throw ValidationError("--key needs --cert") }
        for (option, file) in [("--ca-file", caFile), ("--cert", cert), ("--key", key)] {
            if let file, !FileManager.default.isReadableFile(atPath: file) {
                throw ValidationError("\(option): \(file) cannot be read")
            }
        }
        if let proxy, !(proxy.hasPrefix("http://") || proxy.hasPrefix("https://")) {
            throw ValidationError("--proxy must be an http:// or https:// URL")
        }
    }

    func configuration() throws -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            connectTimeout: .milliseconds(min(connectTimeoutMs, timeoutMs)), totalTimeout: .milliseconds(timeoutMs),
            verifyTLS: !insecure, caFile: caFile)
        configuration.clientCertificate = cert
        configuration.clientKey = key
        configuration.proxy = proxy
        configuration.maximumResponseSize = maxResponseBytes
        return configuration
    }
}
