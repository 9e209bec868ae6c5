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

    private let entries = Mutex<[JSONValue]>([])

    public init() {}

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
        entries.withLock { list in
            list.append(
                .object([
                    "seq": .number(String(list.count + 1)),
                    "partner": .string(partner),
                    "request": requestJSON,
                    "response": responseJSON,
                ]))
        }
    }

    /// The entries so far.
    public var json: JSONValue { .array(entries.withLock { $0 }) }

    /// How many exchanges were recorded.
    public var count: Int { entries.withLock { $0.count } }

    /// Forgets every entry.
    public func reset() { entries.withLock { $0.removeAll() } }

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
