import Synchronization
import Wire

extension IMTMock {
    /// A JSON:API error answer, with the near miss of a request refused at its route's contract:
    /// the Content-Type of a 415, the `data.type` of a 409 type mismatch.
    func refused(_ error: JSONAPIError, _ request: MockRequest, type: String) -> MockResponse {
        let response = MockResponse.error(error)
        switch (error.status, error.code) {
        case (415, _):
            let difference = RequestNearMiss.Difference(
                .header, "Content-Type", expected: JSONAPIMediaType.value, actual: request.header("Content-Type"))
            return response.missing(.matchedRoute([difference]))
        case (409, "type-mismatch"):
            let sent = (try? JSONParser.parse(request.body))?["data"]?["type"]?.stringValue
            return response.missing(.matchedRoute([.init(.body, "data.type", expected: type, actual: sent)]))
        default:
            return response
        }
    }

    /// The policy closest to `number`, a policy the state does not have, as a request's `part` `name` sent it.
    func policyMiss(_ number: String, _ part: RequestNearMiss.Difference.Part, _ name: String?) -> RequestNearMiss? {
        let numbers = store.withLock { $0.policies.compactMap(\.policyNumber) }
        return keyMiss(number, among: numbers, kind: "policy", part, name)
    }

    /// The policy with a bill closest to `policy`, which has none.
    func billMiss(_ policy: String) -> RequestNearMiss? {
        let policies = store.withLock { $0.bills.keys.sorted() }
        return keyMiss(policy, among: policies, kind: "bill", .path, nil)
    }

    /// The user closest to refused credentials: another username close to a known one, or a known
    /// user whose password differs (said, never shown).
    func userMiss(_ credentials: SessionRequest) -> RequestNearMiss? {
        let users = store.withLock { $0.users }
        let password = RequestNearMiss.Difference.secret(.body, "data.attributes.password")
        if users[credentials.username] != nil {
            return RequestNearMiss(kind: "user", closest: credentials.username, differences: [password])
        }
        guard let closest = ClosestKey.closest(to: credentials.username, among: users.keys.sorted()) else { return nil }
        var differences = [
            RequestNearMiss.Difference(.body, "data.attributes.username", expected: closest, actual: credentials.username)
        ]
        if users[closest] != credentials.password { differences.append(password) }
        return RequestNearMiss(kind: "user", closest: closest, differences: differences)
    }

    private func keyMiss(
        _ key: String, among keys: [String], kind: String, _ part: RequestNearMiss.Difference.Part, _ name: String?
    ) -> RequestNearMiss? {
        guard let closest = ClosestKey.closest(to: key, among: keys) else { return nil }
        return RequestNearMiss(kind: kind, closest: closest, differences: [.init(part, name, expected: closest, actual: key)])
    }
}
