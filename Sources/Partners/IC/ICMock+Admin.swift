import Foundation
import Wire

extension ICMock {
    /// This mock's admin API (`AdminAPI`), its contract document `GET /__admin/CloudInvoicing.wsdl`,
    /// plus `GET /__admin/import?date=mm/dd/yyyy`: the import file consolidated from the uploads held
    /// (default date: the mock clock's day, UTC), and the clock's rows (`ICMock+AdminClock.swift`).
    ///
    /// - Parameters:
    ///   - decodeState: reads a state document (YAML or JSON, a scenario's `ic:` block) named `origin` in its errors.
    ///   - decodeFault: reads one fault document (`{route: "POST /CloudInvoicing.asmx/<Operation>", status: 503}`).
    public func adminAPI(
        decodeState: @escaping @Sendable (_ text: String, _ origin: String) throws -> ICState,
        decodeFault: @escaping @Sendable (_ text: String, _ origin: String) throws -> Fault
    ) -> AdminAPI {
        let importRoute = AdminAPI.Route("GET", "import", base: "admin", contract: .openAPI(operationID: "getImport")) {
            [self] _, request, _ in importAnswer(request)
        }
        return AdminAPI(
            AdminAPI.Target(
                journal: journal, faults: faults, state: { [self] in stateJSON },
                load: { [self] text, origin in load(try decodeState(text, origin)) },
                fault: { text, origin in .fault(try decodeFault(text, origin)) }, reset: { [self] in reset() },
                contract: ("CloudInvoicing.wsdl", .wsdlDocument, { [self] request in wsdl(request) }),
                unknownRoute: { "\($0.method) \($0.path) is not an admin route of the mock IC" },
                extraRoutes: [importRoute] + clockRoutes))
    }

    /// `GET /__admin/import`: the consolidated file as text; 400 for a bad date, 409 when there is nothing to consolidate.
    func importAnswer(_ request: MockRequest) -> MockResponse {
        let given = request.query.first { $0.name == "date" }?.value
        guard let date = given.map({ BIFDate($0) }) ?? Self.today(clock.now) else {
            return .error(
                JSONAPIError(
                    status: 400, code: "invalid-date", title: "Invalid date", detail: "date must be mm/dd/yyyy",
                    source: .parameter("date")))
        }
        guard !accepted.isEmpty else {
            return .error(
                JSONAPIError(status: 409, code: "no-uploads", title: "No uploads held", detail: "nothing to consolidate yet"))
        }
        do {
            let file = try importFile(date: date)
            return MockResponse(status: 200, headers: [("Content-Type", "text/plain; charset=utf-8")], body: file.bytes)
        } catch {
            return .error(JSONAPIError(status: 409, code: "no-import", title: "No import file", detail: error.description))
        }
    }

    /// The day of `now` in UTC.
    static func today(_ now: Date) -> BIFDate? {
        var calendar = Calendar(identifier: .gregorian)
        guard let utc = TimeZone(identifier: "UTC") else { return nil }
        calendar.timeZone = utc
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return BIFDate(year: year, month: month, day: day)
    }
}
