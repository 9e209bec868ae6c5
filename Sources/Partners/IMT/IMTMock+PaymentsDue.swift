import Synchronization
import Wire

extension IMTMock {
    static let policyFilter = "filter[policy_number]"

    /// `GET payments-due/?filter[policy_number]=X`: the matching policies, as a collection.
    ///
    /// The filter is required: IC always sends it, and listing every policy is not a call IC makes.
    func paymentsDue(_ request: MockRequest) -> MockResponse {
        guard authenticatedUser(request) != nil else { return notAuthenticated() }
        if let rejected = rejectUnknownParameters(request, allowed: [Self.policyFilter]) { return rejected }
        guard let policyNumber = request.query.first(where: { $0.name == Self.policyFilter })?.value else {
            return .error(
                JSONAPIError(
                    status: 400, code: "filter-required", title: "Missing filter",
                    detail: "\(Self.policyFilter) is required", source: .parameter(Self.policyFilter)))
        }
        let matching = store.withLock { store in
            store.policies.indices.filter { store.policies[$0].policyNumber == policyNumber }.map { store.policyTexts[$0] }
        }
        var body: [UInt8] = []
        body.reserveCapacity(matching.reduce(12) { $0 + $1.utf8.count + 1 })
        body += #"{"data":["#.utf8
        for (index, text) in matching.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body += text.utf8
        }
        body += "]}".utf8
        let response = MockResponse(status: 200, headers: [("Content-Type", JSONAPIMediaType.value)], body: body)
        return matching.isEmpty ? response.missing(policyMiss(policyNumber, .query, Self.policyFilter)) : response
    }
}
