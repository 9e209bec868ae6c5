import BifrostTesting
import Foundation
import Harness
import Support
import Testing
import Wire

/// The `verify` step: a count of matching exchanges asserted in one line, an input error where it cannot be asked.
@Suite struct VerifyStepTests {
    /// A scenario that opens and closes one session (`imt-ping`), then runs `steps`.
    static func scenario(_ steps: String) -> String {
        """
        name: verify
        profile: imt-mips-apps
        clock: 2024-11-18T17:05:28Z
        settings:
          88: "{imt.auth}/sessions/"
          8: "{imt.api}/"
          9: icuser
          10: s3cr3t-pass
        imt:
          users: {icuser: s3cr3t-pass}
        steps:
          - imt-ping: {}
        \(steps)
        expect:
          golden: [result]

        """
    }

    /// Runs the scenario `text` once, golden files written, and gives its report.
    static func run(_ text: String) async throws -> ScenarioReport {
        let folder = try TemporaryFolder("verify-step")
        defer { folder.remove() }
        let scenarios = (folder.path as NSString).appendingPathComponent("Scenarios")
        try FileManager.default.createDirectory(atPath: scenarios, withIntermediateDirectories: true)
        try text.write(toFile: (scenarios as NSString).appendingPathComponent("v.yaml"), atomically: true, encoding: .utf8)
        let runner = SuiteRunner(
            suite: try Suite.load(paths: [scenarios]), goldenRoot: (folder.path as NSString).appendingPathComponent("Golden"),
            recording: .all, jobs: 1)
        let reports = await runner.run { _ in }
        return try #require(reports.first)
    }

    @Test func `a count that holds passes and another fails the scenario naming what matched`() async throws {
        let passing = try await Self.run(
            Self.scenario(
                """
                  - verify: {partner: imt, method: DELETE, path: /sessions/*, count: 1}
                  - verify: {partner: imt, method: POST, path: /sessions/, body: {data.attributes.username: icuser}, count: 1}
                  - verify: {partner: imt, path: /payments/, count: 0}
                """))
        #expect(passing.verdict == .passed, "\(passing.failures)")
        let failing = try await Self.run(
            Self.scenario(
                """
                  - verify: {partner: imt, method: post, header: {Content-Type: "*"}, count: 2}
                """))
        #expect(failing.verdict == .failed)
        let message = failing.failures.joined(separator: "\n")
        #expect(message.contains("verify imt post header.Content-Type=*: expected 2 matching request(s), found 1"))
        #expect(message.contains("POST /auth/3401/api/sessions/"))
    }

    @Test(arguments: [
        ("verify: {partner: imx, count: 1}", 13, 23, "unknown partner 'imx'"),
        ("verify: {partner: imt, count: -1}", 13, 35, "count must be a whole number from 0"),
        ("verify: {partner: imt, header: {Cookie: abc}, count: 1}", 13, 37, "Cookie is a secret header"),
        ("verify: {partner: imt, body: {data..id: x}, count: 1}", 13, 35, "empty segment"),
        ("verify: {partner: imt}", 13, 13, "count"),
    ])
    func `a verification that cannot be asked is an input error at its position`(
        step: String, line: Int, column: Int, message: String
    ) throws {
        let folder = try TemporaryFolder("verify-step-errors")
        defer { folder.remove() }
        let file = try folder.write(Self.scenario("  - " + step), to: "case.yaml")
        do {
            _ = try ScenarioLoader.load(file: file, suiteRoot: folder.path)
            Issue.record("\(step) loaded")
        } catch {
            let first = try #require(error.errors.first)
            #expect(first.message.contains(message), "\(first)")
            #expect(first.line == line, "\(first)")
            #expect(first.column == column, "\(first)")
        }
    }
}
