import Partners
import Testing
import Wire

/// `GET /__admin/journal?offset=N&limit=M`: the journal read page by page.
@Suite struct JournalPagingTests {
    let imt = IMTMock(state: IMTState(users: ["icuser": "pw"]), journal: Journal(limit: 10_000))
    var admin: AdminAPI { imt.adminAPI(decodeState: AdminAPITests.imtState, decodeFault: AdminAPITests.imtFault) }

    /// Records `count` exchanges as a client's calls leave them: a JSON:API body each way.
    func record(_ count: Int, in journal: Journal) {
        for i in 0..<count {
            let request = MockRequest(
                method: "POST", target: "/webpayments/3401/api/payments/?n=\(i)",
                headers: [("Content-Type", "application/vnd.api+json")],
                body: Array(#"{"data":{"type":"payments","attributes":{"policy_number":"20240903","amount":"12.50"}}}"#.utf8))
            let response = MockResponse.jsonAPI(201, .object(["data": .object(["type": "payments", "id": .string("\(i)")])]))
            journal.record(request, response, partner: "imt")
        }
    }

    /// A JSON number as a whole number.
    static func int(_ value: JSONValue?) -> Int? {
        guard case .number(let text)? = value else { return nil }
        return Int(text)
    }

    func get(_ target: String) throws -> (status: Int, document: JSONValue) {
        let response = admin.handle(MockRequest(method: "GET", target: target))
        return (response.status, try JSONParser.parse(response.body))
    }

    /// The parameter a 400 error document names, and its detail.
    func refusal(_ target: String) throws -> (status: Int, parameter: String?, detail: String?) {
        let (status, document) = try get(target)
        let error = JSONAPIError.errors(in: document)?.first
        guard case .parameter(let name)? = error?.source else { return (status, nil, error?.detail) }
        return (status, name, error?.detail)
    }

    @Test func `a journal of 10,000 exchanges is read in full by following links.next, no page above its limit`() throws {
        record(10_000, in: imt.journal)
        var seqs: [Int] = []
        var next: String? = "/__admin/journal?offset=0"
        var pages = 0
        while let target = next, pages < 100 {
            let (status, page) = try get(target)
            #expect(status == 200)
            let entries = try #require(page["data"]?.arrayValue)
            let limit = try #require(Self.int(page["meta"]?["limit"]))
            #expect(limit == AdminAPI.defaultJournalPage)
            #expect(entries.count <= limit)
            #expect(Self.int(page["meta"]?["total"]) == 10_000)
            seqs += entries.compactMap { Self.int($0["seq"]) }
            next = page["links"]?["next"]?.stringValue
            pages += 1
        }
        #expect(seqs.count == 10_000)
        #expect(seqs == Array(1...10_000))
        #expect(pages == 10_000 / AdminAPI.defaultJournalPage)
    }

    @Test func `the largest page is the bound a request may ask for; above it is refused before any rendering`() throws {
        record(AdminAPI.largestJournalPage + 10, in: imt.journal)
        let (status, largest) = try get("/__admin/journal?limit=\(AdminAPI.largestJournalPage)")
        #expect(status == 200)
        #expect(largest["data"]?.arrayValue?.count == AdminAPI.largestJournalPage)
        #expect(largest["links"]?["next"] == .string("/__admin/journal?offset=1000&limit=1000"))
        let last = try get("/__admin/journal?offset=1000&limit=1000").document
        #expect(last["data"]?.arrayValue?.compactMap { Self.int($0["seq"]) } == Array(1001...1010))
        #expect(last["links"]?["next"] == .null)
        let tooMany = try refusal("/__admin/journal?limit=\(AdminAPI.largestJournalPage + 1)")
        #expect(tooMany.status == 400)
        #expect(tooMany.parameter == "limit")
        #expect(tooMany.detail == "limit must be a whole number from 1 to 1000, got \"1001\"")
    }

    @Test func `a bad offset or limit, an unknown parameter or one given twice is a 400 error object naming it`() throws {
        let cases: [(String, String)] = [
            ("offset=-1", "offset"), ("offset=x", "offset"), ("offset=", "offset"), ("offset=%2B5", "offset"),
            ("offset=99999999999999999999", "offset"), ("limit=0", "limit"), ("limit=1.5", "limit"),
            ("page=2", "page"), ("limit=5&limit=6", "limit"),
        ]
        for (query, parameter) in cases {
            let refused = try refusal("/__admin/journal?\(query)")
            #expect(refused.status == 400, "\(query)")
            #expect(refused.parameter == parameter, "\(query)")
        }
        let response = admin.handle(MockRequest(method: "GET", target: "/__admin/journal?limit=0"))
        #expect(response.header("Content-Type") == JSONAPIMediaType.value)
    }

    @Test func `without a query the journal is one array, as before paging`() throws {
        record(3, in: imt.journal)
        let (status, whole) = try get("/__admin/journal")
        #expect(status == 200)
        #expect(whole.arrayValue?.compactMap { Self.int($0["seq"]) } == [1, 2, 3])
        let page = try get("/__admin/journal?limit=2").document
        #expect(page["data"]?.arrayValue == whole.arrayValue.map { Array($0.prefix(2)) })
        #expect(Self.int(page["meta"]?["recorded"]) == 3)
        #expect(page["links"]?["self"] == .string("/__admin/journal?offset=0&limit=2"))
        #expect(page["links"]?["first"] == .string("/__admin/journal?offset=0&limit=2"))
    }

    @Test func `on a full ring the pages follow seq: entries recorded or dropped while paging shift nothing read next`() {
        let journal = Journal(limit: 10)
        record(25, in: journal)  // keeps 16...25
        var seqs: [Int] = []
        var page = journal.page(after: 0, limit: 4)
        seqs += page.entries.compactMap { Self.int($0["seq"]) }
        #expect(page.total == 10)
        #expect(page.nextOffset == 19)
        record(3, in: journal)  // 26...28 recorded, 16...18 dropped
        while let offset = page.nextOffset, seqs.count < 100 {
            page = journal.page(after: offset, limit: 4)
            #expect(page.entries.count <= 4)
            seqs += page.entries.compactMap { Self.int($0["seq"]) }
        }
        #expect(seqs == Array(16...28))
        #expect(journal.page(after: 28, limit: 4).entries.isEmpty)
        #expect(journal.page(after: 28, limit: 4).nextOffset == nil)
    }
}
