import Foundation
import Synchronization
import Wire

/// Cloud SSO Connect's REST services: Retrieve Users, Create Customer Record, Register Accounts,
/// Remote Authentication, and the SSOConnect page a RemoteAuthenticationToken opens.
extension ICMock {
    /// Checks the API key and, unless `customers` only, that SSO Connect is active; the error to answer otherwise.
    func ssoGate(_ request: MockRequest, needsSSO: Bool = true) -> MockResponse? {
        let state = portal.withLock { $0.state }
        if !RESTAnswer.authorized(request, key: state.apiKey) { return RESTAnswer.unauthorized }
        if needsSSO, !state.ssoActive { return RESTAnswer.ssoOff }
        return nil
    }

    /// The request's JSON object once the gate let it through, or the answer refusing it.
    func gatedBody(_ request: MockRequest, needsSSO: Bool = true) -> Result<[JSONValue.Member], MockResponseBox> {
        if let refused = ssoGate(request, needsSSO: needsSSO) { return .failure(MockResponseBox(refused)) }
        return RESTAnswer.body(request)
    }

    /// `GET …/remoteauthentication/users?AccountNumber=&EmailAddress=`: the accounts matching, each with its users.
    func retrieveUsers(_ request: MockRequest) -> MockResponse {
        if let refused = ssoGate(request) { return refused }
        let account = request.query.first { $0.name == "AccountNumber" }?.value ?? ""
        let email = request.query.first { $0.name == "EmailAddress" }?.value ?? ""
        guard !account.isEmpty || !email.isEmpty else {
            return RESTAnswer.error(400, "MissingParameter", "give AccountNumber, EmailAddress or both", field: "AccountNumber")
        }
        let customers = portal.withLock { $0.state.customers }
        let found = customers.filter { customer in
            account.isEmpty
                ? customer.users.contains { $0.emailAddress.lowercased() == email.lowercased() }
                : customer.accountNumber == account
        }
        return RESTAnswer.data(.object(["Accounts": .array(found.map(Self.accountJSON))]))
    }

    static func accountJSON(_ customer: ICPortalState.Customer) -> JSONValue {
        .object([
            "AccountNumber": .string(customer.accountNumber), "Name": .string(customer.name),
            "Registered": .bool(!customer.users.isEmpty),
            "Users": .array(
                customer.users.map {
                    .object([
                        "EmailAddress": .string($0.emailAddress), "LoginTypeID": .number(String($0.loginTypeID)),
                        "Role": .string($0.role),
                    ])
                }),
        ])
    }

    /// `POST …/customers`: a new customer record (201), or 409 when the account has one.
    func createCustomer(_ request: MockRequest) -> MockResponse {
        let body: [JSONValue.Member]
        switch gatedBody(request, needsSSO: false) {
        case .failure(let box): return box.response
        case .success(let members): body = members
        }
        guard let account = body.text("AccountNumber") else {
            return RESTAnswer.error(400, "MissingParameter", "AccountNumber is required", field: "AccountNumber")
        }
        let customer = ICPortalState.Customer(
            accountNumber: account, name: body.text("Name") ?? "", emailAddress: body.text("EmailAddress") ?? "")
        let created = portal.withLock { portal -> Bool in
            guard portal.customer(account) == nil, portal.state.customers.count < ICPortal.limit else { return false }
            portal.state.customers.append(customer)
            return true
        }
        guard created else {
            return RESTAnswer.error(
                409, "CustomerExists", "account \(account) already has a customer record", field: "AccountNumber")
        }
        return RESTAnswer.data(Self.accountJSON(customer), status: 201)
    }

