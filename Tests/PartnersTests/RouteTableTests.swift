import Partners
import Testing
import Wire

/// The mocks' route tables: dispatch, 405 with `Allow`, near-miss hints, fault routes, the published contract.
@Suite struct RouteTableTests {
    /// A table of its own, to pin the table's behaviour apart from the mocks'.
    static let table = RouteTable<String, Void>([
        .init("GET", "items/", base: "api", contract: .openAPI(operationID: "list")) { owner, _, _ in
            MockResponse(status: 200, body: Array("\(owner) list".utf8))
        },
        .init("POST", "items/", base: "api", contract: .openAPI(operationID: "add")) { _, _, _ in MockResponse(status: 201) },
        .init("DELETE", "items/{id}", base: "api", contract: .openAPI(operationID: "remove")) { _, _, match in
            MockResponse(status: 204, body: Array(match["id"].utf8))
        },
    ])

    static let mock = IMTMock(state: IMTState(users: ["icuser": "pw"]))

    func detail(_ response: MockResponse) throws -> String {
        try #require(JSONAPIError.errors(in: try JSONParser.parse(response.body))?.first?.detail)
    }

    @Test func `a lookup finds the row of the method and the path, with its captures, trailing slash optional`() throws {
        guard
            case .found(let routes, let parameters) = Self.table.lookup(method: "DELETE", base: "api", relativePath: "/items/42/")
        else {
            Issue.record("DELETE /items/42/ found no route")
            return
        }
        #expect(routes.map(\.name) == ["DELETE /items/{id}"])
        #expect(parameters == ["id": "42"])
        let answer = routes[0].handle(
            "owner", MockRequest(method: "DELETE", path: "/items/42"), .init(parameters: parameters, payload: ()))
        #expect(answer.body == Array("42".utf8))
        guard case .notFound = Self.table.lookup(method: "GET", base: "other", relativePath: "/items/") else {
            Issue.record("a route of another base matched")
            return
        }
    }

    @Test func `a path without the method lists the methods it has, in table order`() {
        guard case .methodNotAllowed(let allow) = Self.table.lookup(method: "PUT", base: "api", relativePath: "/items/") else {
            Issue.record("PUT /items/ was not refused")
            return
        }
        #expect(allow == ["GET", "POST"])
    }

    @Test func `the mock IMT answers 405 with Allow from its table, and the same detail as before`() throws {
        let response = Self.mock.handle(MockRequest(method: "GET", target: "/auth/3401/api/sessions/icuser"))
        #expect(response.status == 405)
        #expect(response.header("Allow") == "DELETE")
        #expect(try detail(response) == "GET is not allowed here; use DELETE")
    }

    @Test func `the mock IC answers 405 with Allow: POST, or GET and POST for ?wsdl`() {
        let put = ICMock(state: ICState()).handle(MockRequest(method: "PUT", target: ICMock.cloudInvoicingPath))
        #expect(put.status == 405)
        #expect(put.header("Allow") == "POST")
        #expect(put.header("Content-Type") == SOAPVersion.v11.contentType)
        let get = ICMock(state: ICState()).handle(MockRequest(method: "GET", target: ICMock.cloudInvoicingPath))
        #expect(get.status == 405)
        #expect(get.header("Allow") == "POST")
        let wsdl = ICMock(state: ICState()).handle(MockRequest(method: "DELETE", target: ICMock.cloudInvoicingPath + "?wsdl"))
        #expect(wsdl.header("Allow") == "GET, POST")
    }

