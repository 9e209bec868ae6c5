import Flows
public import Partners
public import Support
import Wire

/// The mock IMT as a stand-in partner: the mock's routes, each request logged, plus the shared admin
/// API under `/__admin/` (`AdminAPI`), whose state and fault documents this type reads (YAML or JSON).
///
/// | route | does |
/// |---|---|
/// | `GET /__admin/state` | the state now (passwords redacted) |
/// | `PUT /__admin/state` | loads a state (YAML or JSON, the shape of a scenario's `imt:` block); the biller id stays |
/// | `GET /__admin/journal` | the exchanges so far (the last 10,000); `?offset=N&limit=M`: one page |
/// | `POST /__admin/reset` | back to the state last loaded; journal emptied |
/// | `GET`, `POST`, `DELETE /__admin/faults` | the faults left; add one (a scenario fault); remove all |
/// | `GET /__admin/openapi.json` | the contract served, as OpenAPI 3.1 |
///
/// Admin calls are not journaled nor logged; their errors are JSON:API error documents too.
public final class IMTStandalone: Sendable {
    /// The most journal entries a long-running server keeps.
    public static let journalLimit = 10_000

    public let mock: IMTMock
    public let admin: AdminAPI
    /// Called with one line per partner request.
    let log: @Sendable (String) -> Void

    /// A stand-in serving `state`, logging each partner request to `log`, answering 503 past `deadline`.
    public init(
        state: IMTState, log: @escaping @Sendable (String) -> Void, deadline: Duration = MockEndpoint.defaultDeadline
    ) {
        let mock = IMTMock(state: state, journal: Journal(limit: Self.journalLimit), deadline: deadline)
        self.mock = mock
        self.log = log
        self.admin = mock.adminAPI(
            decodeState: { text, origin in try IMTStateLoader.load(text: text, file: origin) },
            decodeFault: { text, origin in
                switch try IMTStateLoader.fault(text: text, file: origin) {
                case .fault(let fault): .fault(fault)
                case .sessionLimit(let limit): .sessionLimit(limit)
                }
            })
    }

    /// The state `serve imt` starts with when given none: one IC user, `icuser` with the password
    /// `s3cr3t-pass`, and the seed's sample policy 20240903 (as `Tools/imt-state.yaml`).
    public static var demoState: IMTState {
        // A literal document of the loader's own shape: it cannot fail to load.
        var state = (try? IMTStateLoader.load(text: demoText, file: "the demo state")) ?? IMTState()
        state.bills["20240903"] = demoBill
        return state
    }

    /// The demo policy's bill, so that remote PDF linking (and `bifrost certify imt`) has one to fetch.
    static let demoBill = MinimalPDF.document(lines: ["Bill for policy 20240903", "JESSICA SMITH", "Amount due: 1675.00"])

    static let demoText = """
        users: {icuser: s3cr3t-pass}
        policies:
          - {policy_number: "20240903", current_due: "1675.00", total_unpaid: "1675.00", payment_types: [ACH, CC]}
        """

    /// Reads a state file (`--state`), with or without its `imt:` wrapper.
    public static func state(file: String) throws(InputError) -> IMTState {
        let text = try InputError.text(ofFile: file)
        return try IMTStateLoader.load(text: text, file: file)
    }

    /// What a server serves: the admin API under `/__admin/`, the mock's routes journaled and logged.
    public var endpoint: MockEndpoint {
        mock.handle.observed(by: RequestLogObserver(log)).routing(prefix: AdminAPI.prefix, to: admin.handle)
    }

    /// What the two servers of `serve imt --auth-port` serve: the data API and the admin API, then the
    /// auth API alone; the contract document names the auth API's origin once `authListens(at:)` says it.
    public var endpoints: (data: MockEndpoint, auth: MockEndpoint) {
        (
            mock.handle(serving: .data).observed(by: RequestLogObserver(log)).routing(prefix: AdminAPI.prefix, to: admin.handle),
            mock.handle(serving: .auth).observed(by: RequestLogObserver(log))
        )
    }

    /// Records where the auth API listens, for the contract document's `servers`.
    public func authListens(at origin: String) { mock.authListens(at: origin) }

    /// Answers one request as the server does, without a socket.
    public func handle(_ request: MockRequest) -> MockResponse { endpoint(request) }
}
