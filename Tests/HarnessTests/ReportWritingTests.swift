import BifrostTesting
import Foundation
import Support
import Testing
import Wire

@testable import Harness

/// The JSON, HTML and JUnit reports of a run with a pass, a failure and a file that does not load.
@Suite struct ReportWritingTests {
    @Test func `the JSON report counts each verdict apart and lists the scenarios by path, members in a fixed order`()
        async throws
    {
        let fixture = try await ReportFixture.run()
        defer { fixture.folder.remove() }
        let json = JSONReporter.value(fixture.reports, wallTime: .milliseconds(1234))

        #expect(json.objectValue?.map(\.key) == ["summary", "scope", "scenarios", "coverage"])
        #expect(json["coverage"] == .null, "no coverage asked for")
        #expect(
            json["summary"]
                == .object([
                    "passed": .number("1"), "failed": .number("1"), "errors": .number("1"), "skipped": .number("0"),
                    "total": .number("3"),
                    "wallTimeMs": .number("1234"),
                ]))
        let scenarios = try #require(json["scenarios"]?.arrayValue)
        #expect(scenarios.map { $0["path"]?.stringValue } == ["bad", "broken", "ping"])
        #expect(scenarios.map { $0["verdict"]?.stringValue } == ["error", "failed", "passed"])
        #expect(scenarios[1].objectValue?.map(\.key) == ["path", "file", "name", "verdict", "durationMs", "failures", "written"])
        #expect(scenarios[0]["name"] == .null)
        #expect(scenarios[0]["file"]?.stringValue?.hasSuffix("Scenarios/bad.yaml") == true)
        let failure = try #require(scenarios[1]["failures"]?.arrayValue?.first?.stringValue)
        #expect(failure.contains(#"-  "scenario": "expected <b>broken</b>","#))
        #expect(JSONReporter.text(fixture.reports, wallTime: .milliseconds(1234)) == json.prettyText)
        #expect(!json.prettyText.contains(ReportFixture.password))
    }

    @Test func `the HTML report escapes a scenario's text and marks the requirements no scenario covers`() async throws {
        let fixture = try await ReportFixture.run()
        defer { fixture.folder.remove() }
        let page = HTMLReporter.page(fixture.reports, wallTime: .seconds(2), coverage: fixture.coverage)

        #expect(page.contains("expected &lt;b&gt;broken&lt;/b&gt;"))
        #expect(!page.contains("<b>broken"))
        #expect(page.contains(#"<details class="scenario error" id="s-bad" open>"#))
        #expect(page.contains(#"<details class="scenario passed" id="s-ping">"#))
        #expect(page.contains("1 passed</span>") && page.contains("wall time 2.000 s"))
        #expect(row("TEST-NONE-001", in: page)?.contains("UNCOVERED") == true)
        #expect(row("TEST-BROKEN-001", in: page)?.contains("1 of 1 not passed") == true)
        #expect(row("TEST-PING-001", in: page)?.contains(##"<a href="#s-ping">ping</a>"##) == true)
        #expect(!page.contains(ReportFixture.password))
        #expect(!page.contains("src=") && !page.contains("<link"), "the page loads nothing from elsewhere")
    }

    @Test func `markup text is escaped, control characters included, and quotes in attributes`() {
        let text = "<script>alert('x')</script> & \"q\"\u{01}\n"
        #expect(MarkupText.content(text) == "&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"q\"\u{FFFD}\n")
        #expect(MarkupText.attribute(text) == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;\u{FFFD}\n")
        #expect(MarkupText.content("plain, \"quoted\" and ünïcode ✓") == "plain, \"quoted\" and ünïcode ✓")
        #expect(MarkupText.content("ü<ï") == "ü&lt;ï")
    }

    @Test func `the HTML report replaces index.html whole and leaves no temporary file`() async throws {
        let fixture = try await ReportFixture.run()
        defer { fixture.folder.remove() }
        let folder = fixture.folder.file("report")
        try HTMLReporter.write(fixture.reports, wallTime: .seconds(1), coverage: nil, toFolder: folder)
        let page = try HTMLReporter.write(fixture.reports, wallTime: .seconds(2), coverage: nil, toFolder: folder)

        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["index.html"])
        let text = try String(contentsOfFile: page, encoding: .utf8)
        #expect(text == HTMLReporter.page(fixture.reports, wallTime: .seconds(2), coverage: nil))
        #expect(text.contains("No requirement catalog"))
    }

    @Test func `a report in a folder that does not exist is refused before the run`() throws {
        let folder = try TemporaryFolder("report-paths")
        defer { folder.remove() }
        #expect(ReportFile.problem(writingFile: folder.file("nope/r.json")) == "the folder \(folder.file("nope")) does not exist")
        #expect(ReportFile.problem(writingFile: folder.path) == "\(folder.path) is a folder, not a file")
        #expect(ReportFile.problem(writingFile: folder.file("r.json")) == nil)
        #expect(ReportFile.problem(writingFile: "r.json") == nil)
        #expect(
            ReportFile.problem(writingFolder: folder.file("nope/report")) == "the folder \(folder.file("nope")) does not exist")
        #expect(ReportFile.problem(writingFolder: folder.file("report")) == nil)
        let file = try folder.write("x", to: "file")
        #expect(ReportFile.problem(writingFolder: file) == "\(file) is a file, not a folder")
    }

    @Test func `JUnit carries the journals of the scenarios that did not pass; every one's only when asked`() async throws {
        let fixture = try await ReportFixture.run()
        defer { fixture.folder.remove() }
        let xml = JUnitReporter.xml(fixture.reports, wallTime: .seconds(1))

        #expect(xml.components(separatedBy: "<system-out>").count - 1 == 1, "only broken's: bad did not run, ping passed")
        #expect(xml.contains(#"<testcase classname="." name="ping" file=""#) && xml.contains(#"time="0."#))
        #expect(xml.contains(#"<system-out>[{"seq":1,"partner":"imt","request":{"method":"POST""#))
        #expect(xml.contains(#""password":"&lt;redacted&gt;""#), "the journal is escaped and its secrets redacted")
        let broken = try #require(xml.range(of: #"name="broken""#).map { xml[$0.lowerBound...] })
        let failure = try #require(broken.range(of: "<failure"))
        let out = try #require(broken.range(of: "<system-out>"))
        #expect(failure.lowerBound < out.lowerBound, "JUnit wants <failure> before <system-out>")
        #expect(!xml.contains(ReportFixture.password))

        let all = JUnitReporter.xml(fixture.reports, wallTime: .seconds(1), journals: .all)
        #expect(all.components(separatedBy: "<system-out>").count - 1 == 2)
        let none = JUnitReporter.xml(fixture.reports, wallTime: .seconds(1), journals: .none)
        #expect(!none.contains("<system-out>"))
        #expect(JUnitReporter.folder(of: "a") == "" && JUnitReporter.folder(of: "imt/rtdr/a") == "imt/rtdr")
    }

    @Test func `JUnit validates against Jenkins xunit's junit-10.xsd but for the testcase file attribute`() async throws {
        let fixture = try await ReportFixture.run()
        defer { fixture.folder.remove() }
        let schema = try XMLSchema(parsing: Array(try SourceTree.text("Tests/Schemas/junit-10.xsd").utf8))
        let coverage = try #require(fixture.coverage)
        let scope = RunScope(filter: "p", shard: "1/2")
        for journals in JUnitReporter.JournalOutput.allCases {
            let xml = JUnitReporter.xml(
                fixture.reports, wallTime: .seconds(1), scope: scope, coverage: coverage, journals: journals)
            let violations = schema.violations(of: try Wire.XMLDocument(parsing: Array(xml.utf8)))
            #expect(!violations.isEmpty && violations.allSatisfy { $0.message.contains("'file'") }, "\(violations)")
            let withoutFile = xml.replacing(#/ file="[^"]*"/#, with: "")
            #expect(schema.violations(of: try Wire.XMLDocument(parsing: Array(withoutFile.utf8))) == [], "\(journals)")
        }
    }

    /// The coverage table's row of `id`.
    func row(_ id: String, in page: String) -> Substring? {
        guard let start = page.range(of: ">\(id)</code>") else { return nil }
        let rest = page[start.lowerBound...]
        return rest.range(of: "</tr>").map { rest[..<$0.upperBound] }
    }
}
