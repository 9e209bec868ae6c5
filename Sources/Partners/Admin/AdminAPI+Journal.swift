import Wire

extension AdminAPI {
    /// The entries of a journal page when the request names no `limit`.
    public static let defaultJournalPage = 500
    /// The most entries one journal page may ask for. A debug build on a busy 2-core machine took up
    /// to 3.7 s to answer a page of 1000 (the 5 s deadline answered a page of 5000 with 503).
    public static let largestJournalPage = 1000

    /// `GET /__admin/journal`: without a query, every entry kept as one array (as before paging);
    /// with `offset` or `limit`, one page as a JSON:API document whose `links.next` reads the next.
    func journal(_ request: MockRequest) -> MockResponse {
        if request.query.isEmpty { return .json(200, target.journal.json) }
        let offset: Int
        let limit: Int
        switch Self.pageParameters(request.query) {
        case .success(let parameters): (offset, limit) = parameters
        case .failure(let error): return .error(error)
        }
        let page = target.journal.page(after: offset, limit: limit)
        func link(_ offset: Int) -> JSONValue { .string("\(Self.prefix)/journal?offset=\(offset)&limit=\(limit)") }
        return .jsonAPI(
            200,
            .object([
                "data": .array(page.entries),
                "meta": .object([
                    "total": .number(String(page.total)), "recorded": .number(String(page.recorded)),
                    "offset": .number(String(offset)), "limit": .number(String(limit)),
                ]),
                "links": .object(["self": link(offset), "first": link(0), "next": page.nextOffset.map(link) ?? .null]),
            ]))
    }

    /// The page a journal query asks for: `offset` (default 0) and `limit` (default
    /// `defaultJournalPage`, at most `largestJournalPage`), each at most once, nothing else.
    static func pageParameters(_ query: [(name: String, value: String)]) -> Result<(offset: Int, limit: Int), JSONAPIError> {
        func refuse(_ name: String, _ detail: String) -> Result<(offset: Int, limit: Int), JSONAPIError> {
            .failure(
                JSONAPIError(
                    status: 400, code: "invalid-admin-request", title: "Invalid admin request", detail: detail,
                    source: .parameter(name)))
        }
        var values: [String: Int] = [:]
        for (name, text) in query {
            guard name == "offset" || name == "limit" else {
                return refuse(name, "GET /__admin/journal takes only offset and limit, got \(name)")
            }
            guard values[name] == nil else { return refuse(name, "\(name) is given twice") }
            let range = name == "offset" ? 0...Int.max : 1...largestJournalPage
            // Digits only: Int("+5") would read a sign.
            guard !text.isEmpty, text.utf8.allSatisfy({ (48...57).contains($0) }), let value = Int(text), range.contains(value)
            else {
                let wanted = name == "offset" ? "a whole number from 0" : "a whole number from 1 to \(largestJournalPage)"
                return refuse(name, "\(name) must be \(wanted), got \"\(text)\"")
            }
            values[name] = value
        }
        return .success((values["offset"] ?? 0, values["limit"] ?? defaultJournalPage))
    }
}
