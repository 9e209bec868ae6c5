import Synchronization
import Wire

/// The mock IMT JSON:API server: the calls IC makes to IMT, as seed 000 describes them.
///
/// It serves two base URLs, as IMT does on two hosts (auth.imtapps.com, webpayments.imtapps.com):
/// - the auth API `/auth/<id>/api/` (advanced setting 88): `POST sessions/`, `DELETE sessions/{username}`;
/// - the data API `/webpayments/<id>/api/` (settings 8, 11, 14, 17, 20): `GET payments-due/`,
///   `POST payments/`, `PATCH settings/{policy}/`, `GET bills/{policy}/`.
///
/// `handle(serving:)` serves one API per origin, as scenarios and `serve imt --auth-port` do, so a
/// client that leaves the session cookie to a cookie jar keyed by host does not send it to the data
/// host, as in production; `handle` serves both on one origin.
///
/// Its routes are one table, `IMTMock.routes` (`IMTMock+Routes.swift`): dispatch, 405 and `Allow`,
/// the fault routes a state may name, near-miss hints and the OpenAPI document's paths read it.
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
        /// The refusals without a source the state turned on (`IMTState.refuse`).
        var refuse: Set<String>
        /// Open sessions by token.
        var sessions: [String: Session] = [:]

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
            refuse = state.refuse
        }
    }

    /// An open session: its user and how many authenticated requests it served.
    struct Session {
        var username: String
        var requests = 0
    }

    /// How long one request may take; past it a server answers 503 (see `MockEndpoint`).
    public let deadline: Duration
    /// The path of the auth API, without a trailing slash.
    public let authPath: String
    /// The path of the data API, without a trailing slash.
    public let apiPath: String
    let faultInjection: FaultInjection
    /// Where the auth API listens when it has an origin of its own (`authListens(at:)`).
    let authOrigin = Mutex<String?>(nil)

    public init(
        state: IMTState, journal: Journal = Journal(), partner: String = "imt", deadline: Duration = MockEndpoint.defaultDeadline
    ) {
        self.billerID = state.billerID
        self.journal = journal
        self.partner = partner
        self.deadline = deadline
        self.faults = FaultBook(state.faults, sessionLimit: state.sessionLimit)
        self.store = Mutex(Store(state))
        let (authPath, apiPath) = ("/auth/\(state.billerID)/api", "/webpayments/\(state.billerID)/api")
        self.authPath = authPath
        self.apiPath = apiPath
        self.faultInjection = FaultInjection(
            faults, route: { Self.relativePath(of: $0.path, authPath: authPath, apiPath: apiPath).map { String($0.path) } },
            injected: { _, fault, status in .injected(fault, status: status) })
    }

    /// The mock as a caller uses it: `mock.handle(request)` answers and journals one request;
    /// `MockServer` serves it, answering 503 past `deadline`. Both APIs on one origin.
    public var handle: MockEndpoint { endpoint(serving: nil) }

    /// The two APIs of IMT, each on a host of its own.
    public enum API: String, Sendable, CaseIterable {
        case auth
        case data
    }

    /// The mock on an origin serving only `api`: a path of the other API is a 404 naming where it is served.
    public func handle(serving api: API) -> MockEndpoint { endpoint(serving: api) }

    private func endpoint(serving api: API?) -> MockEndpoint {
        MockEndpoint(
            core: { [self] request in answer(request, serving: api) }, deadline: deadline,
            timedOut: MockEndpoint.timedOutJSONAPI, oversized: MockServer.oversizedJSONAPI,
            observers: [JournalObserver(journal, partner: partner)])
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

    /// The answer without the journal: on an origin serving one API, a path of the other is a 404;
    /// then faults (a status fault replaces the answer, other faults change it), then the route.
    func answer(_ request: MockRequest, serving served: API? = nil) -> MockResponse {
        if let served, let (api, _) = relativePath(of: request.path), api != served.rawValue {
            let base = api == "auth" ? authPath : apiPath
            return .error(
                JSONAPIError(
                    status: 404, code: "not-found", title: "No such resource",
                    detail:
                        "\(base)/ is the \(api) API, served on its own origin: IMT's auth and data APIs are two hosts, and this one serves the \(served.rawValue) API"
                ))
        }
        return faultInjection.respond(to: request) { route($0) }
    }

    /// The base paths of the route table, by the name its routes use.
    var bases: [String: String] { ["auth": authPath, "data": apiPath] }

    /// Which API a path is under (`auth` or `data`), and the path relative to it.
    func relativePath(of path: String) -> (api: String, path: Substring)? {
        Self.relativePath(of: path, authPath: authPath, apiPath: apiPath)
    }

    static func relativePath(of path: String, authPath: String, apiPath: String) -> (api: String, path: Substring)? {
        func under(_ base: String) -> Bool {
            path.utf8.count > base.utf8.count && path.hasPrefix(base)
                && path.utf8.dropFirst(base.utf8.count).first == UInt8(ascii: "/")
        }
        if under(authPath) { return ("auth", path.dropFirst(authPath.count)) }
        if under(apiPath) { return ("data", path.dropFirst(apiPath.count)) }
        return nil
    }

    /// Dispatch from the route table: 404 outside both APIs, 406 for an Accept without a usable
    /// JSON:API media type, then the route, 405 with `Allow` for a path without this method, or 404.
    func route(_ request: MockRequest) -> MockResponse {
        guard let (api, relative) = relativePath(of: request.path) else {
            let misses = nearMisses(for: request)
            return .error(
                JSONAPIError(
                    status: 404, code: "not-found", title: "No such resource",
                    detail: "\(request.path) is under neither \(authPath)/ nor \(apiPath)/\(Self.note(misses))")
            ).missing(misses.first?.journal)
        }
        guard JSONAPIMediaType.isAcceptable(accept: request.header("Accept")) else {
            return .error(
                JSONAPIError(
                    status: 406, code: "not-acceptable", title: "Not acceptable",
                    detail: "every JSON:API media type in Accept has parameters other than ext or profile",
                    source: .header("Accept")))
        }
        switch Self.routes.lookup(method: request.method, base: api, relativePath: relative) {
        case .found(let routes, let parameters):
            let response = routes[0].handle(self, request, RouteMatch(parameters: parameters, payload: ()))
            return response.naming(route: routeName(routes[0]))
        case .methodNotAllowed(let allow):
            return methodNotAllowed(request, allow: allow.joined(separator: ", ")).missing(
                nearMisses(for: request).first?.journal)
        case .notFound:
            let misses = nearMisses(for: request)
            return .error(
                JSONAPIError(
                    status: 404, code: "not-found", title: "No such resource",
                    detail: "the mock IMT serves no \(relative) under \(api == "auth" ? authPath : apiPath)/\(Self.note(misses))")
            ).missing(misses.first?.journal)
        }
    }

    /// The routes closest to a request no route matched, closest first.
    public func nearMisses(for request: MockRequest, limit: Int = 3) -> [NearMiss] {
        Self.routes.nearMisses(method: request.method, path: request.path, query: request.query, bases: bases, limit: limit)
    }

    /// `; closest: …` for a 404's detail, or nothing when no route is close.
    static func note(_ misses: [NearMiss]) -> String {
        misses.isEmpty ? "" : "; closest: " + misses.map(\.route).joined(separator: ", ")
    }

    /// A route with its full path, as near misses name it: `GET /webpayments/3401/api/payments-due/`.
    func routeName(_ route: Route) -> String {
        "\(route.method) \(bases[route.base] ?? "")/\(route.path)"
    }

    func methodNotAllowed(_ request: MockRequest, allow: String) -> MockResponse {
        .error(
            JSONAPIError(
                status: 405, code: "method-not-allowed", title: "Method not allowed",
                detail: "\(request.method) is not allowed here; use \(allow)"),
            headers: [("Allow", allow)])
    }

    /// IMT's request signing parameters, allowed on every route.
    static let signingParameters: Set<String> = ["__client_id", "__signature"]

    /// 400 for the first query parameter not in `allowed`. IMT's request signing
    /// parameters `__client_id` and `__signature` are always allowed.
    func rejectUnknownParameters(_ request: MockRequest, allowed: Set<String>) -> MockResponse? {
        guard
            let unknown = request.query.first(where: { !allowed.contains($0.name) && !Self.signingParameters.contains($0.name) })
        else { return nil }
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
