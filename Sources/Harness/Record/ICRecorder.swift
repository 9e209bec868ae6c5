import Foundation
import Partners
import Support
import Transport
public import Wire

/// `bifrost record ic`: calls the report operations of a CloudInvoicing endpoint as IMT does,
/// records every exchange, and writes a scenario of `ic-report` steps the mock IC replays them in.
public struct ICRecorder: Sendable {
    /// What to record and where to write it.
    public struct Options: Sendable {
        /// The service, e.g. `https://www.invoicecloud.com/portal/webservices/CloudInvoicing.asmx`.
        public var url: String
        public var billerGUID: String
        /// Never written anywhere: the scenario holds `placeholderKey`.
        public var webServiceKey: String
        /// The window, as `xs:dateTime` texts sent as written.
        public var from: String
        public var to: String
        /// The operations to call, in order; default every report operation.
        public var operations = ICReport.allCases
        public var version = SOAPVersion.v11
        public var name = "recorded-ic"
        public var output: String
        public var force = false
        public var timeout: Duration = .seconds(30)

        public init(url: String, billerGUID: String, webServiceKey: String, from: String, to: String, output: String) {
            self.url = url
            self.billerGUID = billerGUID
            self.webServiceKey = webServiceKey
            self.from = from
            self.to = to
            self.output = output
        }
    }

    /// The key the scenario gives the mock's biller.
    public static let placeholderKey = "recorded-web-service-key"

    public var options: Options

    public init(_ options: Options) { self.options = options }

    /// Records and writes the suite; returns the scenario's description, line by line, and the flows that failed.
    /// - Throws: `RecordError`: the key refused or no answer (exit 1), bad input (exit 2); nothing written.
    public func record() async throws(RecordError) -> RecordedSuite.Written {
        try RecordedSuite.checkOutput(options.output, force: options.force)
        try IMTRecorder.check(name: options.name)
        guard options.url.hasPrefix("http://") || options.url.hasPrefix("https://") else {
            throw RecordError("\(options.url) is not an http:// or https:// URL", exitCode: 2)
        }
        let clock = try IMTRecorder.now()
        let log = ExchangeLog()
        let journal = Journal()
        var configuration = HTTPClient.Configuration()
        configuration.totalTimeout = options.timeout
        configuration.connectTimeout = min(configuration.connectTimeout, options.timeout)
        let client = HTTPClient(configuration: configuration, observer: log).observed(by: ClientJournal(journal))
        var outputs: [ICReportStep.Output] = []
        var calls: [(report: ICReport, answer: ICReportAnswer?, exchange: ExchangeLog.Exchange?)] = []
        for report in options.operations {
            let before = log.exchanges.count
            let output = await ICReportStep.call(
                report, from: options.from, to: options.to, version: options.version, url: options.url,
                guid: options.billerGUID, key: options.webServiceKey, client: client)
            let exchange = log.exchanges.dropFirst(before).first
            if case .failure(let error) = exchange?.result {
                throw RecordError("\(IMTRecorder.origin(options.url)) did not answer (\(error)); nothing was written")
            }
            if Self.refusesKey(output, status: exchange?.response?.status) {
                throw RecordError(
                    "\(IMTRecorder.origin(options.url)) refused the biller and key (\(output.message ?? "")); nothing was written"
                )
            }
            outputs.append(output)
            calls.append((report, output.answer, exchange))
        }
        let title = "Recorded IC report operations for biller \(options.billerGUID)"
        let scrubber = SecretScrubber(secrets: [options.webServiceKey])
        let result = scrubber.scrub(
            .object([
                "scenario": .string(title), "profile": .string(Scenario.Profile.imtSpectrum.rawValue),
                "clock": .string(clock.text), "steps": .array(outputs.map(StepRunner.encoded)),
            ]))
        let recorded = scrubber.scrub(journal.json)
        let state = ICReplayState(calls, billerGUID: options.billerGUID, key: Self.placeholderKey)
        let notes =
            [
                "Recorded by bifrost record ic from \(IMTRecorder.origin(options.url)) at \(clock.text), window \(options.from) to \(options.to)."
            ] + state.notes
        let expected = JSONValue.array(
            (recorded.arrayValue ?? []).map { entry in
                entry.setting("partner", to: "ic").setting(
                    "request", to: (entry["request"] ?? .null).setting("path", to: .string(ICMock.cloudInvoicingPath)))
            })
        let yaml = { (description: String) in self.yaml(title: title, description: description, clock: clock, state: state) }
        let suite = RecordedSuite(output: options.output, name: options.name, force: options.force)
        return try await suite.write(
            .init(
                scenario: yaml, journal: recorded, expected: [.journal: expected, .result: result], notes: notes,
                secrets: [options.webServiceKey]))
    }

    /// Whether an answer refuses the biller and key: HTTP 401 or 403, or a refusal or fault naming them.
    static func refusesKey(_ output: ICReportStep.Output, status: Int?) -> Bool {
        if let status, status == 401 || status == 403 { return true }
        guard output.status != "answered", let message = output.message else { return false }
        return message.contains("WebServiceKey") || message.contains("BillerGUID")
    }

    private func yaml(title: String, description: String, clock: ScenarioClock, state: ICReplayState) -> String {
        var lines = [
            "# Written by bifrost record ic: the mock IC replays what the endpoint answered.",
            "name: \(YAMLText.quoted(title))",
            "description: \(YAMLText.quoted(description))",
            "profile: imt-spectrum",
            "clock: \(YAMLText.quoted(clock.text))",
            state.yaml,
            "steps:",
        ]
        lines += options.operations.map { report in
            "  - ic-report: {operation: \(report.rawValue), from: \(YAMLText.quoted(options.from)), "
                + "to: \(YAMLText.quoted(options.to)), soap: \(YAMLText.quoted(options.version.rawValue))}"
        }
        lines += ["expect:", "  golden: [journal, result]", ""]
        return lines.joined(separator: "\n")
    }
}
