public import Wire

/// The control API both mocks serve under `/__admin/`: state, journal, reset, faults, the contract document.
///
/// | route | does |
/// |---|---|
/// | `GET /__admin/state` | the state now (secrets redacted) |
/// | `PUT /__admin/state` | loads a state (YAML or JSON, a scenario's `imt:` or `ic:` block) |
/// | `GET /__admin/journal` | the exchanges so far; `?offset=N&limit=M`: one page of them (`AdminAPI+Journal.swift`) |
/// | `GET /__admin/requests` | the entries matching `method`, `path`, `header.NAME`, `body.PATH`, and their count (`AdminAPI+Requests.swift`) |
/// | `POST /__admin/reset` | back to the state last loaded; journal emptied |
/// | `GET`, `POST`, `DELETE /__admin/faults` | the faults left; arm one (a scenario fault); disarm all |
/// | `GET /__admin/<contract>` | the contract served: `openapi.json` (IMT), `CloudInvoicing.wsdl` (IC) |
///
/// plus a mock's own rows (IC's `import`). Its routes are a table like the mocks' own. Admin calls are
/// not journaled; a request it cannot read is a 400 JSON:API error document, another method of a route
/// a 405 with `Allow`, an unknown route a 404. State, journal and faults are `application/json`; a
/// journal page, a JSON:API document, and every error are `application/vnd.api+json`.
/// Reading a state or a fault is the caller's (Harness reads YAML): `Target` takes the decoders as closures.
public struct AdminAPI: Sendable {
    public typealias Route = MockRoute<AdminAPI, Void>

    /// Where the admin API lives.
    public static let prefix = "/__admin"

    /// What the admin API administers: one mock, and how to read what is sent to it.
    public struct Target: Sendable {
        public var journal: Journal
        public var faults: FaultBook
        /// The state as `GET /__admin/state` shows it.
        public var state: @Sendable () -> JSONValue
        /// Reads a state document (`text`, named `origin` in errors) and loads it; throws what it cannot read.
        public var load: @Sendable (_ text: String, _ origin: String) throws -> Void
        /// Reads one fault document and says what to arm.
        public var fault: @Sendable (_ text: String, _ origin: String) throws -> ArmedFault
        public var reset: @Sendable () -> Void
        /// The contract document's route (`openapi.json`), its contract entry and its answer.
        public var contract: (path: String, entry: ContractEntry, answer: @Sendable (MockRequest) -> MockResponse)
        /// The detail of the 404 for a request no admin route takes.
        public var unknownRoute: @Sendable (MockRequest) -> String
        /// The mock's own admin routes (base `admin`), after the shared ones.
        public var extraRoutes: [Route]

        public init(
            journal: Journal, faults: FaultBook, state: @escaping @Sendable () -> JSONValue,
            load: @escaping @Sendable (String, String) throws -> Void,
            fault: @escaping @Sendable (String, String) throws -> ArmedFault, reset: @escaping @Sendable () -> Void,
            contract: (path: String, entry: ContractEntry, answer: @Sendable (MockRequest) -> MockResponse),
            unknownRoute: @escaping @Sendable (MockRequest) -> String, extraRoutes: [Route] = []
        ) {
            self.journal = journal
            self.faults = faults
            self.state = state
            self.load = load
            self.fault = fault
            self.reset = reset
            self.contract = contract
            self.unknownRoute = unknownRoute
            self.extraRoutes = extraRoutes
        }
    }

    /// What a fault document arms.
    public enum ArmedFault: Sendable {
        case fault(Fault)
        /// Sessions expire after this many authenticated requests.
        case sessionLimit(Int)
    }

    public let target: Target
    /// The admin routes of this mock: the shared ones, its contract document, its own.
    public let routes: RouteTable<AdminAPI, Void>

    public init(_ target: Target) {
        self.target = target
        self.routes = Self.routes(contract: (target.contract.path, target.contract.entry), extra: target.extraRoutes)
    }

    /// Whether `request` is for the admin API.
    public static func takes(_ request: MockRequest) -> Bool {
        request.path == prefix || request.path.hasPrefix(prefix + "/")
    }

    /// Answers one admin request: the route's answer, 400 for a body it cannot read, 405 with `Allow`
    /// for a route without this method (RFC 9110, 15.5.6), 404 for no route.
    public func handle(_ request: MockRequest) -> MockResponse {
        let relative = request.path.dropFirst(Self.prefix.count)
        switch routes.lookup(method: request.method, base: "admin", relativePath: relative) {
        case .found(let found, let parameters):
            return found[0].handle(self, request, RouteMatch(parameters: parameters, payload: ()))
        case .methodNotAllowed(let allow):
            let methods = allow.joined(separator: ", ")
            return .error(
                JSONAPIError(
                    status: 405, code: "method-not-allowed", title: "Method not allowed",
                    detail: "\(request.method) is not allowed on \(request.path); use \(methods)"),
                headers: [("Allow", methods)])
        case .notFound:
            return .error(
                JSONAPIError(status: 404, code: "not-found", title: "No such admin route", detail: target.unknownRoute(request)))
        }
    }

    /// The answer of `body`; what it throws is a 400 error document with the error's text as detail.
    func reading(_ request: MockRequest, _ body: (String, String) throws -> MockResponse) -> MockResponse {
        let origin = "\(request.method) \(request.path)"
        guard let text = String(validating: request.body, as: UTF8.self) else {
            return Self.invalid("\(origin):1:1: the body is not UTF-8")
        }
        do {
            return try body(text, origin)
        } catch {
            return Self.invalid("\(error)")
        }
    }

    static func invalid(_ detail: String) -> MockResponse {
        .error(JSONAPIError(status: 400, code: "invalid-admin-request", title: "Invalid admin request", detail: detail))
    }
}