    @Test func `a 404 names the closest routes: a typo, a wrong biller id; a path far from all names none`() throws {
        let typo = Self.mock.handle(MockRequest(method: "GET", target: "/webpayments/3401/api/payment-due/"))
        #expect(typo.status == 404)
        #expect(
            try detail(typo)
                == "the mock IMT serves no /payment-due/ under /webpayments/3401/api/; closest: "
                + "GET /webpayments/3401/api/payments-due/, POST /webpayments/3401/api/payments/")
        let biller = Self.mock.handle(MockRequest(method: "POST", target: "/auth/3402/api/sessions/"))
        #expect(try detail(biller).hasSuffix("; closest: POST /auth/3401/api/sessions/"))
        let far = Self.mock.handle(MockRequest(method: "GET", target: "/elsewhere/entirely/"))
        #expect(try detail(far) == "/elsewhere/entirely/ is under neither /auth/3401/api/ nor /webpayments/3401/api/")
        #expect(Self.mock.nearMisses(for: MockRequest(method: "GET", target: "/elsewhere/entirely/")).isEmpty)
    }

    @Test func `a SOAP operation posted to its ASMX path is a 404 naming the operation's route`() throws {
        let mock = ICMock(state: ICState())
        let request = MockRequest(method: "POST", target: ICMock.cloudInvoicingPath + "/UploadInvoice")
        #expect(mock.handle(request).status == 404)
        let misses = mock.nearMisses(for: request)
        #expect(misses.first?.route == "POST /portal/webservices/CloudInvoicing.asmx (SOAP operation UploadInvoice)")
        #expect(misses.first?.contract == .wsdl(operation: "UploadInvoice"))
    }

    @Test func `a fault route must name a route of the table; concrete paths match patterns`() {
        for route in [
            "GET /payments-due/", "GET /payments-due", "DELETE /sessions/icuser", "GET /bills/20240903/",
            "PATCH /settings/20240903/", "POST /sessions/",
        ] {
            #expect(IMTMock.knows(route: route), "\(route)")
        }
        for route in ["GET /x/", "POST /payments-due/", "GET /bills/", "DELETE /sessions/", "GET payments-due"] {
            #expect(!IMTMock.knows(route: route), "\(route)")
        }
        #expect(ICMock.knows(route: "POST /CloudInvoicing.asmx/PaymentReportingSOAP"))
        #expect(ICMock.knows(route: "GET /CloudInvoicing.asmx"))
        #expect(!ICMock.knows(route: "POST /CloudInvoicing.asmx/NoSuchOperation"))
        #expect(!ICMock.knows(route: "POST /CloudInvoicing.asmx"))
        #expect(!ICMock.knows(route: "GET /CloudInvoicing.asmx/UploadInvoice"))
    }

    @Test func `the mock IC's SOAP routes are the WSDL's operations, in its order`() {
        #expect(ICMock.operations == CloudInvoicingWSDL.operations)
        let soap = ICMock.routes.routes.filter { $0.base == "services" }
        #expect(soap.compactMap(\.operation).count == soap.count - 1)
    }

    @Test func `the OpenAPI document lists every route of the tables, each method with its row's operation`() throws {
        let document = try JSONParser.parse(IMTContract.openAPI(authPath: Self.mock.authPath, apiPath: Self.mock.apiPath))
        let paths = try #require(document["paths"]?.objectValue)
        var listed: [String] = []
        for member in paths {
            for operation in member.value.objectValue ?? [] where operation.key != "parameters" {
                listed.append("\(operation.key.uppercased()) \(member.key) \(operation.value["operationId"]?.stringValue ?? "")")
            }
        }
        let bases = ["auth": Self.mock.authPath, "data": Self.mock.apiPath]
        let admin = AdminAPI.routes(contract: ("openapi.json", .openAPI(operationID: "openAPI"))).routes
        let expected =
            IMTMock.routes.routes.map { ($0.method, (bases[$0.base] ?? "") + "/" + $0.path, $0.contract) }
            + admin.map { ($0.method, AdminAPI.prefix + "/" + $0.path, $0.contract) }
        #expect(
            listed
                == expected.map { method, path, contract in
                    guard case .openAPI(let id) = contract else { return "\(method) \(path) ?" }
                    return "\(method) \(path) \(id)"
                })
        let closing = document["paths"]?["/auth/3401/api/sessions/{username}"]
        #expect(closing?["parameters"]?.arrayValue?.first?["name"] == "username")
    }
}
