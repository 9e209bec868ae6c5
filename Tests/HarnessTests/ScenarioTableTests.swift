import BifrostTesting
import Foundation
import Harness
import Partners
import Support
import Testing
import Wire

/// Scenario tables: `examples:` rows fill `{{name}}` placeholders, each row a scenario `path[row]`.
@Suite struct ScenarioTableTests {
    /// A table of two RTDR rows; `extra` is appended to the file.
    static func table(rows: String, scenarioName: String = #""{{title}} ({{row}})""#) -> String {
        """
        name: \(scenarioName)
        profile: imt-mips-apps
        covers: "{{covers}}"
        clock: 2024-11-18T17:05:28Z
        settings:
          88: "{imt.auth}/sessions/"
          8: "{imt.api}/"
          9: icuser
          10: s3cr3t-pass
        imt:
          users: {icuser: s3cr3t-pass}
          policies:
            - {policy_number: "20240903", current_due: "{{due}}", payment_types: "{{types}}"}
        steps:
          - rtdr: {account: "20240903"}
        examples:
        \(rows)
        """
    }

    static let rows = """
          - {row: cc, title: CC only, covers: [IMT-RTDR-002], due: "12.50", types: [CC]}
          - {row: none, title: Nothing, covers: [], due: "0.00", types: []}
        """

    /// Loads `text` as `Scenarios/t/table.yaml`; the scenarios, or the errors.
    static func load(_ text: String) throws -> Result<[Scenario], InputErrors> {
        let folder = try TemporaryFolder("table")
        defer { folder.remove() }
        let root = (folder.path as NSString).appendingPathComponent("Scenarios")
        try FileManager.default.createDirectory(atPath: root + "/t", withIntermediateDirectories: true)
        let file = root + "/t/table.yaml"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return Result { () throws(InputErrors) in try ScenarioLoader.loadAll(file: file, suiteRoot: root) }
    }

    @Test func `each row is a scenario of its own, named path[row], its placeholders filled with the row's values`() throws {
        let scenarios = try Self.load(Self.table(rows: Self.rows)).get()
        #expect(scenarios.map(\.relativePath) == ["t/table[cc]", "t/table[none]"])
        #expect(scenarios.map(\.name) == ["CC only (cc)", "Nothing (none)"])
        #expect(scenarios.map { $0.covers.map(\.value) } == [["IMT-RTDR-002"], []])
        #expect(scenarios.map { $0.imt?.policies.first?.attributes["payment_types"] } == [["CC"], []])
        #expect(scenarios[0].imt?.policies.first?.attributes["current_due"] == "12.50")
    }

    /// One row problem per case: the text the error holds and its line and column in the file.
    @Test(arguments: [
        (
            "  - {row: cc, title: CC, covers: [], due: \"1.00\"}", "the row 'cc' has no value for {{types}} (used at line 13",
            17, 5
        ),
        (
            "  - {row: cc, title: A, covers: [], due: \"1\", types: []}\n  - {row: cc, title: B, covers: [], due: \"2\", types: []}",
            "the row name 'cc' is already the name of the row at line 17", 18, 11
        ),
        (
            "  - {row: cc, title: A, covers: [], due: \"1\", types: [], tpyes: []}", "'tpyes' fills no placeholder", 17, 58
        ),
        ("  - {title: A, covers: [], due: \"1\", types: []}", "needs its name: row: <name>", 17, 5),
        ("  - {row: \"a b\", title: A, covers: [], due: \"1\", types: []}", "a row name is letters", 17, 11),
        ("  - [cc]", "a row of examples must be a mapping", 17, 5),
    ])
    func `a bad row is an input error at its position`(rows: String, message: String, line: Int, column: Int) throws {
        let errors = try #require(
            {
                if case .failure(let errors) = try Self.load(Self.table(rows: rows)) { return errors }
                return nil
            }())
        let found = errors.errors.first { $0.message.contains(message) }
        #expect(found != nil, "\(errors)")
        #expect(found?.line == line, "\(errors)")
        #expect(found?.column == column, "\(errors)")
        #expect(found?.file.hasSuffix("Scenarios/t/table.yaml") == true)
    }

    @Test func `a list spliced into text, and a placeholder without examples, are errors at their position`() throws {
        let spliced = Self.table(rows: Self.rows, scenarioName: #""{{title}} {{types}}""#)
        guard case .failure(let errors) = try Self.load(spliced) else {
            Issue.record("a list spliced into the name loaded")
            return
        }
        #expect(errors.errors.map(\.message).contains { $0.contains("{{types}} is inside text") }, "\(errors)")
        #expect(errors.errors.first?.line == 17, "\(errors)")
        #expect(errors.errors.first?.column == 76, "\(errors)")

        let text = Self.table(rows: Self.rows).components(separatedBy: "examples:")[0]
        guard case .failure(let none) = try Self.load(text) else {
            Issue.record("placeholders without examples loaded")
            return
        }
        #expect(none.errors.first?.message.contains("{{title}} has no value") == true, "\(none)")
        #expect(none.errors.first?.line == 1, "\(none)")
        #expect(none.errors.first?.column == 7, "\(none)")
    }

    @Test func `an error of the scenario every row makes is reported once`() throws {
        let text = Self.table(rows: Self.rows).replacingOccurrences(of: "rtdr: {account", with: "rtdr: {acount")
        guard case .failure(let errors) = try Self.load(text) else {
            Issue.record("an unknown step member loaded")
            return
        }
        #expect(errors.errors.count(where: { $0.message.contains("acount") }) == 1, "\(errors)")
    }

    @Test func `--filter selects a row by its path, and the shipped tables keep their rows' golden folders`() throws {
        let suite = try Suite.load(paths: [SourceTree.path("Scenarios")])
        let chosen = Selection(filter: "payment-types[none").apply(to: suite.scenarios)
        #expect(chosen.map(\.relativePath) == ["imt-mips-apps/rtdr/payment-types[none-blocked]"])
        let rows = suite.scenarios.map(\.relativePath).filter { $0.hasSuffix("]") }
        #expect(rows.count == 13)
        for row in rows {
            let folder = SourceTree.path("Golden/" + row)
            #expect(FileManager.default.fileExists(atPath: folder + "/journal.json"), "\(folder)")
        }
    }

    @Test func `the README states the shipped suite's count of scenarios and files`() throws {
        let suite = try Suite.load(paths: [SourceTree.path("Scenarios")])
        let files = Set(suite.scenarios.map(\.file)).count
        let readme = try SourceTree.text("README.md")
        #expect(
            readme.contains("(\(suite.scenarios.count) scenarios from \(files) files"),
            "README.md: the suite has \(suite.scenarios.count) scenarios from \(files) files")
    }
}
