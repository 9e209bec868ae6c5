public import Wire

extension ICMock {
    /// A route of the mock IC, relative to `/portal/webservices` (base `services`); a SOAP route's
    /// payload is the request's envelope.
    public typealias Route = MockRoute<ICMock, SOAPEnvelope?>

    /// Every route of the mock IC: the WSDL, then one row per CloudInvoicing operation, in the WSDL's order.
    ///
    /// The operations are those of `UploadInvoiceRequest.Operation` and `ICReport`, the enums the
    /// WSDL (`CloudInvoicingWSDL.operations`) and the messages are written from, so a new operation
    /// is one case there and its row here.
    public static let routes = RouteTable<ICMock, SOAPEnvelope?>(
        [
            Route("GET", "CloudInvoicing.asmx", base: "services", query: "wsdl", contract: .wsdlDocument) { mock, request, _ in
                mock.wsdl(request)
            }
        ]
            + UploadInvoiceRequest.Operation.allCases.map { operation in
                soap(operation.rawValue) { mock, _, match in
                    mock.perform(match) { envelope, _ throws(SOAPFault) in
                        mock.upload(try UploadInvoiceRequest(envelope: envelope)).envelope(envelope.version)
                    }
                }
            }
            + ICReport.allCases.map { report in
                soap(report.rawValue) { mock, _, match in
                    mock.perform(match) { envelope, warnings throws(SOAPFault) in
                        try mock.report(ICReportRequest(envelope: envelope), warnings: &warnings).envelope(envelope.version)
                    }
                }
            }
            + restRoutes)

    /// A SOAP operation's row: POSTed to the service's path, its operation named by the envelope.
    static func soap(_ operation: String, handle: @escaping Route.Handle) -> Route {
        Route(
            "POST", "CloudInvoicing.asmx", base: "services", operation: operation, contract: .wsdl(operation: operation),
            handle: handle)
    }

    /// Whether a fault's route (`"POST /CloudInvoicing.asmx/PaymentReportingSOAP"`) names an operation of the mock.
    public static func knows(route: String) -> Bool { routes.knows(route: route) }

    /// Whether the fault's route names an operation of the mock.
    public static func knows(_ fault: Fault) -> Bool { routes.knows(fault) }

    /// The SOAP operations of the table, in order: those the WSDL lists.
    public static var operations: [String] { routes.routes.compactMap(\.operation) }

    /// Dispatch from the route table: 404 for a path the table does not have, the WSDL for `GET ?wsdl`,
    /// 405 with `Allow` for another method, then the envelope's operation (faults applied) or a SOAP Fault.
    func answer(_ request: MockRequest) -> MockResponse {
        if !request.path.hasPrefix(Self.servicesPath + "/") { return answerREST(request) }
        let version = SOAPVersion.named(byContentType: request.header("Content-Type")) ?? .v11
        let lookup: RouteTable<ICMock, SOAPEnvelope?>.Lookup =
            request.path.hasPrefix(Self.servicesPath + "/") && !request.path.hasSuffix("/")
            ? Self.routes.lookup(
                method: request.method, base: "services", relativePath: request.path.dropFirst(Self.servicesPath.count),
                query: request.query)
            : .notFound
        switch lookup {
        case .notFound:
            let misses = nearMisses(for: request)
            return Self.fault(
                SOAPFault(
                    .sender, "no service at \(request.path); CloudInvoicing is at \(Self.cloudInvoicingPath)\(Self.note(misses))"),
                version, status: 404
            ).missing(misses.first?.journal)
        case .methodNotAllowed(let allow):
            var response = Self.fault(
                SOAPFault(.sender, "\(request.method) is not allowed; SOAP requests are POSTed"), version, status: 405)
            response.headers.append(("Allow", allow.joined(separator: ", ")))
            return response.missing(nearMisses(for: request).first?.journal)
        case .found(let routes, let parameters):
            guard routes.contains(where: { $0.operation != nil }) else {
                let route = routes[0]
                return faultInjection.respond(to: request, method: route.method, path: route.relativeName) { request in
                    route.handle(self, request, RouteMatch(parameters: parameters, payload: nil))
                }
            }
            let envelope: SOAPEnvelope
            let route: Route
            do throws(SOAPFault) {
                envelope = try SOAPEnvelope(
                    body: request.body, contentType: request.header("Content-Type"),
                    soapAction: request.header("SOAPAction"))
                guard envelope.operationNamespace == CloudInvoicingMessage.namespace,
                    let found = Self.routes.route(routes, operation: envelope.operation)
                else {
                    throw SOAPFault(
                        .sender,
                        "Server did not recognize the operation \(envelope.operation) in namespace \(envelope.operationNamespace ?? "none")"
                    )
                }
                route = found
            } catch {
                return Self.fault(error, version).missing(operationMiss(request))
            }
            let match = RouteMatch<SOAPEnvelope?>(parameters: parameters, payload: envelope)
            return faultInjection.respond(to: request, method: route.method, path: route.relativeName) { request in
                route.handle(self, request, match)
            }
        }
    }

    /// The routes closest to a request no route matched, closest first.
    public func nearMisses(for request: MockRequest, limit: Int = 3) -> [NearMiss] {
        Self.routes.nearMisses(
            method: request.method, path: request.path, query: request.query, bases: ["services": Self.servicesPath, "rest": ""],
            limit: limit)
    }

    /// `; closest: …` for a 404's detail, or nothing when no route is close.
    static func note(_ misses: [NearMiss]) -> String {
        misses.isEmpty ? "" : "; closest: " + misses.map(\.route).joined(separator: ", ")
    }

    /// `GET …CloudInvoicing.asmx?wsdl`: the WSDL, its address the host the request named.
    func wsdl(_ request: MockRequest) -> MockResponse {
        let host = request.header("Host") ?? "localhost"
        let wsdl = CloudInvoicingWSDL.document(location: "http://\(host)\(Self.cloudInvoicingPath)")
        return MockResponse(status: 200, headers: [("Content-Type", "text/xml; charset=utf-8")], body: Array(wsdl.utf8))
    }

    /// The answer of a `status` fault: a SOAP Fault with that HTTP status, in the request's version.
    static let injected: @Sendable (MockRequest, Fault, Int) -> MockResponse = { request, fault, status in
        let version = SOAPVersion.named(byContentType: request.header("Content-Type")) ?? .v11
        return ICMock.fault(
            SOAPFault(.receiver, "injected fault: the scenario made \(fault.route) answer \(status)"), version, status: status)
    }

}