    /// `POST …/remoteauthentication/registeraccounts`: registers a user on accounts with the profile's LoginTypeID;
    /// the first user of an account is its owner, the others co-owners.
    func registerAccounts(_ request: MockRequest) -> MockResponse {
        let body: [JSONValue.Member]
        switch gatedBody(request) {
        case .failure(let box): return box.response
        case .success(let members): body = members
        }
        guard let email = body.text("EmailAddress") else {
            return RESTAnswer.error(400, "MissingParameter", "EmailAddress is required", field: "EmailAddress")
        }
        guard let loginType = body.integer("LoginTypeID") else {
            return RESTAnswer.error(400, "MissingParameter", "LoginTypeID is required, a whole number", field: "LoginTypeID")
        }
        guard case .array(let list)? = body.first(where: { $0.key == "AccountNumbers" })?.value, !list.isEmpty,
            list.count <= 100
        else {
            return RESTAnswer.error(
                400, "MissingParameter", "AccountNumbers is required: a list of 1 to 100 account numbers", field: "AccountNumbers"
            )
        }
        let accounts = list.compactMap(\.stringValue)
        guard accounts.count == list.count else {
            return RESTAnswer.error(400, "MalformedRequest", "AccountNumbers must list texts", field: "AccountNumbers")
        }
        let profile = portal.withLock { $0.state.profile }
        if let refusal = profile.refusal(loginTypeID: loginType) {
            return RESTAnswer.error(400, "WrongLoginType", refusal, field: "LoginTypeID")
        }
        let result = portal.withLock { portal -> Result<[JSONValue], MockResponseBox> in
            var registered: [JSONValue] = []
            for account in accounts {
                guard let index = portal.state.customers.firstIndex(where: { $0.accountNumber == account }) else {
                    return .failure(
                        MockResponseBox(
                            RESTAnswer.error(
                                404, "CustomerNotFound", "account \(account) has no customer record; create it first",
                                field: "AccountNumbers")))
                }
                var customer = portal.state.customers[index]
                if let user = customer.users.first(where: { $0.emailAddress.lowercased() == email.lowercased() }) {
                    registered.append(.object(["AccountNumber": .string(account), "Role": .string(user.role)]))
                    continue
                }
                let role = customer.users.isEmpty ? "Owner" : "CoOwner"
                customer.users.append(.init(emailAddress: email, loginTypeID: loginType, role: role))
                portal.state.customers[index] = customer
                registered.append(.object(["AccountNumber": .string(account), "Role": .string(role)]))
            }
            return .success(registered)
        }
        switch result {
        case .failure(let box): return box.response
        case .success(let registered):
            return RESTAnswer.data(
                .object([
                    "EmailAddress": .string(email), "LoginTypeID": .number(String(loginType)), "Accounts": .array(registered),
                ]))
        }
    }

    /// `POST …/remoteauthentication`: a RemoteAuthenticationToken for a registered user, valid for
    /// `tokenLifetime` on the mock's clock and for one SSOConnect session.
    func remoteAuthentication(_ request: MockRequest) -> MockResponse {
        let body: [JSONValue.Member]
        switch gatedBody(request) {
        case .failure(let box): return box.response
        case .success(let members): body = members
        }
        guard let account = body.text("AccountNumber") else {
            return RESTAnswer.error(400, "MissingParameter", "AccountNumber is required", field: "AccountNumber")
        }
        guard let email = body.text("EmailAddress") else {
            return RESTAnswer.error(400, "MissingParameter", "EmailAddress is required", field: "EmailAddress")
        }
        guard let loginType = body.integer("LoginTypeID") else {
            return RESTAnswer.error(400, "MissingParameter", "LoginTypeID is required, a whole number", field: "LoginTypeID")
        }
        let css = body.text("CSSUrl")
        if let css, !SSOURL.isWebURL(css) {
            return RESTAnswer.error(400, "MalformedRequest", "CSSUrl must be an absolute http or https URL", field: "CSSUrl")
        }
        let now = clock.now
        let answer = portal.withLock { portal -> MockResponse in
            if let refusal = portal.state.profile.refusal(loginTypeID: loginType) {
                return RESTAnswer.error(400, "WrongLoginType", refusal, field: "LoginTypeID")
            }
            guard let customer = portal.customer(account) else {
                return RESTAnswer.error(
                    404, "CustomerNotFound", "account \(account) has no customer record", field: "AccountNumber")
            }
            guard customer.users.contains(where: { $0.emailAddress.lowercased() == email.lowercased() }) else {
                return RESTAnswer.error(
                    403, "NotRegistered", "\(email) is not registered on account \(account); call Register Accounts first",
                    field: "EmailAddress")
            }
            let token = ICPortal.Token(
                value: portal.nextSecret(), accountNumber: account, emailAddress: email, issued: now, cssURL: css)
            portal.tokens.append(token)
            if portal.tokens.count > ICPortal.limit { portal.tokens.removeFirst() }
            let expires = now.addingTimeInterval(Double(portal.state.tokenLifetime.components.seconds))
            return RESTAnswer.data(
                .object([
                    "RemoteAuthenticationToken": .string(token.value), "ExpiresAt": .string(ICPortal.text(expires)),
                ]))
        }
        return answer
    }

