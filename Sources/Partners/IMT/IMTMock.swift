import Synchronization
public import Wire

/// The mock IMT JSON:API server: sessions and payments-due, as seed 000 describes them.
///
/// It serves two base URLs on one origin, as IMT does on two hosts:
/// - the auth API `/auth/<id>/api/` (advanced setting 88): `POST sessions/`, `DELETE sessions/{username}`;
/// - the data API `/webpayments/<id>/api/` (advanced setting 8): `GET payments-due/`.
///
/// `handle(_:)` is the whole behaviour, free of any server; `MockServer` puts it on a socket.
/// Every exchange is journaled, secrets redacted.
public final class IMTMock: Sendable {
    /// The session cookie's name. The seed does not name it; IMT's API is a Django
    /// application, whose session cookie is `sessionid`.
    public static let sessionCookie = "sessionid"
    /// The largest request body accepted; more is answered 413.
    public static let maximumBodySize = 1 << 20

    public let journal = Journal()
    public let billerID: String
    let faults: FaultBook
    let store: Mutex<Store>

    /// The mutable part: the state plus the open sessions.
    struct Store {
        var users: [String: String]
        var policies: [IMTPolicy]
        /// Usernames by session token.
        var sessions: [String: String] = [:]
        var sessionsOpened = 0
    }

    public init(state: IMTState) {
        self.billerID = state.billerID
        self.faults = FaultBook(state.faults)
        self.store = Mutex(Store(users: state.users, policies: state.policies))
    }

    /// The path of the auth API, without a trailing slash.
    public var authPath: String { "/auth/\(billerID)/api" }
    /// The path of the data API, without a trailing slash.
    public var apiPath: String { "/webpayments/\(billerID)/api" }

    /// Answers one request and journals the exchange.
    public func handle(_ request: MockRequest) -> MockResponse {
        let response = route(request)
        journal.record(request, response, partner: "imt")
        return response
    }

    /// The number of sessions open now.
    public var openSessions: Int { store.withLock { $0.sessions.count } }

    func route(_ request: MockRequest) -> MockResponse {
        let (api, relative): (String, String)
        if request.path.hasPrefix(authPath + "/") {
            (api, relative) = ("auth", String(request.path.dropFirst(authPath.count)))
        } else if request.path.hasPrefix(apiPath + "/") {
            (api, relative) = ("data", String(request.path.dropFirst(apiPath.count)))
        } else {
            return .error(
                JSONAPIError(
                    status: 404, code: "not-found", title: "No such resource",
                    detail: "\(request.path) is under neither \(authPath)/ nor \(apiPath)/"))
        }
        if let injected = faults.response(method: request.method, relativePath: relative) {
            return injected
        }
        guard JSONAPIMediaType.isAcceptable(accept: request.header("Accept")) else {
            return .error(
                JSONAPIError(
                    status: 406, code: "not-acceptable", title: "Not acceptable",
                    detail: "every JSON:API media type in Accept has parameters other than ext or profile",
                    source: .header("Accept")))
        }
        let segments = relative.split(separator: "/").map(String.init)
        switch (api, segments.count, segments.first) {
        case ("auth", 1, "sessions"):
            return request.method == "POST" ? openSession(request) : methodNotAllowed(request, allow: "POST")
        case ("auth", 2, "sessions"):
            return request.method == "DELETE"
                ? closeSession(request, username: segments[1]) : methodNotAllowed(request, allow: "DELETE")
        case ("data", 1, "payments-due"):
            return request.method == "GET" ? paymentsDue(request) : methodNotAllowed(request, allow: "GET")
        default:
            return .error(
                JSONAPIError(
                    status: 404, code: "not-found", title: "No such resource",
                    detail: "the mock IMT serves no \(relative) under \(api == "auth" ? authPath : apiPath)/"))
        }
    }

    func methodNotAllowed(_ request: MockRequest, allow: String) -> MockResponse {
        .error(
            JSONAPIError(
                status: 405, code: "method-not-allowed", title: "Method not allowed",
                detail: "\(request.method) is not allowed here; use \(allow)"),
            headers: [("Allow", allow)])
    }

    /// 400 for the first query parameter not in `allowed`. IMT's request signing
    /// parameters `__client_id` and `__signature` are always allowed.
    func rejectUnknownParameters(_ request: MockRequest, allowed: Set<String>) -> MockResponse? {
        let permitted = allowed.union(["__client_id", "__signature"])
        guard let unknown = request.query.first(where: { !permitted.contains($0.name) }) else { return nil }
        return .error(
            JSONAPIError(
                status: 400, code: "unknown-parameter", title: "Unknown query parameter",
                detail: "\(unknown.name) is not supported here", source: .parameter(unknown.name)))
    }

    /// Reads a JSON:API request body: 415 for another media type, 400 for malformed JSON.
    func readDocument(_ request: MockRequest) -> Result<JSONValue, JSONAPIError> {
        guard JSONAPIMediaType.isAcceptableContentType(request.header("Content-Type")) else {
            return .failure(
                JSONAPIError(
                    status: 415, code: "unsupported-media-type", title: "Unsupported media type",
                    detail: "Content-Type must be \(JSONAPIMediaType.value), got \(request.header("Content-Type") ?? "none")",
                    source: .header("Content-Type")))
        }
        do {
            return .success(try JSONParser.parse(request.body))
        } catch {
            return .failure(
                JSONAPIError(
                    status: 400, code: "malformed-json", title: "Malformed JSON",
                    detail: "line \(error.line), column \(error.column): \(error.message)", source: .pointer("")))
        }
    }
}
