import ArgumentParser
import Certification
import Foundation
import Harness
import Wire

/// `bifrost certify ic`: a real CloudInvoicing endpoint, read-only, against the mock IC's contract.
struct CertifyICCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ic",
        abstract:
            "Certify the mock IC's fidelity: a CloudInvoicing endpoint's WSDL and report answers against the mock's contract.",
        discussion: """
            Read-only: a GET of ?wsdl and each of the eight report operations for the window, once each, over SOAP 1.1; \
            no upload is sent. Differences are listed by operation and element. See docs/certification.md.
            """)

    @Option(help: "The service, e.g. https://www.invoicecloud.com/portal/webservices/CloudInvoicing.asmx.")
    var url: String

    @Option(help: "The biller's BillerGUID.")
    var billerGuid: String

    @Option(help: "The environment variable holding the WebServiceKey (never passed on the command line).")
    var keyEnv: String

    @Option(help: "The window's start, an xs:dateTime sent as written.")
    var from: String

    @Option(help: "The window's end, an xs:dateTime sent as written.")
    var to: String

    @OptionGroup var reports: CertifyReportOptions

    @OptionGroup var transport: TransportOptions

    func validate() throws {
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw ValidationError("\(url) is not an http:// or https:// URL")
        }
        let utc = TimeZone(identifier: "UTC") ?? .current
        guard let start = XMLDateTime.date(from, zoneIfNone: utc) else {
            throw ValidationError("--from: \(from) is not an xs:dateTime")
        }
        guard let end = XMLDateTime.date(to, zoneIfNone: utc) else { throw ValidationError("--to: \(to) is not an xs:dateTime") }
        guard start < end else { throw ValidationError("--to (\(to)) must be after --from (\(from))") }
    }

    func run() async throws {
        var options = ICCertification.Options(
            url: url, billerGUID: billerGuid, webServiceKey: try RecordOptions.secret(from: keyEnv, option: "--key-env"),
            from: from, to: to)
        options.transport = try transport.configuration()
        options.toolVersion = Bifrost.configuration.version
        options.expectedFailures = try reports.loadExpectedFailures(knownIDs: ICCertification.checkIDs)
        try reports.finish(await ICCertification(options).run())
    }
}
