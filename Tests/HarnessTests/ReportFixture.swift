import BifrostTesting
import Foundation
import Harness

/// A tiny suite run once: `ping` passes, `broken` fails against a golden file edited to
/// disagree, `bad` does not load, and one requirement of the catalog is covered by none.
struct ReportFixture {
    /// The password of the scenarios' mock user: no report may show it.
    static let password = "s3cr3t-pass"

    static let catalog = """
        requirements:
          - id: TEST-PING-001
            seed: seed.txt
            section: sessions
            quote: "A ping opens and closes a session."
          - id: TEST-BROKEN-001
            seed: seed.txt
            section: broken
            quote: "Checked by the scenario whose golden file disagrees."
          - id: TEST-NONE-001
            seed: seed.txt
            section: nothing
            quote: "No scenario covers this."

        """

    static func scenario(name: String, covers: String) -> String {
        """
        name: \(name)
        profile: imt-mips-apps
        covers: [\(covers)]
        clock: 2024-11-18T17:05:28Z
        settings:
          88: "{imt.auth}/sessions/"
          8: "{imt.api}/"
          9: icuser
          10: \(password)
        imt:
          users: {icuser: \(password)}
        steps:
          - imt-ping: {service: rtdr}
        expect:
          golden: [journal, result]

        """
    }

    let folder: TemporaryFolder
    let suite: Suite
    let reports: [ScenarioReport]

    /// The coverage of the whole suite's run.
    var coverage: RunCoverage? {
        CoverageReport(suite: suite).map {
            RunCoverage(suite: $0, ran: Set(suite.scenarios.map(\.relativePath)), scope: RunScope())
        }
    }

    /// Writes the suite, records its golden files, edits broken's to name it `expected <b>broken</b>`, and runs it.
    static func run() async throws -> ReportFixture {
        let folder = try TemporaryFolder("report")
        try folder.write(catalog, to: "Scenarios/requirements.yaml")
        try folder.write(scenario(name: "ping", covers: "TEST-PING-001"), to: "Scenarios/ping.yaml")
        try folder.write(scenario(name: "broken", covers: "TEST-BROKEN-001"), to: "Scenarios/broken.yaml")
        try folder.write("name: [\n", to: "Scenarios/bad.yaml")
        let scenarios = folder.file("Scenarios")
        let golden = folder.file("Golden")
        _ = await SuiteRunner(suite: try Suite.load(paths: [scenarios]), goldenRoot: golden, update: true, jobs: 2).run { _ in }
        let result = folder.file("Golden/broken/result.json")
        let recorded = try String(contentsOfFile: result, encoding: .utf8)
        try recorded.replacingOccurrences(of: #""scenario": "broken""#, with: #""scenario": "expected <b>broken</b>""#)
            .write(toFile: result, atomically: true, encoding: .utf8)
        let suite = try Suite.load(paths: [scenarios])
        let reports = await SuiteRunner(suite: suite, goldenRoot: golden, update: false, jobs: 2).run { _ in }
        return ReportFixture(folder: folder, suite: suite, reports: reports)
    }
}
