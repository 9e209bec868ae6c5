/// A JSON:API error object: `status` and `code` as strings, and where the problem is.
public struct JSONAPIError: Sendable, Hashable, Error {
    /// Where in the request the problem lies.
    public enum Source: Sendable, Hashable {
        /// An RFC 6901 pointer into the request document, e.g. `/data/attributes/username`.
        case pointer(String)
        /// A query parameter, e.g. `filter[policy_number]`.
        case parameter(String)
        /// A request header, e.g. `Content-Type`.
        case header(String)
    }

    /// The HTTP status, e.g. 415.
    public var status: Int
    /// A stable, machine-readable code, e.g. `unsupported-media-type`.
    public var code: String
    public var title: String
    public var detail: String?
    public var source: Source?

    public init(status: Int, code: String, title: String, detail: String? = nil, source: Source? = nil) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.source = source
    }

    /// The error object as JSON.
    public var json: JSONValue {
        var members: [JSONValue.Member] = [
            .init("status", .string(String(status))),
            .init("code", .string(code)),
            .init("title", .string(title)),
        ]
        if let detail { members.append(.init("detail", .string(detail))) }
        switch source {
        case .pointer(let p): members.append(.init("source", .object(["pointer": .string(p)])))
        case .parameter(let p): members.append(.init("source", .object(["parameter": .string(p)])))
        case .header(let h): members.append(.init("source", .object(["header": .string(h)])))
        case nil: break
        }
        return .object(members)
    }

    /// An error document holding these errors.
    public static func document(_ errors: [JSONAPIError]) -> JSONValue {
        .object(["errors": .array(errors.map(\.json))])
    }

    /// Reads the error objects of an error document; nil when it is not one.
    public static func errors(in document: JSONValue) -> [JSONAPIError]? {
        guard let list = document["errors"]?.arrayValue else { return nil }
        return list.compactMap { object in
            guard let status = object["status"]?.stringValue.flatMap({ Int($0) }) else { return nil }
            let source: Source? =
                if let p = object["source"]?["pointer"]?.stringValue {
                    .pointer(p)
                } else if let p = object["source"]?["parameter"]?.stringValue {
                    .parameter(p)
                } else if let h = object["source"]?["header"]?.stringValue { .header(h) } else { nil }
            return JSONAPIError(
                status: status,
                code: object["code"]?.stringValue ?? "",
                title: object["title"]?.stringValue ?? "",
                detail: object["detail"]?.stringValue,
                source: source
            )
        }
    }
}
