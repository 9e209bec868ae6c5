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
                    { _ in
                        let document = IMTContract.openAPI(authPath: authPath, apiPath: apiPath)
                        return MockResponse(
                            status: 200, headers: [("Content-Type", "application/json")], body: Array(document.utf8))
                    }
                ),
                unknownRoute: { "\($0.method) \($0.path) is not an admin route; see GET /__admin/openapi.json" }))
    }
}
