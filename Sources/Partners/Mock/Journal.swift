import Synchronization
public import Wire

/// Every exchange a mock partner had, in order, with secrets redacted.
///
/// An entry keeps the method, path, query, the headers that matter to the
/// contract (`journaledHeaders`), and the bodies: JSON bodies as JSON, other
/// text as a string, binary as its size. A request that matched no route or state entry also
/// has `near_miss`: the closest one and how the request differs (`RequestNearMiss`). Nothing volatile (time, ports) goes in,
/// so a journal can be a golden file.
public final class Journal: Sendable {
    /// Headers worth recording; the rest (Host, User-Agent, Date, ...) vary by client. `SOAPAction`
    /// names a SOAP 1.1 operation; `Authorization` is journaled as `<redacted>`, so a golden file pins
    /// that it was sent, never its value.
    public static let journaledHeaders = [
        "Content-Type", "Accept", "SOAPAction", "Authorization", "Cookie", "Set-Cookie", "Location", "Allow",
    ]

    /// One exchange as it happened; turned into JSON only when the journal is read.
    private struct Exchange {
        var seq: Int
        var partner: String
        var request: MockRequest
        /// The answer, or why none came (a client-side entry: a timeout, a refused connection).
        var response: Result<MockResponse, NoAnswer>
    }

    /// Why an exchange a client journaled has no answer.
    private struct NoAnswer: Error {
        var reason: String
    }

    /// The entries, a ring of `limit` once full: the oldest is overwritten in place.
    private struct Entries {
        var list: [Exchange] = []
        /// Where the oldest entry is once the ring is full.
        var start = 0
        var recorded = 0

        var inOrder: [Exchange] { Array(list[start...] + list[..<start]) }
    }

    private let entries = Mutex(Entries())
    /// The most entries kept; older ones are dropped first. Nil: all.
    public let limit: Int?

    /// A journal keeping every entry, or the last `limit` of them (a long-running server).
    public init(limit: Int? = nil) { self.limit = limit.map { max($0, 1) } }

    /// Records one exchange. Cheap: the JSON is built when the journal is read.
    public func record(_ request: MockRequest, _ response: MockResponse, partner: String) {
        append(request, .success(response), partner: partner)
    }

    /// Records a request that got no answer; the entry's response is `{"error": reason}`.
    public func record(_ request: MockRequest, unansweredBecause reason: String, partner: String) {
        append(request, .failure(NoAnswer(reason: reason)), partner: partner)
    }

    private func append(_ request: MockRequest, _ response: Result<MockResponse, NoAnswer>, partner: String) {
        // The entry a full ring drops is freed once the lock is released, not while other handlers wait for it.
        let dropped: Exchange? = entries.withLock { entries in
            entries.recorded += 1
            var exchange = Exchange(seq: entries.recorded, partner: partner, request: request, response: response)
            guard let limit, entries.list.count == limit else {
                entries.list.append(exchange)
                return nil
            }
            swap(&entries.list[entries.start], &exchange)
            entries.start = (entries.start + 1) % limit
            return exchange
        }
        _ = dropped
    }

    /// The entries kept, as JSON.
    public var json: JSONValue {
        let kept = entries.withLock { $0.inOrder }
        return .array(kept.map(Self.json))
    }

    /// How many exchanges were recorded, dropped ones included.
    public var count: Int { entries.withLock { $0.recorded } }

    /// At most `limit` of the entries kept, oldest first: those recorded after the first `offset`
    /// exchanges (entries whose `seq` is above `offset`). Only the page's entries are rendered, so a
    /// page costs its size, not the journal's. Offsets count exchanges as recorded, so entries
    /// recorded or dropped while a client pages do not shift the pages it has yet to read.
    public func page(after offset: Int, limit: Int) -> JournalPage {
        let (exchanges, kept, recorded) = entries.withLock { entries -> ([Exchange], Int, Int) in
            let count = entries.list.count
            // The oldest entry kept follows the `dropped` exchanges the ring overwrote.
            let dropped = entries.recorded - count
            let skipped = min(count, max(0, offset - dropped))
            let taken = min(max(0, limit), count - skipped)
            var page: [Exchange] = []
            page.reserveCapacity(taken)
            for index in skipped..<(skipped + taken) { page.append(entries.list[(entries.start + index) % count]) }
            return (page, count, entries.recorded)
        }
        let last = exchanges.last?.seq
        return JournalPage(
            entries: exchanges.map(Self.json), total: kept, recorded: recorded,
            nextOffset: last.flatMap { $0 < recorded ? $0 : nil })
    }

