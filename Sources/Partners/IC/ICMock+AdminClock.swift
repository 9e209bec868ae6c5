import Foundation
import Wire

extension ICMock {
    /// The admin rows of the mock's clock (`MockClock`), which RemoteAuthenticationTokens expire on and
    /// payments are dated with:
    ///
    /// | route | does |
    /// |---|---|
    /// | `GET /__admin/clock` | `{"now": "2024-11-18T17:05:28Z", "running": true}` |
    /// | `PUT /__admin/clock` | `{"now": "<ISO 8601 with zone>", "running": false}`: sets it (`running` default true) |
    /// | `POST /__admin/clock/advance` | `{"seconds": 3600}`: moves it on |
    ///
    /// Each answers the clock as `GET` does; a body it cannot read is a 400 JSON:API error document.
    var clockRoutes: [AdminAPI.Route] {
        [
            AdminAPI.Route("GET", "clock", base: "admin", contract: .openAPI(operationID: "getClock")) { [self] _, _, _ in
                .jsonAPI(200, clock.json)
            },
            AdminAPI.Route("PUT", "clock", base: "admin", contract: .openAPI(operationID: "putClock")) { [self] _, request, _ in
                setClock(request)
            },
            AdminAPI.Route("POST", "clock/advance", base: "admin", contract: .openAPI(operationID: "advanceClock")) {
                [self] _, request, _ in advanceClock(request)
            },
        ]
    }

    /// `PUT /__admin/clock`: `now` an ISO 8601 date and time with its zone, `running` a boolean (default true).
    func setClock(_ request: MockRequest) -> MockResponse {
        let members: [JSONValue.Member]
        switch Self.clockBody(request, allowed: ["now", "running"]) {
        case .failure(let error): return .error(error)
        case .success(let found): members = found
        }
        guard let text = members.first(where: { $0.key == "now" })?.value.stringValue, let date = MockClock.date(text) else {
            return .error(
                Self.clockError(
                    "now must be an ISO 8601 date and time with its zone, e.g. 2024-11-18T17:05:28Z", pointer: "/now"))
        }
        var running = true
        if let given = members.first(where: { $0.key == "running" })?.value {
            guard let flag = given.boolValue else {
                return .error(Self.clockError("running must be true or false", pointer: "/running"))
            }
            running = flag
        }
        clock.set(date, running: running)
        return .jsonAPI(200, clock.json)
    }

    /// `POST /__admin/clock/advance`: `seconds` a whole number from 0 (an earlier time is set with `PUT`).
    func advanceClock(_ request: MockRequest) -> MockResponse {
        let members: [JSONValue.Member]
        switch Self.clockBody(request, allowed: ["seconds"]) {
        case .failure(let error): return .error(error)
        case .success(let found): members = found
        }
        // A whole number of seconds up to about 100 years: digits only, no sign, no fraction.
        guard case .number(let text) = members.first(where: { $0.key == "seconds" })?.value,
            text.utf8.allSatisfy({ (48...57).contains($0) }), let seconds = Int(text), seconds <= Self.longestAdvance
        else {
            return .error(
                Self.clockError(
                    "seconds must be a whole number from 0 to \(Self.longestAdvance); set an earlier time with PUT /__admin/clock",
                    pointer: "/seconds"))
        }
        clock.advance(by: seconds)
        return .jsonAPI(200, clock.json)
    }

    /// The longest one advance may move the clock: 100 years of 365 days.
    static let longestAdvance = 100 * 365 * 86_400

    /// The members of a clock request's JSON object, none but `allowed`.
    static func clockBody(_ request: MockRequest, allowed: Set<String>) -> Result<[JSONValue.Member], JSONAPIError> {
        guard let document = try? JSONParser.parse(request.body), let members = document.objectValue else {
            return .failure(clockError("the body must be a JSON object, e.g. {\"now\": \"2024-11-18T17:05:28Z\"}", pointer: ""))
        }
        if let unknown = members.first(where: { !allowed.contains($0.key) }) {
            let names = allowed.sorted().joined(separator: ", ")
            return .failure(clockError("\(unknown.key) is not a clock member; it takes \(names)", pointer: "/\(unknown.key)"))
        }
        return .success(members)
    }

    static func clockError(_ detail: String, pointer: String) -> JSONAPIError {
        JSONAPIError(
            status: 400, code: "invalid-admin-request", title: "Invalid admin request", detail: detail, source: .pointer(pointer))
    }
}
