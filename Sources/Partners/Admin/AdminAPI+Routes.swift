import Wire

extension AdminAPI {
    /// The admin routes: the shared rows in the order the contract documents them, the contract
    /// document's row, then a mock's own rows.
    public static func routes(
        contract: (path: String, entry: ContractEntry), extra: [Route] = []
    ) -> RouteTable<AdminAPI, Void> {
        RouteTable(
            [
                Route("GET", "state", base: "admin", contract: .openAPI(operationID: "getState")) { admin, _, _ in
                    .json(200, admin.target.state())
                },
                Route("PUT", "state", base: "admin", contract: .openAPI(operationID: "putState")) { admin, request, _ in
                    admin.reading(request) { text, origin in
                        try admin.target.load(text, origin)
                        return .json(200, admin.target.state())
                    }
                },
                Route("GET", "journal", base: "admin", contract: .openAPI(operationID: "getJournal")) { admin, request, _ in
                    admin.journal(request)
                },
                Route("GET", "requests", base: "admin", contract: .openAPI(operationID: "getRequests")) { admin, request, _ in
                    admin.requests(request)
                },
                Route("POST", "reset", base: "admin", contract: .openAPI(operationID: "reset")) { admin, _, _ in
                    admin.target.reset()
                    return MockResponse(status: 204)
                },
                Route("GET", "faults", base: "admin", contract: .openAPI(operationID: "getFaults")) { admin, _, _ in
                    .json(200, admin.target.faults.json)
                },
                Route("POST", "faults", base: "admin", contract: .openAPI(operationID: "addFault")) { admin, request, _ in
                    admin.reading(request) { text, origin in
                        switch try admin.target.fault(text, origin) {
                        case .fault(let fault):
                            admin.target.faults.add(fault)
                            return .json(201, fault.json)
                        case .sessionLimit(let limit):
                            admin.target.faults.expireSessions(after: limit)
                            return .json(201, .object(["expire_session_after": .number(String(limit))]))
                        }
                    }
                },
                Route("DELETE", "faults", base: "admin", contract: .openAPI(operationID: "clearFaults")) { admin, _, _ in
                    admin.target.faults.replace([], sessionLimit: nil)
                    return MockResponse(status: 204)
                },
                Route("GET", contract.path, base: "admin", contract: contract.entry) { admin, request, _ in
                    admin.target.contract.answer(request)
                },
            ] + extra)
    }
}
