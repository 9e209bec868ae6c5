import Synchronization
public import Wire

/// The mock IMT JSON:API server: the calls IC makes to IMT, as seed 000 describes them.
///
/// It serves two base URLs on one origin, as IMT does on two hosts:
/// - the auth API `/auth/<id>/api/` (advanced setting 88): `POST sessions/`, `DELETE sessions/{username}`;
/// - the data API `/webpayments/<id>/api/` (settings 8, 11, 14, 17, 20): `GET payments-due/`,
///   `POST payments/`, `PATCH settings/{policy}/`, `GET bills/{policy}/`.
///
/// `handle(_:)` is the whole behaviour, free of any server; `MockServer` puts it on a socket.
/// Every exchange is journaled, secrets redacted.
public final class IMTMock: Sendable {
    /// The session cookie's name. The seed does not name it; IMT's API is a Django
    /// application, whose session cookie is `sessionid`.
    public static let sessionCookie = "sessionid"
    /// The largest request body accepted; more is answered 413.
    public static let maximumBodySize = 1 << 20

    public let journal: Journal
    /// The name journal entries carry: `imt`, or `imt2` for a second environment.
    public let partner: String
    public let billerID: String
    public let faults: FaultBook
    let store: Mutex<Store>

    /// The mutable part: the state plus the open sessions.
    struct Store {
        /// The state last loaded, which `reset()` returns to.
        var loaded: IMTState
        var users: [String: String]
        var policies: [IMTPolicy]
        /// Each policy's resource as compact JSON, written once: payments-due answers from these.
        var policyTexts: [String]
        var settings: [String: PolicySettings]
        var bills: [String: [UInt8]]
        var payments: [PaymentPost]
        /// Open sessions by token.
        var sessions: [String: Session] = [:]
        var sessionsOpened = 0

        init(_ state: IMTState) {
            loaded = state
            users = state.users
            policies = state.policies
            policyTexts = state.policies.map(\.resource.json.compactText)
            settings = [:]
            for number in state.policies.compactMap(\.policyNumber) { settings[number] = PolicySettings(account: number) }
            for entry in state.policySettings { settings[entry.account] = entry }
            bills = state.bills
            payments = state.payments
        }
    }

    /// An open session: its user and how many authenticated requests it served.
    struct Session {
        var username: String
        var requests = 0
    }

    public init(state: IMTState, journal: Journal = Journal(), partner: String = "imt") {
        self.billerID = state.billerID
        self.journal = journal
        self.partner = partner
        self.faults = FaultBook(state.faults, sessionLimit: state.sessionLimit)
        self.store = Mutex(Store(state))
    }

    /// The path of the auth API, without a trailing slash.
    public var authPath: String { "/auth/\(billerID)/api" }
    /// The path of the data API, without a trailing slash.
    public var apiPath: String { "/webpayments/\(billerID)/api" }

    /// Answers one request and journals the exchange.
    public func handle(_ request: MockRequest) -> MockResponse {
        let response = answer(request)
        journal.record(request, response, partner: partner)
        return response
    }

    /// The number of sessions open now.
    public var openSessions: Int { store.withLock { $0.sessions.count } }

    /// Replaces the state (the biller id stays), closes every session and sets the state's faults.
    public func load(_ state: IMTState) {
        store.withLock { $0 = Store(state) }
        faults.replace(state.faults, sessionLimit: state.sessionLimit)
    }

    /// Returns to the state last loaded and empties the journal.
    public func reset() {
        load(store.withLock { $0.loaded })
        journal.reset()
    }

    /// The answer, with a matching fault applied: a status fault replaces the answer, other faults change it.
    func answer(_ request: MockRequest) -> MockResponse {
        let fault = relativePath(of: request.path).flatMap { faults.take(method: request.method, relativePath: $0.path) }
        switch fault?.effect {
        case .status(let status)?: return .injected(fault!, status: status)
        default: break
        }
        let response = route(request)
        return fault.map(response.applying) ?? response
    }

    /// Which API a path is under, and the path relative to it.
    func relativePath(of path: String) -> (api: String, path: String)? {
        if path.hasPrefix(authPath + "/") { return ("auth", String(path.dropFirst(authPath.count))) }
        if path.hasPrefix(apiPath + "/") { return ("data", String(path.dropFirst(apiPath.count))) }
        return nil
    }

    func route(_ request: MockRequest) -> MockResponse {
        guard let (api, relative) = relativePath(of: request.path) else {
            return .error(
                JSONAPIError(
                    status: 404, code: "not-found", title: "No such resource",
                    detail: "\(request.path) is under neither \(authPath)/ nor \(apiPath)/"))
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
        case ("data", 1, "payments"):
            return request.method == "POST" ? postPayment(request) : methodNotAllowed(request, allow: "POST")
        case ("data", 2, "settings"):
            return request.method == "PATCH"
                ? patchSettings(request, account: segments[1]) : methodNotAllowed(request, allow: "PATCH")
        case ("data", 2, "bills"):
            return request.method == "GET" ? bill(request, policy: segments[1]) : methodNotAllowed(request, allow: "GET")
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
