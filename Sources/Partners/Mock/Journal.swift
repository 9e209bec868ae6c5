import Synchronization
public import Wire

/// Every exchange a mock partner had, in order, with secrets redacted.
///
/// An entry keeps the method, path, query, the headers that matter to the
/// contract (`journaledHeaders`), and the bodies: JSON bodies as JSON, other
/// text as a string, binary as its size. Nothing volatile (time, ports) goes in,
/// so a journal can be a golden file.
public final class Journal: Sendable {
    /// Headers worth recording; the rest (Host, User-Agent, Date, ...) vary by client.
    public static let journaledHeaders = ["Content-Type", "Accept", "Cookie", "Set-Cookie", "Location", "Allow"]

    private struct Entries {
        var list: [JSONValue] = []
        var recorded = 0
    }

    private let entries = Mutex(Entries())
    /// The most entries kept; older ones are dropped first. Nil: all.
    public let limit: Int?

    /// A journal keeping every entry, or the last `limit` of them (a long-running server).
    public init(limit: Int? = nil) { self.limit = limit }

    /// Records one exchange.
    public func record(_ request: MockRequest, _ response: MockResponse, partner: String) {
        let requestJSON = JSONValue.object([
            "method": .string(request.method),
            "path": .string(request.path),
            "query": .array(request.query.map { .object(["name": .string($0.name), "value": .string($0.value)]) }),
            "headers": Self.headersJSON(request.headers),
            "body": Self.bodyJSON(request.body, contentType: request.header("Content-Type")),
        ])
        var responseJSON = JSONValue.object([
            "status": .number(String(response.status)),
            "headers": Self.headersJSON(response.headers),
            "body": Self.bodyJSON(response.body, contentType: response.header("Content-Type")),
        ])
        if let fault = response.fault { responseJSON = responseJSON.setting("fault", to: .string(fault.summary)) }
        entries.withLock { entries in
            entries.recorded += 1
            // Dropping in halves keeps recording O(1) on average.
            if let limit, entries.list.count >= 2 * limit { entries.list.removeFirst(entries.list.count - limit) }
            entries.list.append(
                .object([
                    "seq": .number(String(entries.recorded)),
                    "partner": .string(partner),
                    "request": requestJSON,
                    "response": responseJSON,
                ]))
        }
    }

    /// The entries kept.
    public var json: JSONValue { .array(entries.withLock { Array($0.list.suffix(limit ?? Int.max)) }) }

    /// How many exchanges were recorded, dropped ones included.
    public var count: Int { entries.withLock { $0.recorded } }

    /// Forgets every entry.
    public func reset() { entries.withLock { $0 = Entries() } }

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
            return .string(text)
        }
        return .object(["bytes": .number(String(body.count))])
    }
}
