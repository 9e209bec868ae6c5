import BifrostTesting
import Foundation
import Testing
import Wire

/// Shards and filtered runs: their reports count coverage over what they ran, `report merge` makes
/// one report of a matrix's shards, and empty selections are treated alike with and without `--list`.
@Suite struct ShardReportTests {
    static let catalog = """
        requirements:
          - {id: TEST-ONE-001, seed: seed.txt, section: one, quote: "Covered by the first scenario."}
          - {id: TEST-TWO-001, seed: seed.txt, section: two, quote: "Covered by the second scenario."}
          - {id: TEST-NONE-001, seed: seed.txt, section: none, quote: "Covered by no scenario."}

        """

    static func scenario(_ name: String, covers: String) -> String {
        """
        name: \(name)
        profile: imt-mips-apps
        covers: [\(covers)]
        clock: 2024-11-18T17:05:28Z
        steps:
          - validate-settings: {}
        expect:
          golden: [result]

        """
    }

    /// A suite of two passing scenarios, `a` covering TEST-ONE-001 and `b` TEST-TWO-001, golden files recorded.
    static func suite() async throws -> TemporaryFolder {
        let folder = try TemporaryFolder("shards")
        try folder.write(catalog, to: "Scenarios/requirements.yaml")
        try folder.write(scenario("a", covers: "TEST-ONE-001"), to: "Scenarios/a.yaml")
        try folder.write(scenario("b", covers: "TEST-TWO-001"), to: "Scenarios/b.yaml")
        // Recording golden files is refused where CI is set, as in the CI that runs these tests.
        let recorded = try await BifrostExecutable.run(
            ["run", "Scenarios", "--update"], environment: ["CI": "false"], in: folder.path)
        #expect(recorded.status == 0)
        return folder
    }

    /// The coverage row of `id` in a JSON report.
    static func row(_ id: String, _ report: JSONValue) -> JSONValue? {
        report["coverage"]?["requirements"]?.arrayValue?.first { $0["id"]?.stringValue == id }
    }

    static func json(_ file: String) throws -> JSONValue {
        try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
    }

    @Test func `a shard's reports say what it ran and mark NOT RUN, not UNCOVERED, what other shards cover`()
        async throws
    {
        let folder = try await Self.suite()
        defer { folder.remove() }
        let env = ["CI": "true"]
        let first = try await BifrostExecutable.run(
            ["run", "Scenarios", "--shard", "1/2", "--json", "1.json", "--junit", "1.xml", "--report", "r1"],
            environment: env, in: folder.path)
        #expect(first.status == 0)
        let report = try Self.json(folder.file("1.json"))
        #expect(report["scope"]?["shard"]?.stringValue == "1/2")
        #expect(Self.row("TEST-ONE-001", report)?["scenarios"] == .array(["a"]))
        #expect(Self.row("TEST-TWO-001", report)?["scenarios"] == .array([]))
        #expect(Self.row("TEST-TWO-001", report)?["notRun"] == .number("1"))
        #expect(Self.row("TEST-NONE-001", report)?["notRun"] == .number("0"))

        let page = try String(contentsOfFile: folder.file("r1/index.html"), encoding: .utf8)
        #expect(page.contains("Counted over the scenarios this run took (--shard 1/2)"))
        #expect(page.components(separatedBy: ">UNCOVERED<").count - 1 == 1, "only TEST-NONE-001 is uncovered")
        #expect(page.components(separatedBy: ">NOT RUN<").count - 1 == 1)
        #expect(page.contains("3 requirements, 1 covered, 1 uncovered, 1 covered only by scenarios this run did not take"))

        let junit = try String(contentsOfFile: folder.file("1.xml"), encoding: .utf8)
        #expect(junit.contains(#"<property name="bifrost.scope" value="--shard 1/2"/>"#))
        #expect(junit.contains(#"<property name="bifrost.coverage" value="3 requirements, 1 covered, 1 uncovered, 1 covered"#))

        let filtered = try await BifrostExecutable.run(
            ["run", "Scenarios", "--filter", "b", "--json", "f.json"], environment: env, in: folder.path)
        #expect(filtered.status == 0)
        let filteredReport = try Self.json(folder.file("f.json"))
        #expect(filteredReport["scope"]?["filter"]?.stringValue == "b")
        #expect(Self.row("TEST-ONE-001", filteredReport)?["notRun"] == .number("1"))
    }

