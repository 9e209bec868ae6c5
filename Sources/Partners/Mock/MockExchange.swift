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
            path: rawPath.removingPercentEncoding ?? rawPath,
            query: parts.count > 1 ? Self.decodeQuery(String(parts[1])) : [],
            headers: headers, body: body)
    }

    /// The first value of header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Splits `a=1&b=2` into decoded pairs; `+` reads as a space, as in forms.
    public static func decodeQuery(_ query: String) -> [(name: String, value: String)] {
        query.split(separator: "&").map { pair in
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                let spaced = s.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(kv[0]), kv.count > 1 ? decode(kv[1]) : "")
        }
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
            response.headers.removeAll { $0.name.caseInsensitiveCompare("Content-Type") == .orderedSame }
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

    /// A JSON:API error document response carrying one error object.
    public static func error(_ error: JSONAPIError, headers: [(name: String, value: String)] = []) -> MockResponse {
        jsonAPI(error.status, JSONAPIError.document([error]), headers: headers)
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
