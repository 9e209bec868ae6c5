import Partners
import Testing
import Wire

/// The journal a mock keeps, and how a raw request target is decoded.
@Suite struct JournalTests {
    func record(_ journal: Journal, _ path: String) {
        journal.record(MockRequest(method: "GET", target: path), MockResponse(status: 200), partner: "imt")
    }

    @Test func `a journal with a limit keeps the newest entries in order, numbered as recorded`() {
        let journal = Journal(limit: 3)
        for i in 1...7 { record(journal, "/\(i)") }
        let kept = journal.json.arrayValue ?? []
        #expect(kept.map { $0["request"]?["path"] } == ["/5", "/6", "/7"])
        #expect(kept.map { $0["seq"] } == [.number("5"), .number("6"), .number("7")])
        #expect(journal.count == 7)
        journal.reset()
        #expect(journal.json == .array([]))
    }

    @Test func `an XML body is journaled with its secret elements redacted`() {
        let journal = Journal()
        journal.record(
            MockRequest(
                method: "POST", target: "/x", headers: [("Content-Type", "text/xml")],
                body: Array("<Req><WebServiceKey>k-1234</WebServiceKey><FileName>a</FileName></Req>".utf8)),
            MockResponse(status: 200), partner: "ic")
        #expect(
            journal.json.arrayValue?.first?["request"]?["body"]
                == "<Req><WebServiceKey>&lt;redacted&gt;</WebServiceKey><FileName>a</FileName></Req>")
    }

    @Test func `a target's path and query are percent-decoded; + is a space in the query only; a bad escape stays as written`() {
        let request = MockRequest(method: "GET", target: "/a%20b+c/?filter%5Bpolicy_number%5D=1+2&x=%ZZ&y=%e2%82%ac")
        #expect(request.path == "/a b+c/")
        #expect(request.query.map(\.name) == ["filter[policy_number]", "x", "y"])
        #expect(request.query.map(\.value) == ["1 2", "%ZZ", "€"])
    }
}
