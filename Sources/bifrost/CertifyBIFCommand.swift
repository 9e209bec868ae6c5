import ArgumentParser
import Certification
import Harness
import Support
import Wire

/// `bifrost certify bif`: a partner's invoice files, judged by every BIF rule of a profile.
struct CertifyBIFCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bif",
        abstract: "Certify invoice files: each BIF rule of the profile is a check, its findings the evidence.",
        discussion: """
            The same rules as bifrost bif validate, reported as checks: a rule with a finding in any file FAILs, \
            with each file's findings as file:line:field: RULE-ID: message. See docs/certification.md.
            """)

    @Option(help: "The profile whose rules apply: \(BIFProfile.allCases.map(\.rawValue).joined(separator: ", ")).")
    var profile: BIFProfile

    @OptionGroup var layout: BIFLayoutOption

    @OptionGroup var reports: CertifyReportOptions

    @Argument(help: "The files to certify.")
    var files: [String]

    func run() async throws {
        var options = BIFCertification.Options(profile: profile, files: files)
        options.layout = try layout.load()
        options.layoutFile = layout.path
        options.toolVersion = Bifrost.configuration.version
        options.expectedFailures = try reports.loadExpectedFailures(knownIDs: BIFCertification.checkIDs(for: profile))
        let result: CertificationReport
        do {
            result = try await BIFCertification(options).run()
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
        try reports.finish(result)
    }
}
