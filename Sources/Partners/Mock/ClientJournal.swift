import Foundation
public import Transport

/// Journals the exchanges an `HTTPClient` has with endpoints that are not the scenario's mocks
/// (a reference flow pointed at a real partner), in the mocks' journal and entry shape.
///
/// Requests to one of `mockOrigins` are left out: the mock journals those itself. An entry's
/// `partner` is `external`, its path and query are the URL's (never its host or port), its
/// secrets are redacted as the mocks' entries are; a request without an answer is journaled
/// with `{"error": "<code>: <message>"}` as its response.
public struct ClientJournal: HTTPExchangeObserver {
    /// The `partner` of an entry the client journals.
    public static let partner = "external"

    public let journal: Journal
    /// `http://127.0.0.1:PORT` of each mock the journal already hears from.
    public let mockOrigins: [String]

    public init(_ journal: Journal, mockOrigins: [String] = []) {
        self.journal = journal
        self.mockOrigins = mockOrigins
    }

    public func observe(_ request: ClientRequest, _ result: Result<ClientResponse, TransportError>) {
        guard !isMock(request.url) else { return }
        let mockRequest = Self.mockRequest(request)
        switch result {
        case .success(let response):
            let answer = MockResponse(
                status: response.status, headers: response.headers.map { ($0.name, $0.value) }, body: response.body)
            journal.record(mockRequest, answer, partner: Self.partner)
        case .failure(let error):
            journal.record(mockRequest, unansweredBecause: error.description, partner: Self.partner)
        }
    }

    func isMock(_ url: String) -> Bool {
        mockOrigins.contains { url == $0 || url.hasPrefix($0 + "/") || url.hasPrefix($0 + "?") }
    }

    /// The request as a server sees it: the URL's target, the headers sent (libcurl adds `Accept: */*`
    /// when the client sets none), the body.
    static func mockRequest(_ request: ClientRequest) -> MockRequest {
        var headers = request.headers.filter { !$0.value.isEmpty }.map { ($0.name, $0.value) }
        if request.headers.first(named: "Accept") == nil { headers.append(("Accept", "*/*")) }
        return MockRequest(method: request.method, target: target(of: request.url), headers: headers, body: request.body ?? [])
    }

    /// The path and query of `url`, without scheme, authority and fragment: `/a/b/?x=1`.
    public static func target(of url: String) -> String {
        var rest = url[...]
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let fragment = rest.firstIndex(of: "#") { rest = rest[..<fragment] }
        guard let start = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return "/" }
        let target = rest[start...]
        return target.first == "?" ? "/" + target : String(target)
    }
}
