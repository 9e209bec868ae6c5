public import Foundation
public import Partners
public import Support
import Wire

/// The mock IC as a stand-in partner: its SOAP services, each request logged, plus the shared admin
/// API under `/__admin/` (`AdminAPI`), whose state and fault documents this type reads (YAML or JSON).
///
/// | route | does |
/// |---|---|
/// | `GET /__admin/state` | the billers (keys redacted), the files taken and the report records |
/// | `PUT /__admin/state` | replaces the state (an `ic:` block, YAML or JSON), faults included |
/// | `GET /__admin/journal` | the exchanges so far (the last 10,000); `?offset=N&limit=M`: one page |
/// | `GET /__admin/import?date=mm/dd/yyyy` | the import file consolidated from the uploads held (default date: the clock's day, UTC) |
/// | `GET`, `PUT /__admin/clock`, `POST /__admin/clock/advance` | the REST services' clock: read, set (running or stopped), move on |
/// | `POST /__admin/reset` | back to the state last loaded; journal emptied |
/// | `GET`, `POST`, `DELETE /__admin/faults` | the faults left; add one (`{route: "POST /CloudInvoicing.asmx/<Operation>", status: 503}`); remove all |
/// | `GET /__admin/CloudInvoicing.wsdl` | the contract served, the WSDL |
public final class ICStandalone: Sendable {
    public let mock: ICMock
    public let admin: AdminAPI
    let log: @Sendable (String) -> Void

    /// A stand-in serving `state`, logging each request to `log`, answering 503 past `deadline`. Its
    /// clock runs with the wall clock, from `clock` when given (a scenario's clock only stands still in a run).
    /// It judges SAML assertions' validity windows on the system clock, as IC does, whatever its clock says:
    /// the partner's identity provider signs at the time of day.
    public init(
        state: ICState, log: @escaping @Sendable (String) -> Void, deadline: Duration = MockEndpoint.defaultDeadline,
        clock: Date? = nil
    ) {
        var state = state
        state.portal.systemClock = true
        let mock = ICMock(
            state: state, journal: Journal(limit: IMTStandalone.journalLimit), deadline: deadline,
            clock: .running(from: clock))
        self.mock = mock
        self.log = log
        self.admin = mock.adminAPI(
            decodeState: { text, origin in
                var loaded = try Self.state(text: text, file: origin)
                loaded.portal.systemClock = true
                return loaded
            },
            decodeFault: { text, origin in
                let reader = YAMLReader(file: origin)
                return try ICStateLoader(reader: reader).fault(try reader.root(of: text))
            })
    }

    /// Reads a state file (`--state`): the `ic:` block of a scenario, with or without its `ic:` wrapper.
    public static func state(file: String) throws(InputError) -> ICState {
        try state(text: try InputError.text(ofFile: file), file: file)
    }

    static func state(text: String, file: String) throws(InputError) -> ICState {
        let reader = YAMLReader(file: file)
        return try ICStateLoader(reader: reader).load(try reader.stateRoot(of: text, wrapper: "ic"))
    }

    /// What a server serves: the admin API under `/__admin/`, the SOAP services journaled and logged.
    public var endpoint: MockEndpoint {
        mock.handle.observed(by: RequestLogObserver(log)).routing(prefix: AdminAPI.prefix, to: admin.handle)
    }

    /// Answers one request as the server does, without a socket.
    public func handle(_ request: MockRequest) -> MockResponse { endpoint(request) }
}
