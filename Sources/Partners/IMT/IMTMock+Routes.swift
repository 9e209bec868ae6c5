extension IMTMock {
    /// A route of the mock IMT; `base` is `auth` (the auth API) or `data` (the data API).
    public typealias Route = MockRoute<IMTMock, Void>

    /// Every route of the mock IMT, as seed 000 describes the calls IC makes, in the contract's order.
    ///
    /// One row per route: the dispatch, the 405 `Allow` lists, the fault routes a state may name
    /// (relative to the API: `POST /payments/`), near-miss hints and the paths of the OpenAPI
    /// document (`IMTContract`) all read this table. A new route is one row here, its handler, and
    /// its operation in `IMTContract.operations`.
    public static let routes = RouteTable<IMTMock, Void>([
        Route("POST", "sessions/", base: "auth", contract: .openAPI(operationID: "openSession")) { mock, request, _ in
            mock.openSession(request)
        },
        Route("DELETE", "sessions/{username}", base: "auth", contract: .openAPI(operationID: "closeSession")) {
            mock, request, match in mock.closeSession(request, username: match["username"])
        },
        Route("GET", "payments-due/", base: "data", contract: .openAPI(operationID: "paymentsDue")) { mock, request, _ in
            mock.paymentsDue(request)
        },
        Route("POST", "payments/", base: "data", contract: .openAPI(operationID: "postPayment")) { mock, request, _ in
            mock.postPayment(request)
        },
        Route("POST", "online-receipts/", base: "data", contract: .openAPI(operationID: "postOnlineReceipt")) {
            mock, request, _ in mock.postPayment(request)
        },
        Route("PATCH", "settings/{account}/", base: "data", contract: .openAPI(operationID: "patchSettings")) {
            mock, request, match in mock.patchSettings(request, account: match["account"])
        },
        Route("GET", "bills/{policy_number}/", base: "data", contract: .openAPI(operationID: "bill")) {
            mock, request, match in mock.bill(request, policy: match["policy_number"])
        },
    ])

    /// Whether a fault's route (`"GET /bills/20240903/"`, relative to the auth or data API) names a route of the mock.
    public static func knows(route: String) -> Bool { routes.knows(route: route) }

    /// Whether the fault's route names a route of the mock.
    public static func knows(_ fault: Fault) -> Bool { routes.knows(fault) }
}