    @Test func `report merge makes one report of every shard: the whole run's counts and coverage`() async throws {
        let folder = try await Self.suite()
        defer { folder.remove() }
        for shard in ["1/2", "2/2"] {
            let name = shard.prefix(1)
            let run = try await BifrostExecutable.run(
                ["run", "Scenarios", "--shard", shard, "--json", "\(name).json"], environment: ["CI": "true"], in: folder.path)
            #expect(run.status == 0)
        }
        let merged = try await BifrostExecutable.run(
            ["report", "merge", "1.json", "2.json", "--json", "all.json", "--junit", "all.xml", "--report", "all"],
            in: folder.path)
        #expect(merged.status == 0, "\(merged.output)")
        #expect(merged.output.contains("2 passed, 0 failed"))
        #expect(merged.output.contains("coverage: 3 requirements, 2 covered, 1 uncovered\n"))
        let report = try Self.json(folder.file("all.json"))
        #expect(report["summary"]?["total"] == .number("2"))
        #expect(report["scope"] == .object(["paths": .null, "filter": .null, "covers": .null, "shard": .null]))
        #expect(report["scenarios"]?.arrayValue?.map { $0["path"]?.stringValue } == ["a", "b"])
        #expect(Self.row("TEST-TWO-001", report)?["scenarios"] == .array(["b"]))
        #expect(Self.row("TEST-TWO-001", report)?["notRun"] == .number("0"))
        let junit = try String(contentsOfFile: folder.file("all.xml"), encoding: .utf8)
        #expect(junit.contains(#"tests="2" failures="0" errors="0""#))
        #expect(!junit.contains("bifrost.scope"), "the shards together are the whole suite")
        let page = try String(contentsOfFile: folder.file("all/index.html"), encoding: .utf8)
        #expect(!page.contains(">NOT RUN<"))
        let whole = try await BifrostExecutable.run(
            ["run", "Scenarios", "--json", "whole.json"], environment: ["CI": "true"], in: folder.path)
        #expect(whole.status == 0)
        let wholeReport = try Self.json(folder.file("whole.json"))
        #expect(report["coverage"] == wholeReport["coverage"], "the shards merged count as one run of the whole suite")
        #expect(report["scenarios"]?.arrayValue?.count == wholeReport["scenarios"]?.arrayValue?.count)

        let twice = try await BifrostExecutable.run(["report", "merge", "1.json", "1.json"], in: folder.path)
        #expect(twice.status == 2, "a shard given twice would count its scenarios twice")
        let partial = try await BifrostExecutable.run(["report", "merge", "1.json", "--json", "p.json"], in: folder.path)
        #expect(partial.status == 0)
        #expect(try Self.json(folder.file("p.json"))["scope"]?["shard"]?.stringValue == "1/2")
        try folder.write("{\"summary\": 3}", to: "bad.json")
        #expect(try await BifrostExecutable.run(["report", "merge", "1.json", "bad.json"], in: folder.path).status == 2)
    }

    @Test func `an empty selection is an error with --list or without; an empty shard of a selection is not`()
        async throws
    {
        let folder = try await Self.suite()
        defer { folder.remove() }
        let env = ["CI": "true"]
        for list in [[], ["--list"]] {
            let none = try await BifrostExecutable.run(
                ["run", "Scenarios", "--filter", "no-such-scenario"] + list, environment: env, in: folder.path)
            #expect(none.status == 2, "\(list)")
            let empty = try await BifrostExecutable.run(
                ["run", "Scenarios", "--shard", "3/3", "--junit", "j.xml"] + list, environment: env, in: folder.path)
            #expect(empty.status == 0, "\(list)")
            #expect(empty.output.hasPrefix("shard 3/3 takes no scenario: the selection has 2, fewer than its shards\n"))
        }
        let junit = try String(contentsOfFile: folder.file("j.xml"), encoding: .utf8)
        #expect(junit.contains(#"<testsuites name="bifrost" tests="0""#))
    }
}
