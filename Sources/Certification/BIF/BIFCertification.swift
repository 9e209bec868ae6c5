public import Foundation
public import Support
import Transport
public import Wire

/// `bifrost certify bif`: judges a partner's invoice files by every BIF rule of a profile, one check per rule.
///
/// ```swift
/// let report = try await BIFCertification(.init(profile: .imtMipsApps, files: ["invoices.bif"])).run()
/// ```
public struct BIFCertification: Sendable {
    /// Which files, by which profile and layout.
    public struct Options: Sendable {
        public var profile: BIFProfile
        public var files: [String]
        public var layout = BIFLayout.standard
        /// The layout file's path, for the report; nil for the standard layout.
        public var layoutFile: String?
        public var expectedFailures = ExpectedFailures()
        public var toolVersion = "unknown"

        public init(profile: BIFProfile, files: [String]) {
            self.profile = profile
            self.files = files
        }
    }

    public var options: Options

    public init(_ options: Options) { self.options = options }

    /// The check ids of a profile, for `--expected-failures`.
    public static func checkIDs(for profile: BIFProfile) -> Set<String> {
        Set(BIFCheck.all(for: profile).map(\.definition.id))
    }

    /// Validates every file (each streamed once, off Swift's cooperative pool) and judges each rule;
    /// a file that cannot be opened or read is an input error.
    public func run(now: Date = Date()) async throws(InputError) -> CertificationReport {
        var files: [BIFFileFindings] = []
        for file in options.files {
            let validator = BIFValidator(layout: options.layout, profile: options.profile)
            files.append(
                try await BlockingPool.run { () throws(InputError) -> BIFFileFindings in try Self.validate(file, validator) })
        }
        let results = BIFCheck.all(for: options.profile).map { CheckResult(check: $0.definition, outcome: $0.judge(files)) }
        return CertificationReport(
            kind: "bif", target: target(files), date: now,
            toolVersion: options.toolVersion, profile: options.profile.rawValue, settings: settingsLines,
            results: options.expectedFailures.apply(to: results), subject: "BIF files")
    }

    static func validate(_ file: String, _ validator: BIFValidator) throws(InputError) -> BIFFileFindings {
        let source = try FileByteSource(path: file)
        var findings = BIFFileFindings(file: file)
        let summary: BIFValidationSummary
        do {
            summary = try validator.validate(source) { findings.add($0) }
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(file: file, line: 1, column: 1, message: "cannot read: \(error)")
        }
        findings.lines = summary.lines
        findings.invoices = summary.invoices
        return findings
    }

    /// `file 1: invoices.bif (4 lines, 1 invoice)`, one pair per file.
    func target(_ files: [BIFFileFindings]) -> [(String, String)] {
        files.enumerated().map { index, file in
            (
                "file \(index + 1)",
                "\(file.file) (\(BIFCheck.plural(file.lines, "line")), \(BIFCheck.plural(file.invoices, "invoice")))"
            )
        }
    }

    var settingsLines: [(String, String)] {
        [
            ("layout", options.layoutFile ?? "standard (bifrost bif layout)"),
            (
                "expected failures",
                options.expectedFailures.reasons.isEmpty ? "none" : "\(options.expectedFailures.reasons.count) listed"
            ),
        ]
    }
}
