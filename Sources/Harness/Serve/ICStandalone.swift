import Foundation
public import Partners
import Wire

/// The mock IC as a stand-in partner: its SOAP services plus an admin API under `/__admin/`.
///
/// | route | does |
/// |---|---|
/// | `GET /__admin/state` | the billers (keys redacted), the files taken and the report records |
/// | `PUT /__admin/state` | replaces the state (an `ic:` block, YAML or JSON), faults included |
/// | `GET /__admin/journal` | the exchanges so far (the last 10,000) |
/// | `GET /__admin/import?date=mm/dd/yyyy` | the import file consolidated from the uploads held (default date: today, UTC) |
/// | `POST /__admin/reset` | back to the state last loaded; journal emptied |
/// | `GET`, `POST`, `DELETE /__admin/faults` | the faults left; add one (`{route: "POST /CloudInvoicing.asmx/<Operation>", status: 503}`); remove all |
public final class ICStandalone: Sendable {
    public let mock: ICMock
    let log: @Sendable (String) -> Void

    public init(state: ICState, log: @escaping @Sendable (String) -> Void) {
        self.mock = ICMock(state: state, journal: Journal(limit: IMTStandalone.journalLimit))
        self.log = log
    }

    /// Reads a state file (`--state`): the `ic:` block of a scenario.
    public static func state(file: String) throws(InputError) -> ICState {
        try state(text: try InputError.text(ofFile: file), file: file)
    }

    static func state(text: String, file: String) throws(InputError) -> ICState {
        let reader = YAMLReader(file: file)
        return try ICStateLoader(reader: reader).load(try reader.root(of: text))
    }

    @Sendable public func handle(_ request: MockRequest) -> MockResponse {
        if request.path == "/__admin" || request.path.hasPrefix("/__admin/") { return admin(request) }
        let response = mock.handle(request)
        log("\(request.method) \(request.path) \(response.status)")
        return response
    }

    func admin(_ request: MockRequest) -> MockResponse {
        IMTStandalone.answering(request, with: adminRoute)
    }

    private func adminRoute(_ request: MockRequest) throws(InputError) -> MockResponse {
        let file = "\(request.method) \(request.path)"
        switch (request.method, request.path) {
        case ("GET", "/__admin/state"): return .jsonAPI(200, mock.stateJSON)
        case ("PUT", "/__admin/state"):
            mock.load(try Self.state(text: try IMTStandalone.text(request), file: file))
            return .jsonAPI(200, mock.stateJSON)
        case ("GET", "/__admin/faults"):
            return .jsonAPI(200, mock.faults.json)
        case ("POST", "/__admin/faults"):
            let reader = YAMLReader(file: file)
            let fault = try ICStateLoader(reader: reader).fault(try reader.root(of: try IMTStandalone.text(request)))
            mock.faults.add(fault)
            return .jsonAPI(201, fault.json)
        case ("DELETE", "/__admin/faults"):
            mock.faults.replace([], sessionLimit: nil)
            return MockResponse(status: 204)
        case ("GET", "/__admin/journal"): return .jsonAPI(200, mock.journal.json)
        case ("POST", "/__admin/reset"):
            mock.reset()
            return MockResponse(status: 204)
        case ("GET", "/__admin/import"):
            let given = request.query.first { $0.name == "date" }?.value
            guard let date = given.map({ BIFDate($0) }) ?? Self.today else {
                return .error(
                    JSONAPIError(
                        status: 400, code: "invalid-date", title: "Invalid date", detail: "date must be mm/dd/yyyy",
                        source: .parameter("date")))
            }
            guard !mock.accepted.isEmpty else {
                return .error(
                    JSONAPIError(status: 409, code: "no-uploads", title: "No uploads held", detail: "nothing to consolidate yet"))
            }
            do {
                let file = try mock.importFile(date: date)
                return MockResponse(status: 200, headers: [("Content-Type", "text/plain; charset=utf-8")], body: file.bytes)
            } catch {
                return .error(JSONAPIError(status: 409, code: "no-import", title: "No import file", detail: error.description))
            }
        default:
            return .error(
                JSONAPIError(
                    status: 404, code: "not-found", title: "No such admin route",
                    detail: "\(request.method) \(request.path) is not an admin route of the mock IC"))
        }
    }

    /// Today's date in UTC.
    static var today: BIFDate? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return BIFDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}
