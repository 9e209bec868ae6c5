import BifrostTesting
import Foundation
import Harness
import Testing

/// The HTML report loaded in a real headless Chromium: what a person opening it sees.
@Suite struct HTMLReportBrowserTests {
    static let missing = "chromium is not installed: run ci/setup --tests, which installs Debian's chromium package"

    @Test func `the HTML report shows a failing scenario's diff and its FAIL verdict in a browser, without console errors`()
        async throws
    {
        let chromium = try #require(HeadlessChromium.find(), Comment(rawValue: Self.missing))
        let fixture = try await ReportFixture.run()
        defer { fixture.folder.remove() }
        let page = try HTMLReporter.write(
            fixture.reports, wallTime: .milliseconds(1234), coverage: fixture.coverage,
            toFolder: fixture.folder.file("report"))

        let result = try await chromium.dumpDOM(of: page)

        #expect(result.status == 0, "chromium exited with \(result.status):\n\(result.log.suffix(2000))")
        #expect(result.consoleLines == [], "the page logged to its console")
        let dom = result.dom
        let broken = try #require(section(of: "broken", in: dom), "no section for the broken scenario in:\n\(dom.prefix(3000))")
        #expect(broken.contains(#"<span class="badge failed">FAIL</span>"#))
        #expect(broken.contains(#"-  "scenario": "expected &lt;b&gt;broken&lt;/b&gt;","#))
        #expect(broken.contains(#"+  "scenario": "broken","#))
        #expect(!dom.contains("<b>broken</b>"), "a scenario's text became markup")
        let ping = try #require(section(of: "ping", in: dom))
        #expect(ping.contains(#"<span class="badge passed">PASS</span>"#))
        #expect(ping.contains("POST /auth/"), "the journal's exchanges are missing")
        // The page's script ran to its end: it adds the filter box last.
        #expect(dom.contains(#"id="only-not-passed""#))
        #expect(!dom.contains(ReportFixture.password))
    }

    @Test func `the browser check sees an uncaught error of a page`() async throws {
        let chromium = try #require(HeadlessChromium.find(), Comment(rawValue: Self.missing))
        let folder = try TemporaryFolder("chromium-page")
        defer { folder.remove() }
        let page = try folder.write(
            "<!DOCTYPE html><html><body><p>x</p><script>noSuchFunction();</script></body></html>", to: "page.html")

        let result = try await chromium.dumpDOM(of: page)

        #expect(result.consoleLines.contains { $0.contains("Uncaught ReferenceError: noSuchFunction") })
        #expect(result.dom.contains("<p>x</p>"))
    }

    /// The `<details>` of one scenario in the dumped DOM, up to its end.
    func section(of path: String, in dom: String) -> Substring? {
        guard let start = dom.range(of: #"id="s-\#(path)""#) else { return nil }
        let rest = dom[start.lowerBound...]
        // A scenario's section ends its body `</div>` before its `</details>`; nested ones do not.
        guard let end = rest.range(of: "</div>\n</details>") else { return rest }
        return rest[..<end.upperBound]
    }
}
