public import Wire

/// A failure a mock partner injects instead of, or on top of, its normal answer.
///
/// A fault applies to a route (`"POST /payments/"`: method and path relative to
/// the partner's base URL, trailing slash optional), for the next `times`
/// matching requests or, when `times` is nil, always. A `status` fault answers
/// without touching the state; the other effects change the normal answer after
/// the request was processed, as a real network failure does.
public struct Fault: Sendable, Hashable {
    /// What the fault does to the answer.
    public enum Effect: Sendable, Hashable {
        /// Answers this status with a JSON:API error document; the request is not processed.
        case status(Int)
        /// The normal status with a body that is not JSON.
        case malformedBody
        /// The normal head, then half the body, then the connection is closed.
        case truncatedBody
        /// The normal answer under another Content-Type.
        case contentType(String)
        /// The connection is closed without an answer.
        case drop
    }

    public var method: String
    public var path: String
    /// Nil for a fault that only delays.
    public var effect: Effect?
    /// How long the mock waits before answering.
    public var delay: Duration?
    public var times: Int?

    public init(method: String, path: String, effect: Effect?, delay: Duration? = nil, times: Int? = nil) {
        self.method = method.uppercased()
        self.path = Self.normalized(path)
        self.effect = effect
        self.delay = delay
        self.times = times
    }

    /// Parses a route such as `"GET /payments-due/"`; nil when it is not `METHOD /path`.
    public init?(route: String, effect: Effect?, delay: Duration? = nil, times: Int? = nil) {
        let parts = route.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, parts[1].hasPrefix("/"), parts[0].allSatisfy(\.isLetter) else { return nil }
        self.init(method: String(parts[0]), path: String(parts[1]), effect: effect, delay: delay, times: times)
    }

    public var route: String { "\(method) \(path)" }

    /// A short account for journals: `status 500`, `drop`, `delay 250 ms` ...
    public var summary: String {
        var parts: [String] = []
        if let delay { parts.append("delay \(delay.milliseconds) ms") }
        switch effect {
        case .status(let status): parts.append("status \(status)")
        case .malformedBody: parts.append("malformed body")
        case .truncatedBody: parts.append("truncated body")
        case .contentType(let type): parts.append("content type \(type)")
        case .drop: parts.append("drop")
        case nil: break
        }
        return parts.joined(separator: ", ")
    }

    /// The fault as the admin API and state files write it.
    public var json: JSONValue {
        var members: [JSONValue.Member] = [.init("route", .string(route))]
        switch effect {
        case .status(let status): members.append(.init("status", .number(String(status))))
        case .malformedBody: members.append(.init("body", "malformed"))
        case .truncatedBody: members.append(.init("body", "truncated"))
        case .contentType(let type): members.append(.init("content_type", .string(type)))
        case .drop: members.append(.init("drop", true))
        case nil: break
        }
        if let delay { members.append(.init("delay_ms", .number(String(delay.milliseconds)))) }
        if let times { members.append(.init("times", .number(String(times)))) }
        return .object(members)
    }

    func matches(method: String, relativePath: String) -> Bool {
        method == self.method && Self.normalized(relativePath) == path
    }

    static func normalized(_ path: String) -> String {
        path.hasSuffix("/") ? path : path + "/"
    }
}

extension Duration {
    /// The whole milliseconds of the duration.
    public var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
