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
        let body = #"{"data":["# + matching.joined(separator: ",") + "]}"
        let response = MockResponse(status: 200, headers: [("Content-Type", JSONAPIMediaType.value)], body: Array(body.utf8))
        return matching.isEmpty ? response.missing(policyMiss(policyNumber, .query, Self.policyFilter)) : response
    }
}
