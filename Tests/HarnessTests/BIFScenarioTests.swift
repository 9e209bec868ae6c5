import BifrostTesting
import Foundation
import Harness
import Support
import Testing

/// BIF steps in scenarios: loading errors and golden BIF files compared field by field.
@Suite struct BIFScenarioTests {
    static let scenario = """
        name: merge
        profile: imt-mips-apps
        clock: 2024-11-18T17:05:28Z
        files:
          upload.bif: |
            FH|6f1c2e0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b||11/18/2024|1|10.00
            IH|R|a1b2c3d4-5e6f-4a0b-8c1d-2e3f4a5b6c7d|1-2024-11-18|11/18/2024|12/18/2024|10.00|1|252|10.00|0|0|0||||||||||||
            CR|1|SMITH JESSICA
            ID|10.00|Insurance
        steps:
          - bif-merge: {files: [upload.bif], output: import.bif}
        expect:
          golden: [result, import.bif]

        """

    /// A suite folder holding `case.yaml` with `text`, and its golden folder.
    func suite(_ text: String) throws -> (folder: URL, scenarios: URL) {
        let folder = try TemporaryFolder("bif")
        try folder.write("requirements: []\n", to: "Scenarios/requirements.yaml")
        try folder.write(text, to: "Scenarios/case.yaml")
        return (folder.url, folder.url.appendingPathComponent("Scenarios"))
    }

    @Test func `a step naming a file the scenario lacks is an error at its position`() throws {
        let (folder, scenarios) = try suite(
            Self.scenario.replacingOccurrences(of: "files: [upload.bif]", with: "files: [upload-2.bif]"))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            try ScenarioLoader.load(file: scenarios.appendingPathComponent("case.yaml").path, suiteRoot: scenarios.path)
        } throws: { error in
            let error = (error as? InputErrors)?.errors.first
            return error?.line == 11 && error?.column == 25 && error?.message.contains("no file 'upload-2.bif'") == true
        }
    }

    @Test func `an edited golden BIF fails and names the invoice, row and field`() async throws {
        let (folder, scenarios) = try suite(Self.scenario)
        defer { try? FileManager.default.removeItem(at: folder) }
        let golden = folder.appendingPathComponent("Golden").path
        let recorded = await SuiteRunner(
            suite: try Suite.load(paths: [scenarios.path]), goldenRoot: golden, update: true, jobs: 1
        ).run { _ in }
        #expect(recorded.first?.written.count == 2)

        let file = folder.appendingPathComponent("Golden/case/import.bif")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "SMITH JESSICA", with: "SMITH JESICA").write(
            to: file, atomically: true, encoding: .utf8)
        let reports = await SuiteRunner(
            suite: try Suite.load(paths: [scenarios.path]), goldenRoot: golden, update: false, jobs: 1
        ).run { _ in }
        let report = try #require(reports.first)
        #expect(!report.passed)
        #expect(
            report.failures.joined().contains(
                #"import.bif invoice 1-2024-11-18, customer record, CustomerName: expected "SMITH JESICA", got "SMITH JESSICA""#))
    }
}
