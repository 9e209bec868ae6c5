public import Foundation
import Partners
import Support
public import Transport
import Wire

/// `bifrost certify ic`: checks a real CloudInvoicing endpoint, read-only, against the mock IC's
/// contract: its WSDL offers the mock's operations and message shapes, and each report operation
/// answers the window with a document the mock's own reader (IMT's client) accepts.
///
/// Only a `GET …?wsdl` and the eight report operations are sent, once each; no upload.
///
/// ```swift
/// let report = await ICCertification(.init(url: url, billerGUID: guid, webServiceKey: key, from: from, to: to)).run()
/// ```
public struct ICCertification: Sendable {
    /// Which endpoint, as which biller, for which window.
    public struct Options: Sendable {
        /// The service, e.g. `https://www.invoicecloud.com/portal/webservices/CloudInvoicing.asmx`.
        public var url: String
        public var billerGUID: String
        /// Never written anywhere: every report scrubs it.
        public var webServiceKey: String
        /// The window, as `xs:dateTime` texts sent as written.
        public var from: String
        public var to: String
        public var expectedFailures = ExpectedFailures()
        public var transport = IMTCertification.defaultTransport
        public var toolVersion = "unknown"

        public init(url: String, billerGUID: String, webServiceKey: String, from: String, to: String) {
            self.url = url
            self.billerGUID = billerGUID
            self.webServiceKey = webServiceKey
            self.from = from
            self.to = to
        }
    }

    public var options: Options

    public init(_ options: Options) { self.options = options }

    /// Every check id `certify ic` knows, for `--expected-failures`.
    public static var checkIDs: Set<String> { Set(ICCheck.all.map(\.definition.id)) }

    /// Fetches the WSDL, calls each report operation, and judges every check; never throws: an endpoint
    /// that does not answer fails the checks that read its answer, with the reason as evidence.
    public func run(now: Date = Date()) async -> CertificationReport {
        let client = HTTPClient(configuration: options.transport)
        var probes = ICProbes()
        let wsdl = ClientRequest(method: "GET", url: wsdlURL, headers: [HTTPHeader("Accept", "text/xml")])
        probes.wsdl = await Self.send("the WSDL", wsdl, client)
        for report in ICReport.allCases {
            let envelope = ICReportRequest(
                report: report, billerGUID: options.billerGUID, webServiceKey: options.webServiceKey,
                startDate: options.from, endDate: options.to
            ).envelope(.v11)
            let headers = [
                HTTPHeader("Content-Type", SOAPVersion.v11.contentType), HTTPHeader("SOAPAction", "\"\(report.action)\""),
            ]
            probes.reports[report] = await Self.send(
                report.rawValue, ClientRequest(method: "POST", url: options.url, headers: headers, body: envelope), client)
        }
        probes.scrubber = SecretScrubber(secrets: [options.webServiceKey])
        let results = ICCheck.all.map { CheckResult(check: $0.definition, outcome: $0.judge(probes)) }
        return CertificationReport(
            kind: "ic", target: [("URL", options.url), ("biller GUID", options.billerGUID)], date: now,
            toolVersion: options.toolVersion, profile: "imt-spectrum", settings: settingsLines,
            results: options.expectedFailures.apply(to: results), subject: "a CloudInvoicing endpoint")
    }

    /// The service URL with `?wsdl`.
    var wsdlURL: String {
        guard let query = options.url.firstIndex(of: "?") else { return options.url + "?wsdl" }
        return String(options.url[..<query]) + "?wsdl"
    }

    /// Sends one request, once.
    static func send(_ label: String, _ request: ClientRequest, _ client: HTTPClient) async -> CertificationExchange {
        let result: Result<ClientResponse, TransportError>
        do {
            result = .success(try await client.send(request))
        } catch {
            result = .failure(error)
        }
        return CertificationExchange(label: label, request: request, result: result)
    }

    var settingsLines: [(String, String)] {
        let transport = options.transport
        var lines: [(String, String)] = [
            ("TLS verification", transport.verifyTLS ? "on" : "OFF (--insecure): the endpoint's certificate was not checked"),
            ("requests", "read-only: GET ?wsdl and the \(ICReport.allCases.count) report operations, SOAP 1.1, once each"),
            ("window", "\(options.from) to \(options.to)"),
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
        return lines
    }
}
