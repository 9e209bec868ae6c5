import Foundation
import Synchronization
import Wire

extension ICMock {
    /// The REST services' rows of the route table, relative to the server's root (base `rest`):
    /// SSO Connect's web services and page, Cloud Payments V2 and its pages (docs/sso-cpv2.md), SAML sign-in.
    static let restRoutes: [Route] = [
        rest("GET", "api/v1/remoteauthentication/users", "retrieveUsers") { mock, request, _ in mock.retrieveUsers(request) },
        rest("POST", "api/v1/customers", "createCustomerRecord") { mock, request, _ in mock.createCustomer(request) },
        rest("POST", "api/v1/remoteauthentication/registeraccounts", "registerAccounts") { mock, request, _ in
            mock.registerAccounts(request)
        },
        rest("POST", "api/v1/remoteauthentication", "remoteAuthentication") { mock, request, _ in
            mock.remoteAuthentication(request)
        },
        rest("GET", "cloudsso/connect", "ssoConnect") { mock, request, _ in mock.ssoConnect(request) },
        rest("POST", "cloudpaymentsapi/v2", "cloudPaymentsV2") { mock, request, _ in mock.cloudPayments(request) },
        rest("GET", "cloudpayments/{id}", "cloudPaymentPage") { mock, _, match in
            mock.paymentPage(match["id"], virtualSite: false)
        },
        rest("GET", "virtualsite", "virtualSite") { mock, request, _ in mock.virtualSite(request) },
        rest("GET", "virtualsite/{id}", "virtualSitePage") { mock, _, match in mock.paymentPage(match["id"], virtualSite: true) },
        rest("POST", "cloudpayments/{id}/pay", "pay") { mock, request, match in mock.pay(match["id"], request) },
        rest("GET", "saml/{guid}", "samlRedirectLink") { mock, request, match in
            mock.samlRedirectLink(request, guid: match["guid"])
        },
        rest("POST", "saml/{guid}/acs", "samlAssertionConsumer") { mock, request, match in
            mock.samlAssertion(request, guid: match["guid"])
        },
    ]

    static func rest(_ method: String, _ path: String, _ operation: String, handle: @escaping Route.Handle) -> Route {
        Route(method, path, base: "rest", contract: .openAPI(operationID: operation), handle: handle)
    }

    /// A request to the REST services: dispatched by the table, faults applied; a JSON error otherwise.
    func answerREST(_ request: MockRequest) -> MockResponse {
        switch Self.routes.lookup(method: request.method, base: "rest", relativePath: request.path, query: []) {
        case .notFound:
            let misses = nearMisses(for: request)
            return RESTAnswer.error(404, "NotFound", "no service at \(request.path)\(Self.note(misses))")
                .missing(misses.first?.journal)
        case .methodNotAllowed(let allow):
            var response = RESTAnswer.error(405, "MethodNotAllowed", "\(request.method) is not allowed on \(request.path)")
            response.headers.append(("Allow", allow.joined(separator: ", ")))
            return response
        case .found(let routes, let parameters):
            let route = routes[0]
            return faultInjection.respond(to: request, method: route.method, path: route.relativeName) { request in
                route.handle(self, request, RouteMatch(parameters: parameters, payload: nil))
            }
        }
    }
}

extension ICMock {
    /// The RemoteAuthenticationTokens issued so far: secrets every output scrubs by value.
    public var issuedSecrets: [String] { portal.withLock { $0.tokens.map(\.value) } }
}

extension ICMock {
    /// Moves the REST services' clock on by `seconds`: tokens expire on it (a scenario's `wait`).
    public func advanceClock(seconds: Int) { clock.advance(by: seconds) }
}