    /// `GET /cloudsso/connect?RemoteAuthenticationToken=&ViewMode=&RedirectID=[&CSSUrl][&ReturnUrl][&CustomReturnSiteName]`:
    /// opens the session (the token is used up) and answers the portal page it shows, or an error page.
    func ssoConnect(_ request: MockRequest) -> MockResponse {
        func value(_ name: String) -> String? {
            request.query.first { $0.name.lowercased() == name.lowercased() }.flatMap { $0.value.isEmpty ? nil : $0.value }
        }
        func refuse(_ status: Int, _ code: String, _ message: String) -> MockResponse {
            PortalPage.error(status: status, code: code, message: message)
        }
        let state = portal.withLock { $0.state }
        guard state.ssoActive else {
            return refuse(403, "SSOConnectNotActivated", "Cloud SSO Connect is not activated for this biller")
        }
        guard let token = value("RemoteAuthenticationToken") else {
            return refuse(400, "MissingParameter", "RemoteAuthenticationToken is required")
        }
        guard let modeText = value("ViewMode"), let mode = Int(modeText) else {
            return refuse(400, "MissingParameter", "ViewMode is required, a whole number")
        }
        if let refusal = state.profile.refusal(viewMode: mode) { return refuse(400, "WrongViewMode", refusal) }
        guard let redirectText = value("RedirectID"), let redirectID = Int(redirectText) else {
            return refuse(400, "MissingParameter", "RedirectID is required, a whole number")
        }
        if let refusal = state.profile.refusal(redirectID: redirectID) { return refuse(400, "WrongRedirectID", refusal) }
        for name in ["CSSUrl", "ReturnUrl"] {
            if let url = value(name), !SSOURL.isWebURL(url) {
                return refuse(400, "MalformedRequest", "\(name) must be an absolute http or https URL")
            }
        }
        let returnURL = value("ReturnUrl")
        if value("CustomReturnSiteName") != nil, returnURL == nil {
            return refuse(
                400, "MalformedRequest", "CustomReturnSiteName changes the sign-out tooltip of a ReturnUrl; give ReturnUrl too")
        }
        let now = clock.now
        let opened = portal.withLock { portal -> Result<ICPortal.Token, MockResponseBox> in
            if let problem = portal.tokenProblem(token, at: now) {
                return .failure(MockResponseBox(refuse(401, problem.code, problem.message)))
            }
            let index = portal.tokens.firstIndex { $0.value == token }!
            portal.tokens[index].used = true
            return .success(portal.tokens[index])
        }
        switch opened {
        case .failure(let box): return box.response
        case .success(let session):
            guard let redirect = SSORedirect(rawValue: redirectID), let viewMode = SSOViewMode(rawValue: mode) else {
                return refuse(400, "WrongRedirectID", "RedirectID \(redirectID) or ViewMode \(mode) names no page")
            }
            let page = PortalPage(
                page: redirect, viewMode: viewMode,
                accountNumber: session.accountNumber, emailAddress: session.emailAddress,
                cssURL: value("CSSUrl") ?? session.cssURL, returnURL: returnURL,
                siteName: value("CustomReturnSiteName") ?? state.siteName)
            return page.response
        }
    }
}
