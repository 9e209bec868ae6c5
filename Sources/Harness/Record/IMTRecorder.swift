import Foundation
import Partners
import Transport
import Wire

/// `bifrost record imt`: runs IC's read flows against a real IMT endpoint (RTDR for the account:
/// session, payments-due, close; then remote PDF linking for the bill: session, bills, close),
/// records every exchange, and writes a scenario the mock IMT replays them in (`RecordedSuite`).
///
/// ```swift
/// let lines = try await IMTRecorder(options).record()
/// ```
public struct IMTRecorder: Sendable {
    /// What to record and where to write it.
    public struct Options: Sendable {
        /// The auth API base (`https://auth.imtapps.com/3401/api`) or its `sessions/` URL (setting 88).
        public var authURL: String
        /// The data API base (`https://webpayments.imtapps.com/3401/api`): settings 8 and 20.
        public var apiURL: String
        public var username: String
        /// Never written anywhere: the scenario holds `placeholderPassword`.
        public var password: String
        public var account: String
        /// The policy whose bill is fetched; default `account`.
        public var pdfAccount: String?
        public var profile: Scenario.Profile = .imtMipsApps
        public var name = "recorded-imt"
        public var output: String
        public var force = false
        /// The longest one exchange may take.
        public var timeout: Duration = .seconds(30)

        public init(authURL: String, apiURL: String, username: String, password: String, account: String, output: String) {
            self.authURL = authURL
            self.apiURL = apiURL
            self.username = username
            self.password = password
            self.account = account
            self.output = output
        }
    }

    /// The password the scenario gives the mock's user and IC's settings.
    public static let placeholderPassword = "recorded-password"

    public var options: Options

    public init(_ options: Options) { self.options = options }

    /// The sessions URL (setting 88) of `--auth-url`.
    var sessionsURL: String {
        var url = options.authURL
        while url.hasSuffix("/") { url.removeLast() }
        return url.hasSuffix("/sessions") ? url + "/" : url + "/sessions/"
    }

    /// The data API URL with its slash.
    var apiURL: String { options.apiURL.hasSuffix("/") ? options.apiURL : options.apiURL + "/" }

