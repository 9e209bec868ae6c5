import Foundation
import Harness
import Support
import Testing
import Wire

/// Every result reported, whatever happens: unloadable files, empty folders, many errors in one file.
@Suite struct SuiteReportingTests {
    static let valid = """
        name: ok
        profile: imt-mips-apps
        clock: 2024-11-18T17:05:28Z
        steps:
          - validate-settings: {}
        expect:
          golden: [result]

        """

    /// A suite folder holding `files` (name → text), removed after `body`.
    func withSuite<T>(_ files: [String: String], _ body: (URL) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bifrost-suite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files {
            let file = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return try await body(folder)
    }

    @Test func `a malformed scenario is an error report and the valid one beside it still runs`() async throws {
        try await withSuite(["s/good.yaml": Self.valid, "s/bad.yaml": "name: [\n"]) { folder in
            let suite = try Suite.load(paths: [folder.appendingPathComponent("s").path])
            #expect(suite.scenarios.map(\.name) == ["ok"])
            #expect(suite.unloadable.map(\.relativePath) == ["bad"])
            let runner = SuiteRunner(
                suite: suite, goldenRoot: folder.appendingPathComponent("Golden").path, update: true, jobs: 2)
            var seen: [String] = []
            let reports = await runner.run { seen.append($0.relativePath) }
            #expect(Set(seen) == ["bad", "good"])
            #expect(reports.map(\.verdict) == [.error, .passed])
            let junit = JUnitReporter.xml(reports, wallTime: .milliseconds(1500))
            #expect(junit.contains(#"tests="2" failures="0" errors="1" time="1.500""#))
            #expect(junit.contains("<error message=\"\(folder.path)/s/bad.yaml:"))
            #expect(
                ConsoleReporter.summary(reports).hasSuffix(
                    "1 of them could not run: input errors (exit status 2)\n1 passed, 1 failed"))
        }
    }

    @Test func `a folder without scenarios is an error, not a pass`() async throws {
        try await withSuite(["s/notes.txt": "nothing here"]) { folder in
            let path = folder.appendingPathComponent("s").path
            let errors = #expect(throws: InputErrors.self) { try Suite.load(paths: [path]) }
            #expect(errors?.errors.first?.message == "no scenarios found in \(path) (scenario files end in .yaml)")
        }
    }

    @Test func `every broken section and step of one file is reported, not only the first`() async throws {
        let text = Self.valid.replacingOccurrences(of: "name: ok", with: "name: ''")
            .replacingOccurrences(
                of: "  - validate-settings: {}", with: "  - rtdr: {}\n  - teleport: {}\n  - rtdr: {account: \"1\"}")
        try await withSuite(["case.yaml": text]) { folder in
            let file = folder.appendingPathComponent("case.yaml").path
            let errors = #expect(throws: InputErrors.self) { try ScenarioLoader.load(file: file, suiteRoot: folder.path) }
            #expect(errors?.errors.map(\.line) == [1, 5, 6])
            #expect(errors?.errors.map(\.message).first == "name must not be empty")
        }
    }

    @Test func `a file named twice, or by its folder and itself, runs once`() async throws {
        try await withSuite(["s/good.yaml": Self.valid]) { folder in
            let path = folder.appendingPathComponent("s").path
            let suite = try Suite.load(paths: [path, path + "/good.yaml", path + "/./good.yaml"])
            #expect(suite.scenarios.count == 1)
        }
    }

    @Test func `the golden folder of a suite rooted at the working directory is beside it, not a crash`() {
        #expect(Suite.defaultGoldenRoot(forSuiteRoot: "Scenarios") == "Golden")
        #expect(Suite.defaultGoldenRoot(forSuiteRoot: ".").hasSuffix("/Golden"))
    }

    @Test func `InputErrors keeps at most its limit and counts the rest`() {
        let many = (1...25).map { InputError(file: "f", line: $0, column: 1, message: "m") }
        let errors = InputErrors(errors: many)
        #expect(errors.errors.count == InputErrors.limit)
        #expect(errors.omitted == 5)
        #expect(errors.description.hasSuffix("… and 5 more"))
    }
}
