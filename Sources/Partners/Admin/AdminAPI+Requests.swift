import Wire

extension AdminAPI {
    /// `GET /__admin/requests?method=&path=&header.NAME=&body.PATH=&limit=`: the journal entries
    /// matching every parameter given (`JournalQuery`) and their count, as
    /// `{"data": [entries], "meta": {"count": N, "limit": L}}`; `data` holds the first `limit`
    /// (default `defaultJournalPage`, at most `largestJournalPage`), `count` every match among the
    /// entries kept. One scan of the journal kept, whatever is asked.
    func requests(_ request: MockRequest) -> MockResponse {
        switch Self.requestQuery(request.query) {
        case .failure(let error): return .error(error)
        case .success(let (query, limit)):
            let (entries, count) = target.journal.matching(query, limit: limit)
            return .jsonAPI(
                200,
                .object([
                    "data": .array(entries),
                    "meta": .object(["count": .number(String(count)), "limit": .number(String(limit))]),
                ]))
        }
    }

    /// Reads a verification's parameters; anything else, a repeated `method`, `path` or `limit`, an
    /// empty name or a secret header asked for by value is a 400 naming the parameter.
    static func requestQuery(_ parameters: [(name: String, value: String)]) -> Result<(JournalQuery, Int), JSONAPIError> {
        func refuse(_ name: String, _ detail: String) -> Result<(JournalQuery, Int), JSONAPIError> {
            .failure(
                JSONAPIError(
                    status: 400, code: "invalid-admin-request", title: "Invalid admin request", detail: detail,
                    source: .parameter(name)))
        }
        var query = JournalQuery()
        var limit: Int?
        for (name, value) in parameters {
            switch name {
            case "method", "path":
                guard !value.isEmpty else { return refuse(name, "\(name) must not be empty") }
                let given = name == "method" ? query.method : query.path
                guard given == nil else { return refuse(name, "\(name) is given twice") }
                if name == "method" { query.method = value } else { query.path = value }
            case "limit":
                guard limit == nil else { return refuse(name, "limit is given twice") }
                guard value.utf8.allSatisfy({ (48...57).contains($0) }), let number = Int(value),
                    (1...largestJournalPage).contains(number)
                else { return refuse(name, "limit must be a whole number from 1 to \(largestJournalPage), got \"\(value)\"") }
                limit = number
            case _ where name.hasPrefix("header.") && name.count > "header.".count:
                query.headers.append(.init(String(name.dropFirst("header.".count)), value))
            case _ where name.hasPrefix("body.") && name.count > "body.".count:
                let path = name.dropFirst("body.".count).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                query.body.append(.init(path, value))
            default:
                return refuse(
                    name, "GET /__admin/requests takes method, path, header.NAME, body.PATH and limit, got \(name)")
            }
            if let problem = query.problem { return refuse(name, problem) }
        }
        return .success((query, limit ?? defaultJournalPage))
    }
}
