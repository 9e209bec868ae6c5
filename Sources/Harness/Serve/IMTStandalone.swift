import Foundation
public import Partners
import Wire

/// The mock IMT as a stand-in partner: the mock's routes plus an admin API under `/__admin/`.
///
/// | route | does |
/// |---|---|
/// | `GET /__admin/state` | the state now (passwords redacted) |
/// | `PUT /__admin/state` | loads a state (YAML or JSON, the shape of a scenario's `imt:` block); the biller id stays |
/// | `GET /__admin/journal` | the exchanges so far (the last 10,000) |
/// | `POST /__admin/reset` | back to the state last loaded; journal emptied |
/// | `GET`, `POST`, `DELETE /__admin/faults` | the faults left; add one (a scenario fault); remove all |
/// | `GET /__admin/openapi.json` | the contract served, as OpenAPI 3.1 |
///
/// Admin calls are not journaled; their errors are JSON:API error documents too.
public final class IMTStandalone: Sendable {
    /// The most journal entries a long-running server keeps.
    public static let journalLimit = 10_000

    public let mock: IMTMock
    /// Called with one line per partner request.
    let log: @Sendable (String) -> Void

    /// A stand-in serving `state`, logging each partner request to `log`.
    public init(state: IMTState, log: @escaping @Sendable (String) -> Void) {
        self.mock = IMTMock(state: state, journal: Journal(limit: Self.journalLimit))
        self.log = log
    }

    /// Reads a state file (`--state`).
    public static func state(file: String) throws(InputError) -> IMTState {
        let text = try InputError.text(ofFile: file)
        return try IMTStateLoader.load(text: text, file: file)
    }

    @Sendable public func handle(_ request: MockRequest) -> MockResponse {
        if request.path == "/__admin" || request.path.hasPrefix("/__admin/") { return admin(request) }
        let start = ContinuousClock.now
        let response = mock.handle(request)
        let elapsed = (ContinuousClock.now - start).components
        let micros = elapsed.seconds * 1_000_000 + elapsed.attoseconds / 1_000_000_000_000
        let fault = response.fault.map { " [fault: \($0.summary)]" } ?? ""
        log("\(request.method) \(request.path) \(response.status) \(micros) µs\(fault)")
        return response
    }

    func admin(_ request: MockRequest) -> MockResponse {
        Self.answering(request, with: adminRoute)
    }

    /// The answer of an admin `route`; a request it cannot read is a 400 error document.
    static func answering(
        _ request: MockRequest, with route: (MockRequest) throws(InputError) -> MockResponse
    ) -> MockResponse {
        do {
            return try route(request)
        } catch {
            return .error(
                JSONAPIError(
                    status: 400, code: "invalid-admin-request", title: "Invalid admin request", detail: error.description))
        }
    }

    private func adminRoute(_ request: MockRequest) throws(InputError) -> MockResponse {
        switch (request.method, request.path) {
        case ("GET", "/__admin/state"):
            return .jsonAPI(200, mock.stateJSON)
        case ("PUT", "/__admin/state"):
            mock.load(try IMTStateLoader.load(text: try Self.text(request), file: "PUT /__admin/state"))
            return .jsonAPI(200, mock.stateJSON)
        case ("GET", "/__admin/journal"):
            return .jsonAPI(200, mock.journal.json)
        case ("POST", "/__admin/reset"):
            mock.reset()
            return MockResponse(status: 204)
        case ("GET", "/__admin/faults"):
            return .jsonAPI(200, mock.faults.json)
        case ("POST", "/__admin/faults"):
            switch try IMTStateLoader.fault(text: try Self.text(request), file: "POST /__admin/faults") {
            case .fault(let fault):
                mock.faults.add(fault)
                return .jsonAPI(201, fault.json)
            case .sessionLimit(let limit):
                mock.faults.expireSessions(after: limit)
                return .jsonAPI(201, .object(["expire_session_after": .number(String(limit))]))
            }
        case ("DELETE", "/__admin/faults"):
            mock.faults.replace([], sessionLimit: nil)
            return MockResponse(status: 204)
        case ("GET", "/__admin/openapi.json"):
            let document = IMTContract.openAPI(authPath: mock.authPath, apiPath: mock.apiPath)
            return MockResponse(status: 200, headers: [("Content-Type", "application/json")], body: Array(document.utf8))
        default:
            return .error(
                JSONAPIError(
                    status: 404, code: "not-found", title: "No such admin route",
                    detail: "\(request.method) \(request.path) is not an admin route; see GET /__admin/openapi.json"))
        }
    }

    /// The request's body as text.
    static func text(_ request: MockRequest) throws(InputError) -> String {
        guard let text = String(validating: request.body, as: UTF8.self) else {
            throw InputError(file: "\(request.method) \(request.path)", line: 1, column: 1, message: "the body is not UTF-8")
        }
        return text
    }
}