    /// Records and writes the suite; returns the scenario's description, line by line, and the flows that failed.
    /// - Throws: `RecordError`: the login refused or no answer (exit 1), bad input (exit 2); nothing written.
    public func record() async throws(RecordError) -> RecordedSuite.Written {
        try RecordedSuite.checkOutput(options.output, force: options.force)
        try Self.check(name: options.name)
        for url in [options.authURL, options.apiURL] where !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            throw RecordError("\(url) is not an http:// or https:// URL", exitCode: 2)
        }
        let clock = try Self.now()
        let title = "Recorded IMT read flows for account \(options.account)"
        let log = ExchangeLog()
        var configuration = HTTPClient.Configuration()
        configuration.totalTimeout = options.timeout
        configuration.connectTimeout = min(configuration.connectTimeout, options.timeout)
        let recording = scenario(title: title, clock: clock, settings: settings(options.password, real: true))
        let outputs: [Scenario.GoldenOutput: OutputValue]
        do {
            outputs = try await ScenarioExecution(
                scenario: recording, client: HTTPClient(configuration: configuration, observer: log)
            ).run().outputs
        } catch {
            throw RecordError("the recording could not run: \(error)")
        }
        guard case .json(let journal) = outputs[.journal], case .json(let result) = outputs[.result] else {
            throw RecordError("the recording produced no journal")
        }
        try Self.checkAnswered(result, endpoint: options.authURL)
        let exchanges = log.exchanges
        let state = IMTReplayState(
            exchanges, sessionsURL: sessionsURL, apiURL: apiURL, username: options.username,
            password: Self.placeholderPassword)
        let notes =
            [
                "Recorded by bifrost record imt from \(Self.origin(options.authURL)) at \(clock.text), for account \(options.account)."
            ] + state.notes
        let expected = Self.inMockTerms(journal, exchanges: exchanges, sessionsURL: sessionsURL, apiURL: apiURL, state: state)
        let yaml = { (description: String) in
            self.yaml(title: title, description: description, clock: clock, state: state)
        }
        let suite = RecordedSuite(output: options.output, name: options.name, force: options.force)
        return try await suite.write(
            .init(
                scenario: yaml, journal: journal, expected: [.journal: expected, .result: result], notes: notes,
                secrets: [options.password]))
    }

    /// The recording's scenario: the settings pointing at the endpoint, the two flows, no mock state.
    private func scenario(title: String, clock: ScenarioClock, settings: [Int: String]) -> Scenario {
        let pdfAccount = options.pdfAccount ?? options.account
        return Scenario(
            file: "the recording", relativePath: options.name, name: title, description: nil, profile: options.profile,
            covers: [], clock: clock, settings: settings, imt: nil, imt2: nil, ic: nil, timeout: nil,
            steps: [RTDRStep(account: options.account), PDFLinkingStep(account: pdfAccount)], golden: [.journal, .result])
    }

    /// IC's settings: the endpoint's URLs when `real`, the mock's templates otherwise.
    private func settings(_ password: String, real: Bool) -> [Int: String] {
        let api = real ? apiURL : "{imt.api}/"
        return [
            88: real ? sessionsURL : "{imt.auth}/sessions/", 8: api, 9: options.username, 10: password, 20: api,
            21: options.username, 22: password,
        ]
    }

    private func yaml(title: String, description: String, clock: ScenarioClock, state: IMTReplayState) -> String {
        let settings = settings(Self.placeholderPassword, real: false).sorted { $0.key < $1.key }
        var lines = [
            "# Written by bifrost record imt: the mock IMT replays what the endpoint answered.",
            "name: \(YAMLText.quoted(title))",
            "description: \(YAMLText.quoted(description))",
            "profile: \(options.profile.rawValue)",
            "clock: \(YAMLText.quoted(clock.text))",
            "settings:",
        ]
        lines += settings.map { "  \($0.key): \(YAMLText.quoted($0.value))" }
        lines.append(state.yaml)
        lines += [
            "steps:",
            "  - rtdr: {account: \(YAMLText.quoted(options.account))}",
            "  - pdf-linking: {account: \(YAMLText.quoted(options.pdfAccount ?? options.account))}",
            "expect:",
            "  golden: [journal, result]",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    /// Refuses a login the endpoint refused and a call it never answered: nothing is written.
    static func checkAnswered(_ result: JSONValue, endpoint: String) throws(RecordError) {
        for step in result["steps"]?.arrayValue ?? [] {
            guard let failure = step["failure"] else { continue }
            let message = failure["message"]?.stringValue ?? ""
            switch failure["kind"]?.stringValue {
            case "authentication":
                throw RecordError("\(origin(endpoint)) refused the login (\(message)); nothing was written")
            case "transport":
                throw RecordError("\(origin(endpoint)) did not answer (\(message)); nothing was written")
            default: continue
            }
        }
    }

    /// The recorded journal as the mock's replay shows it when it matches: partner `imt`, the mock's paths.
    static func inMockTerms(
        _ journal: JSONValue, exchanges: [ExchangeLog.Exchange], sessionsURL: String, apiURL: String, state: IMTReplayState
    ) -> JSONValue {
        let mock = IMTMock(state: IMTState(billerID: state.billerID))
        let authBase = ClientJournal.target(of: String(sessionsURL.dropLast("sessions/".count))).dropLast()
        let apiBase = ClientJournal.target(of: apiURL).dropLast()
        let entries = journal.arrayValue ?? []
        return .array(
            entries.enumerated().map { i, entry in
                var request = entry["request"] ?? .null
                if let path = request["path"]?.stringValue, i < exchanges.count {
                    let url = exchanges[i].request.url
                    let (base, replacement) = url.hasPrefix(sessionsURL) ? (authBase, mock.authPath) : (apiBase, mock.apiPath)
                    if path.hasPrefix(base) {
                        request = request.setting("path", to: .string(replacement + path.dropFirst(base.count)))
                    }
                }
                return entry.setting("partner", to: "imt").setting("request", to: request)
            })
    }

    static func check(name: String) throws(RecordError) {
        guard name.range(of: #"^[A-Za-z0-9][A-Za-z0-9._-]*$"#, options: .regularExpression) != nil else {
            throw RecordError("--name must be letters, digits, '.', '_' or '-', got '\(name)'", exitCode: 2)
        }
    }

    /// `scheme://host[:port]` of a URL, for messages.
    static func origin(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        return String(url[..<(rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? url.endIndex)])
    }

    /// The time now, to the second, in UTC.
    static func now() throws(RecordError) -> ScenarioClock {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        guard let clock = ScenarioClock(formatter.string(from: Date())) else {
            throw RecordError("the system clock cannot be read")
        }
        return clock
    }
}
