import Foundation
public import Wire

/// A request as a mock partner sees it, independent of the HTTP server.
public struct MockRequest: Sendable {
    public var method: String
    /// The percent-decoded path, e.g. `/webpayments/3401/api/payments-due/`.
    public var path: String
    /// The decoded query parameters in order.
    public var query: [(name: String, value: String)]
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// The target as it arrived (`/a/b/?filter%5Bx%5D=1`), undecoded: what a recording proxy forwards.
    /// Nil for a request built from decoded parts.
    public var rawTarget: String?

    public init(
        method: String, path: String, query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)] = [], body: [UInt8] = []
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// Builds a request from a raw target such as `/a/b/?filter%5Bx%5D=1`.
    public init(method: String, target: String, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let rawPath = parts.first.map(String.init) ?? "/"
        self.init(
            method: method,
            path: Self.percentDecoded(rawPath[...], plusIsSpace: false),
            query: parts.count > 1 ? Self.decodeQuery(String(parts[1])) : [],
            headers: headers, body: body)
        rawTarget = target
    }

    /// A request from the parts of an HTTP target: a raw path and query, decoded here.
    init(method: String, path: String, query: String?, headers: [(name: String, value: String)], body: [UInt8]) {
        self.init(
            method: method, path: Self.percentDecoded(path[...], plusIsSpace: false),
            query: query.map(Self.decodeQuery) ?? [], headers: headers, body: body)
        rawTarget = query.map { path + "?" + $0 } ?? path
    }

    /// The first value of header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { Self.sameName($0.name, name) }?.value
    }

    /// Whether two names (of headers, of query parameters) are equal, ASCII case ignored.
    static func sameName(_ a: String, _ b: String) -> Bool {
        func lower(_ c: UInt8) -> UInt8 { (65...90).contains(c) ? c | 0x20 : c }
        return a.utf8.count == b.utf8.count && zip(a.utf8, b.utf8).allSatisfy { lower($0) == lower($1) }
    }

    /// Splits `a=1&b=2` into decoded pairs; `+` reads as a space, as in forms.
    public static func decodeQuery(_ query: String) -> [(name: String, value: String)] {
        // Split byte by byte: this runs for every request with a query.
        query.utf8.split(separator: UInt8(ascii: "&")).map { pair in
            guard let equals = pair.firstIndex(of: UInt8(ascii: "=")) else {
                return (percentDecoded(Substring(pair), plusIsSpace: true), "")
            }
            return (
                percentDecoded(Substring(pair[..<equals]), plusIsSpace: true),
                percentDecoded(Substring(pair[pair.index(after: equals)...]), plusIsSpace: true)
            )
        }
    }

    /// `text` with each `%XX` decoded; text that does not decode to UTF-8 is kept as it was.
    static func percentDecoded(_ text: Substring, plusIsSpace: Bool) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "%") || (plusIsSpace && $0 == UInt8(ascii: "+")) }) else {
            return String(text)
        }
        func hex(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: c - 48
            case 65...70: c - 55
            case 97...102: c - 87
            default: nil
            }
        }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count, let high = hex(bytes[i + 1]), let low = hex(bytes[i + 2]) {
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(plusIsSpace && bytes[i] == UInt8(ascii: "+") ? UInt8(ascii: " ") : bytes[i])
                i += 1
            }
        }
        return String(validating: out, as: UTF8.self) ?? String(text)
    }
}

/// A response a mock partner gives.
public struct MockResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// How long the server waits before answering.
    public var delay: Duration?
    /// How the connection ends: normally, after half the body, or at once without an answer.
    public var ending: Ending = .complete
    /// The injected fault that shaped this answer, for the journal.
    public var fault: Fault?
    /// For a request that matched no route or state entry: what came closest, for the journal.
    public var nearMiss: RequestNearMiss?
    /// What the mock accepted though a rule without a source would refuse it (`MockRefusal`), for the
    /// journal: `duplicate-transaction: transaction_id 2984&1 was posted before; stored again`.
    public var warnings: [String] = []

    /// How the server ends the exchange.
    public enum Ending: Sendable {
        case complete
        /// Sends the head and half the body, then closes the connection.
        case truncated
        /// Closes the connection without answering.
        case dropped
    }

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// This answer changed by `fault` (any effect but `status`, which replaces the answer).
    public func applying(_ fault: Fault) -> MockResponse {
        var response = self
        response.fault = fault
        response.delay = fault.delay
        switch fault.effect {
        case .malformedBody: response.body = body.isEmpty ? Array("{".utf8) : Array(body.prefix(body.count / 2))
        case .truncatedBody: response.ending = .truncated
        case .contentType(let type):
            response.headers.removeAll { MockRequest.sameName($0.name, "Content-Type") }
            response.headers.insert(("Content-Type", type), at: 0)
        case .drop: response.ending = .dropped
        case .status, nil: break
        }
        return response
    }

    /// The answer of a `status` fault: a JSON:API error document, and the fault's delay.
    public static func injected(_ fault: Fault, status: Int) -> MockResponse {
        var response = MockResponse.error(
            JSONAPIError(
                status: status, code: "injected-fault", title: "Injected fault",
                detail: "the scenario made \(fault.route) answer \(status)"))
        response.fault = fault
        response.delay = fault.delay
        return response
    }

    /// A JSON:API document response.
    public static func jsonAPI(
        _ status: Int, _ document: JSONValue, headers: [(name: String, value: String)] = []
    ) -> MockResponse {
        MockResponse(
            status: status,
            headers: [("Content-Type", JSONAPIMediaType.value)] + headers,
            body: Array(document.compactText.utf8))
    }

    /// A plain JSON response (`application/json`): the admin API's state, journal and faults, which are not JSON:API documents.
    public static func json(_ status: Int, _ value: JSONValue) -> MockResponse {
        MockResponse(status: status, headers: [("Content-Type", "application/json")], body: Array(value.compactText.utf8))
    }

    /// A JSON:API error document response carrying one error object.
    public static func error(_ error: JSONAPIError, headers: [(name: String, value: String)] = []) -> MockResponse {
        jsonAPI(error.status, JSONAPIError.document([error]), headers: headers)
    }

    public func header(_ name: String) -> String? {
        headers.first { MockRequest.sameName($0.name, name) }?.value
    }

    /// This answer with its near miss naming `route`, when the handler refused the request at its
    /// contract (`RequestNearMiss.matchedRoute`) and so did not know the route's full name.
    /// The name is only built for such an answer.
    public func naming(route: @autoclosure () -> String) -> MockResponse {
        guard var nearMiss, nearMiss.kind == RequestNearMiss.routeKind, nearMiss.closest.isEmpty else { return self }
        nearMiss.closest = route()
        var response = self
        response.nearMiss = nearMiss
        return response
    }

    /// This answer with a warning of the unsourced rule `code` (a `MockRefusal` without sources) for the journal.
    public func warned(_ code: String, _ detail: String) -> MockResponse {
        var response = self
        response.warnings.append("\(code): \(detail)")
        return response
    }

    /// This answer with `nearMiss` recorded for the journal (nil leaves it as it is).
    public func missing(_ nearMiss: RequestNearMiss?) -> MockResponse {
        guard let nearMiss else { return self }
        var response = self
        response.nearMiss = nearMiss
        return response
    }
}
