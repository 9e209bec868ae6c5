import Synchronization
import Wire

extension IMTMock {
    /// This mock's admin API (`AdminAPI`), its contract document `GET /__admin/openapi.json`.
    ///
    /// - Parameters:
    ///   - decodeState: reads a state document (YAML or JSON, a scenario's `imt:` block) named `origin` in its errors.
    ///   - decodeFault: reads one fault document (`{route: ..., status: 500}` or `{expire_session_after: N}`).
    public func adminAPI(
        decodeState: @escaping @Sendable (_ text: String, _ origin: String) throws -> IMTState,
        decodeFault: @escaping @Sendable (_ text: String, _ origin: String) throws -> AdminAPI.ArmedFault
    ) -> AdminAPI {
        let (authPath, apiPath) = (self.authPath, self.apiPath)
        return AdminAPI(
            AdminAPI.Target(
                journal: journal, faults: faults, state: { [self] in stateJSON },
                load: { [self] text, origin in load(try decodeState(text, origin)) }, fault: decodeFault,
                reset: { [self] in reset() },
                contract: (
                    "openapi.json", .openAPI(operationID: "openAPI"),
                    { [self] _ in
                        let document = IMTContract.openAPI(
                            authPath: authPath, apiPath: apiPath,
                            instance: contractInstance(authOrigin: authOrigin.withLock { $0 }))
                        return MockResponse(
                            status: 200, headers: [("Content-Type", "application/json")], body: Array(document.utf8))
                    }
                ),
                unknownRoute: { "\($0.method) \($0.path) is not an admin route; see GET /__admin/openapi.json" }))
    }
}

extension IMTMock {
    /// Records that the auth API listens on an origin of its own, which the contract document names.
    public func authListens(at origin: String) { authOrigin.withLock { $0 = origin } }

    /// The contract facts of this mock's state now, its auth API at `authOrigin` when that is given.
    public func contractInstance(authOrigin: String? = nil) -> IMTContract.Instance {
        store.withLock { store in
            var policies: [String] = []
            var seen: Set<String> = []
            for number in store.policies.compactMap(\.policyNumber) where seen.insert(number).inserted {
                policies.append(number)
            }
            return IMTContract.Instance(
                billerID: billerID, username: store.users.keys.sorted().first, policies: policies,
                settings: store.settings.keys.sorted(), bills: store.bills.keys.sorted(), authOrigin: authOrigin)
        }
    }
}
