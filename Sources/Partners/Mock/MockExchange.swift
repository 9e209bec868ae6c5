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

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
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
