import BifrostTesting
import Foundation
import Testing
import Wire

/// The CI templates under `ci/`: the README's suite command, sharded over three jobs, the
/// JUnit file and the HTML report kept whether the run passes or fails.
@Suite struct CITemplateTests {
    static let shards = ["1/3", "2/3", "3/3"]

    /// The parts of the README's set-up command for the suite (`ci/setup`, `swift run bifrost run Scenarios`).
    static func readmeSuiteCommand() throws -> [String] {
        let readme = try SourceTree.text("README.md")
        let setUp = readme.components(separatedBy: "\n## ").first { $0.hasPrefix("Set-up") } ?? ""
        let command = setUp.split(separator: "\n").first { $0.hasPrefix("    ") && $0.contains("bifrost run Scenarios") }
        let parts = (command ?? "").components(separatedBy: "&&").map { $0.trimmingCharacters(in: .whitespaces) }
        return parts.filter { !$0.isEmpty }
    }

    static func template(_ name: String) throws -> JSONValue {
        try JSONValue(yaml: try SourceTree.text("ci/" + name))
    }

    /// The `--shard` values a command gives once `variable` is replaced by each of `values`.
    static func shards(of command: String, replacing variable: String, by values: [JSONValue]) -> [String] {
        values.compactMap { value -> String? in
            let text = value.stringValue ?? (value == .null ? nil : value.compactText)
            guard let text else { return nil }
            let words = command.replacingOccurrences(of: variable, with: text).split(separator: " ")
            guard let index = words.firstIndex(of: "--shard"), index + 1 < words.count else { return nil }
            return String(words[index + 1])
        }
    }

    /// Checks the command runs the README's parts in order, with the JUnit file and the report folder.
    static func expectSuiteCommand(_ command: String, in file: String) throws {
        let parts = try readmeSuiteCommand()
        #expect(parts == ["ci/setup", "swift run bifrost run Scenarios"], "the README's suite command")
        var rest = Substring(command)
        for part in parts {
            let found = rest.range(of: part)
            #expect(found != nil, "\(file) runs \(part), in the README's order")
            if let found { rest = rest[found.upperBound...] }
        }
        #expect(command.hasSuffix("--junit report.xml --report report"), "\(file): \(command)")
    }

    @Test func `the GitHub Actions template runs the README's suite command over three shards`() throws {
        let jobs = try #require(try Self.template("github-actions.yml")["jobs"]?.objectValue)
        let runsSuite = { (job: JSONValue) in
            job["steps"]?.arrayValue?.contains { $0["run"]?.stringValue?.contains("bifrost run") == true } == true
        }
        let job = try #require(jobs.first { runsSuite($0.value) }?.value)
        #expect(job["container"]?.stringValue?.hasPrefix("swift:6") == true)
        #expect(job["strategy"]?["fail-fast"] == .bool(false))
        let steps = job["steps"]?.arrayValue ?? []
        let command = try #require(steps.compactMap { $0["run"]?.stringValue }.first { $0.contains("bifrost run") })
        try Self.expectSuiteCommand(command, in: "github-actions.yml")
        let values = job["strategy"]?["matrix"]?["shard"]?.arrayValue ?? []
        #expect(Self.shards(of: command, replacing: "${{ matrix.shard }}", by: values) == Self.shards)
    }

    @Test func `the GitHub Actions template keeps each shard's JUnit file and report, also when it fails`() throws {
        let jobs = try #require(try Self.template("github-actions.yml")["jobs"]?.objectValue)
        let steps = jobs.flatMap { $0.value["steps"]?.arrayValue ?? [] }
        let upload = try #require(steps.first { $0["uses"]?.stringValue?.hasPrefix("actions/upload-artifact@") == true })
        #expect(upload["if"]?.stringValue?.contains("always()") == true)
        let paths = (upload["with"]?["path"]?.stringValue ?? "").split(separator: "\n").map(String.init)
        #expect(paths == ["report.xml", "report/"])
        // Artifacts of one run need names of their own.
        #expect(upload["with"]?["name"]?.stringValue?.contains("${{ matrix.shard }}") == true)
    }

    @Test func `the GitLab CI template runs the README's suite command over three shards`() throws {
        let template = try Self.template("gitlab-ci.yml")
        let job = try #require(template.objectValue?.first { $0.value["script"] != nil }?.value)
        #expect(job["image"]?.stringValue?.hasPrefix("swift:6") == true)
        let command = try #require(job["script"]?.arrayValue?.compactMap(\.stringValue).first { $0.contains("bifrost run") })
        try Self.expectSuiteCommand(command, in: "gitlab-ci.yml")
        let values = job["parallel"]?["matrix"]?.arrayValue?.first?["SHARD"]?.arrayValue ?? []
        #expect(Self.shards(of: command, replacing: "${SHARD}", by: values) == Self.shards)
    }

    @Test func `the GitLab CI template reports the JUnit file and keeps the report, also when it fails`() throws {
        let template = try Self.template("gitlab-ci.yml")
        let job = try #require(template.objectValue?.first { $0.value["script"] != nil }?.value)
        let artifacts = try #require(job["artifacts"])
        #expect(artifacts["when"] == "always")
        #expect(artifacts["reports"]?["junit"] == "report.xml")
        #expect(artifacts["paths"] == ["report.xml", "report/"])
    }
}
