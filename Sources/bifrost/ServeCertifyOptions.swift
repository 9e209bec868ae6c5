import ArgumentParser
import Certification
import Foundation
import Harness
import Partners
import Support

/// `--certify` and its report options: `serve` judges the traffic of the partner's client and writes
/// the certification report when it is stopped.
struct ServeCertifyOptions: ParsableArguments {
    @Flag(help: "Certify the client: judge every request it sends and write the report when stopped (SIGINT, SIGTERM).")
    var certify = false

    @OptionGroup var reports: CertifyReportOptions

    func validate() throws {
        if certify, !reports.writesAny { throw ValidationError("--certify needs --report DIR, --json FILE or --junit FILE") }
        if !certify, reports.writesAny || reports.expectedFailures != nil {
            throw ValidationError("--report, --json, --junit and --expected-failures need --certify")
        }
    }

    /// The expected failures for `kind`'s checks (`ic`, `imt`); nil without `--certify`. A malformed file exits 2.
    func expectedFailures(kind: String) throws -> ExpectedFailures? {
        guard certify else { return nil }
        return try reports.loadExpectedFailures(knownIDs: ClientCertification.checkIDs(kind: kind))
    }

    /// `certification` with where its report goes.
    func certifying(_ certification: ClientCertification) -> Certifying {
        Certifying(certification: certification, report: reports.report, json: reports.json, junit: reports.junit)
    }

    /// A client certification under way, and where its report goes.
    struct Certifying: Sendable {
        let certification: ClientCertification
        let report: String?
        let json: String?
        let junit: String?

        /// Judges the traffic so far and writes the reports, each line to standard error; whether they were written.
        func finish() -> Bool {
            let result = certification.report(toolVersion: Bifrost.configuration.version)
            for line in CertificationText.lines(result) { printError(line) }
            do {
                try CertifyReportOptions.write(result, report: report, json: json, junit: junit, say: printError)
                return true
            } catch {
                printError("bifrost serve: the certification report could not be written: \(error.localizedDescription)")
                return false
            }
        }
    }
}