    /// The entries kept that `query` matches, oldest first: the first `limit` of them rendered, and
    /// how many match in all. The scan works on a copy, so handlers journaling meanwhile do not wait for it.
    public func matching(_ query: JournalQuery, limit: Int) -> (entries: [JSONValue], count: Int) {
        let kept = entries.withLock { $0.inOrder }
        var count = 0
        var shown: [JSONValue] = []
        for exchange in kept where query.matches(partner: exchange.partner, request: exchange.request) {
            count += 1
            if shown.count < limit { shown.append(Self.json(exchange)) }
        }
        return (shown, count)
    }

    /// Forgets every entry.
    public func reset() { entries.withLock { $0 = Entries() } }

    private static func json(_ exchange: Exchange) -> JSONValue {
        let request = exchange.request
        let requestJSON = JSONValue.object([
            "method": .string(request.method),
            "path": .string(request.path),
            "query": .array(
                request.query.map {
                    .object([
                        "name": .string($0.name), "value": .string(Redactor.isSecret(name: $0.name) ? Redactor.mark : $0.value),
                    ])
                }),
            "headers": headersJSON(request.headers),
            "body": bodyJSON(request.body, contentType: request.header("Content-Type")),
        ])
        let responseJSON: JSONValue
        var nearMiss: JSONValue?
        switch exchange.response {
        case .success(let response):
            var answer = JSONValue.object([
                "status": .number(String(response.status)),
                "headers": headersJSON(response.headers),
                "body": bodyJSON(response.body, contentType: response.header("Content-Type")),
            ])
            if let fault = response.fault { answer = answer.setting("fault", to: .string(fault.summary)) }
            if !response.warnings.isEmpty {
                answer = answer.setting("warnings", to: .array(response.warnings.map { .string($0) }))
            }
            responseJSON = answer
            nearMiss = response.nearMiss?.json
        case .failure(let none):
            responseJSON = .object(["error": .string(none.reason)])
        }
        var entry = JSONValue.object([
            "seq": .number(String(exchange.seq)),
            "partner": .string(exchange.partner),
            "request": requestJSON,
            "response": responseJSON,
        ])
        if let nearMiss { entry = entry.setting("near_miss", to: nearMiss) }
        return entry
    }

    static func headersJSON(_ headers: [(name: String, value: String)]) -> JSONValue {
        var members: [JSONValue.Member] = []
        for name in journaledHeaders {
            let values = headers.filter { $0.name.lowercased() == name.lowercased() }
            for header in values {
                members.append(.init(name, .string(Redactor.isSecret(name: name) ? Redactor.mark : header.value)))
            }
        }
        return .object(members)
    }

    static func bodyJSON(_ body: [UInt8], contentType: String?) -> JSONValue {
        if body.isEmpty { return .null }
        if let json = try? JSONParser.parse(body) { return Redactor.redact(json) }
        let type = contentType?.lowercased() ?? ""
        if type.hasPrefix("text/") || type.contains("json") || type.contains("xml"),
            let text = String(validating: body, as: UTF8.self)
        {
            guard type.contains("xml") else { return .string(text) }
            // XML is journaled in canonical form (C14N), so goldens compare content, not spelling;
            // what cannot be parsed safely is kept as sent.
            let canonical = (try? XMLDocument(parsing: body)).map { String(decoding: $0.canonical(), as: UTF8.self) }
            return .string(Redactor.redact(xml: canonical ?? text))
        }
        if type.hasPrefix("application/x-www-form-urlencoded"), let text = String(validating: body, as: UTF8.self) {
            // A form is journaled field by field, in order, secrets by name redacted.
            return .object(
                MockRequest.decodeQuery(text).map {
                    .init($0.name, .string(Redactor.isSecret(name: $0.name) ? Redactor.mark : $0.value))
                })
        }
        return .object(["bytes": .number(String(body.count))])
    }
}
