import BifrostTesting
import Certification
import Foundation
import Testing
import Wire

/// The certification pipelines under `ci/`: the password from the CI's secret store by variable name,
/// read-only, the partner's declaration and expected failures loading, every report kept also on failure.
@Suite struct CertifyCITemplateTests {
    static let reports = ["certification-report/", "certification.json", "certification.xml"]

    /// The command's words after `bifrost certify imt`, and checks common to both templates.
    static func expectCommand(_ command: String, in file: String) throws {
        #expect(command.hasPrefix("ci/setup && swift run bifrost certify imt"), "\(file)")
        #expect(command.contains("--password-env IMT_PASSWORD"), "\(file)")
        #expect(!command.contains("--allow-writes"), "\(file) is read-only")
        #expect(!command.contains("--insecure"), "\(file) verifies TLS")
        #expect(command.contains("--report certification-report --json certification.json --junit certification.xml"), "\(file)")
        for file in ["ci/certification/declaration.yaml", "ci/certification/expected-failures.yaml"] {
            #expect(command.contains(file))
        }
    }

    @Test func `the GitHub Actions certification takes the password from the secrets and keeps every report`() throws {
        let template = try JSONValue(yaml: try SourceTree.text("ci/github-actions-certify.yml"))
        let job = try #require(template["jobs"]?["certify"])
        #expect(job["container"]?.stringValue?.hasPrefix("swift:6") == true)
        let steps = job["steps"]?.arrayValue ?? []
        let certify = try #require(steps.first { $0["run"]?.stringValue?.contains("bifrost certify imt") == true })
        #expect(certify["env"]?["IMT_PASSWORD"]?.stringValue == "${{ secrets.IMT_PASSWORD }}")
        let command = try #require(certify["run"]?.stringValue)
        #expect(!command.contains("secrets."), "the password reaches the command only through its variable")
        try Self.expectCommand(command, in: "github-actions-certify.yml")
        let upload = try #require(steps.first { $0["uses"]?.stringValue?.hasPrefix("actions/upload-artifact@") == true })
        #expect(upload["if"]?.stringValue?.contains("always()") == true)
        #expect((upload["with"]?["path"]?.stringValue ?? "").split(separator: "\n").map(String.init) == Self.reports)
    }

    @Test func `the GitLab CI certification reads the password from a CI variable and keeps every report`() throws {
        let text = try SourceTree.text("ci/gitlab-ci-certify.yml")
        let template = try JSONValue(yaml: text)
        let job = try #require(template["certify-imt"])
        #expect(template["variables"]?["IMT_PASSWORD"] == nil && job["variables"]?["IMT_PASSWORD"] == nil)
        let command = try #require(
            job["script"]?.arrayValue?.compactMap(\.stringValue).first { $0.contains("bifrost certify imt") })
        try Self.expectCommand(command, in: "gitlab-ci-certify.yml")
        #expect(job["artifacts"]?["when"]?.stringValue == "always")
        #expect(job["artifacts"]?["reports"]?["junit"]?.stringValue == "certification.xml")
        #expect(job["artifacts"]?["paths"]?.arrayValue?.compactMap(\.stringValue) == Self.reports)
    }

    @Test func `the example declaration and expected failures load`() throws {
        let declaration = try IMTDeclaration.load(file: SourceTree.path("ci/certification/declaration.yaml"))
        #expect(declaration.flows.count == 5)
        #expect(declaration.accounts[.ccBlocked] == "20240904")
        let expected = try ExpectedFailures.load(
            file: SourceTree.path("ci/certification/expected-failures.yaml"), knownIDs: IMTCertification.checkIDs)
        #expect(expected.reasons.keys.sorted() == ["IMT-RTDR-011"])
    }
}
