import Flows
public import Foundation
import Partners
import Support
public import Transport
import Wire

/// `bifrost certify imt`: makes IC's calls to a partner's IMT endpoint for real and judges each answer
/// against the contract, check by check (`IMTCheck.all`).
///
/// Read-only unless `allowWrites`: without it no POST or PATCH is sent, only the session's own
/// POST and DELETE and the GETs.
///
/// ```swift
/// let report = await IMTCertification(options).run()
/// try CertificationReporters.write(report, html: "report", json: nil, junit: nil)
/// ```
public struct IMTCertification: Sendable {
    /// Where to certify, as whom, and how.
    public struct Options: Sendable {
        /// The auth API base (`https://auth.imtapps.com/3401/api`) or its `sessions/` URL (setting 88).
        public var authURL: String
        /// The data API base (`https://webpayments.imtapps.com/3401/api`).
        public var apiURL: String
        public var username: String
        /// Never written anywhere: every report scrubs it.
        public var password: String
        public var account: String
        public var pdfAccount: String?
        public var allowWrites = false
        public var declaration = IMTDeclaration.everything
        public var expectedFailures = ExpectedFailures()
        /// Timeouts of 10 s to connect and 30 s in all; bodies over 16 MiB refused.
        public var transport = IMTCertification.defaultTransport
        /// The version of the tool, for the report.
        public var toolVersion = "unknown"

        public init(authURL: String, apiURL: String, username: String, password: String, account: String) {
            self.authURL = authURL
            self.apiURL = apiURL
            self.username = username
            self.password = password
            self.account = account
        }
    }

    /// The transport a run uses unless told otherwise: TLS verified, bounded in time and size.
    public static var defaultTransport: HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(connectTimeout: .seconds(10), totalTimeout: .seconds(30))
        configuration.maximumResponseSize = 16 << 20
        return configuration
    }

    /// The policy `unknown` asks for when the declaration names none.
    public static let defaultUnknownAccount = "999999999999"

    public var options: Options

    public init(_ options: Options) { self.options = options }

    /// Every check id `certify imt` knows, for `--expected-failures`.
    public static var checkIDs: Set<String> { Set(IMTCheck.all.map(\.definition.id)) }

    /// The accounts of each case: the declaration's, else the command line's.
    var accounts: [IMTTestAccount: String] {
        var accounts = options.declaration.accounts
        accounts[.rtdr] = accounts[.rtdr] ?? options.account
        accounts[.pdf] = accounts[.pdf] ?? options.pdfAccount ?? accounts[.rtdr]
        accounts[.writes] = accounts[.writes] ?? accounts[.rtdr]
        accounts[.unknown] = accounts[.unknown] ?? Self.defaultUnknownAccount
        return accounts
    }

    /// Runs every exchange, judges every check, and returns the report; never throws: a partner that
    /// does not answer is a failed check, with the reason as evidence.
    public func run(now: Date = Date()) async -> CertificationReport {
        let probes = await IMTProber(certification: self).probe()
        let results = IMTCheck.all.map { check in
            CheckResult(check: check.definition, outcome: skipReason(check).map(CheckOutcome.skipped) ?? check.judge(probes))
        }
        return CertificationReport(
            kind: "imt", target: target, date: now, toolVersion: options.toolVersion,
            profile: options.declaration.profile ?? "imt-mips-apps", settings: settingsLines,
            results: options.expectedFailures.apply(to: results))
    }

    /// Why a check does not apply, or nil when it does.
    func skipReason(_ check: IMTCheck) -> String? {
        let declaration = options.declaration
        for need in check.needs {
            switch need {
            case .flow(let flow) where !declaration.flows.contains(flow):
                return "the declaration does not list the \(flow.rawValue) flow"
            case .writes where !options.allowWrites:
                return "a write: sent only with --allow-writes, against the partner's test environment"
            case .blockedFlags where !declaration.blockedFlags:
                return "the declaration does not set blocked_flags (setting 131 UpdateBlockedFlags)"
            case .account(let account) where declaration.accounts[account] == nil:
                return "the declaration names no \(account.rawValue) account"
            case .environments where declaration.environments.isEmpty:
                return "the declaration lists no further environment (setting 81 MULTIENVIRONMENT)"
            default: continue
            }
        }
        return nil
    }

    var target: [(String, String)] {
        var lines = [("auth URL", options.authURL), ("API URL", options.apiURL), ("username", options.username)]
        if let partner = options.declaration.partner { lines.insert(("partner", partner), at: 0) }
        for environment in options.declaration.environments {
            lines.append(("further environment", "\(environment.authURL), \(environment.apiURL)"))
        }
        return lines
    }

    /// How the run was made: what a reader of the report needs to trust it.
    var settingsLines: [(String, String)] {
        let transport = options.transport
        var lines: [(String, String)] = [
            ("TLS verification", transport.verifyTLS ? "on" : "OFF (--insecure): the partner's certificate was not checked"),
            ("writes", options.allowWrites ? "allowed (--allow-writes)" : "none sent"),
            ("declaration", options.declaration.file ?? "none (every flow assumed)"),
            ("timeouts", "connect \(transport.connectTimeout.milliseconds) ms, total \(transport.totalTimeout.milliseconds) ms"),
        ]
        if let ca = transport.caFile { lines.append(("CA file", ca)) }
        if let certificate = transport.clientCertificate { lines.append(("client certificate", certificate)) }
        if let proxy = transport.proxy { lines.append(("proxy", CertificationReport.withoutUserInfo(proxy))) }
        lines.append(
            (
                "expected failures",
                options.expectedFailures.reasons.isEmpty ? "none" : "\(options.expectedFailures.reasons.count) listed"
            ))
        let accounts = self.accounts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
        lines.append(("accounts", accounts.joined(separator: ", ")))
        return lines
    }

    /// The payment a write posts: 1.00 by card, its `transaction_id` unique to the run (`BIFROST&CERT<milliseconds>`).
    func payment(account: String) -> ICPayment {
        let id = "CERT" + String(UInt64(Date().timeIntervalSince1970 * 1000))
        return ICPayment(
            billerID: "BIFROST", paymentID: id, accountNumber: account, method: .creditCard, paymentAmount: Money(Decimal(1)),
            paymentMessage: "CERTIFY1 bifrost certification", customerName: "BIFROST CERTIFICATION")
    }
}
