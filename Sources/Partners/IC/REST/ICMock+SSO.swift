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
        if let refusal = SSOProfile.icRefusal(loginTypeID: loginType) {
            return RESTAnswer.error(400, "WrongLoginType", refusal, field: "LoginTypeID")
        }
        let result = portal.withLock { portal -> Result<[JSONValue], MockResponseBox> in
            // Registered on a copy and stored at the end: a refused account leaves every account as it was.
            var customers = portal.state.customers
            var registered: [JSONValue] = []
            for account in accounts {
                guard let index = customers.firstIndex(where: { $0.accountNumber == account }) else {
                    return .failure(
                        MockResponseBox(
                            RESTAnswer.error(
                                404, "CustomerNotFound", "account \(account) has no customer record; create it first",
                                field: "AccountNumbers")))
                }
                var customer = customers[index]
                if let user = customer.users.first(where: { $0.emailAddress.lowercased() == email.lowercased() }) {
                    registered.append(.object(["AccountNumber": .string(account), "Role": .string(user.role)]))
                    continue
                }
                if !customer.users.isEmpty, let refusal = Self.secondUserRefusal(portal.state) {
                    return .failure(
                        MockResponseBox(
                            RESTAnswer.error(
                                409, refusal.code, "account \(account) has a registered user; \(refusal.message)",
                                field: "AccountNumbers")))
                }
                let role = customer.users.isEmpty ? "Owner" : "CoOwner"
                customer.users.append(
                    .init(emailAddress: email, loginTypeID: loginType, role: role, signedIn: false, newLogin: true))
                customers[index] = customer
                registered.append(.object(["AccountNumber": .string(account), "Role": .string(role)]))
            }
            portal.state.customers = customers
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

    /// What a user's first sign-in through SSO Connect does, by its LoginTypeID: for 1 (IMT) SSO Connect
    /// matches the user by email address and sets a tokenized password (seed 000, SSO-IMT-004); for 5
    /// on an account without a LoginTypeID 1 login, IC's standard sign-in is used (seed 003, SSO-AI-015).
    static func firstSignIn(_ user: ICPortalState.User, on customer: ICPortalState.Customer) -> String {
        switch user.loginTypeID {
        case 1 where user.newLogin: "First sign-in: new login \(user.emailAddress); tokenized password set (LoginTypeID 1)"
        case 1: "First sign-in: \(user.emailAddress) matched by email address; tokenized password set (LoginTypeID 1)"
        case 5 where !customer.users.contains(where: { $0.loginTypeID == 1 }):
            "First sign-in: \(user.emailAddress) with LoginTypeID 5 and no LoginTypeID 1 login on the account: standard IC sign-in"
        default: "First sign-in: \(user.emailAddress) with LoginTypeID \(user.loginTypeID)"
        }
    }

    /// Why a second user may not register on an account: the profile's seed (MIPS/APPS, seed 001), or the
    /// biller's `multiuser: false` (Spectrum, seed 000: "it is not a requirement to have this turned on").
    static func secondUserRefusal(_ state: ICPortalState) -> (code: String, message: String)? {
        if let refusal = state.profile.multiuserRefusal { return ("CoOwnerNotSupported", refusal) }
        guard !state.multiuserActive else { return nil }
        return (
            "MultiUserOff",
            "the biller has multiuser off (seed 000_65f71bf3b937da3c.txt: \"if a biller is not interested in using .Multiuser functionality, it is not a requirement to have this turned on\")"
        )
    }

    /// `POST …/remoteauthentication`: a RemoteAuthenticationToken for a registered user, valid for
    /// `tokenLifetime` on the mock's clock, for every SSOConnect redirect and Cloud Payments V2
    /// request of the payer's session until then.
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
            if let refusal = SSOProfile.icRefusal(loginTypeID: loginType) {
                return RESTAnswer.error(400, "WrongLoginType", refusal, field: "LoginTypeID")
            }
            guard let customer = portal.customer(account) else {
                return RESTAnswer.error(
                    404, "CustomerNotFound", "account \(account) has no customer record", field: "AccountNumber")
            }
            guard let userIndex = customer.users.firstIndex(where: { $0.emailAddress.lowercased() == email.lowercased() })
            else {
                return RESTAnswer.error(
                    403, "NotRegistered", "\(email) is not registered on account \(account); call Register Accounts first",
                    field: "EmailAddress")
            }
            let user = customer.users[userIndex]
            let firstSignIn = user.signedIn ? nil : Self.firstSignIn(user, on: customer)
            if firstSignIn != nil, let index = portal.state.customers.firstIndex(where: { $0.accountNumber == account }) {
                portal.state.customers[index].users[userIndex].signedIn = true
            }
            let token = ICPortal.Token(
                value: portal.nextSecret(), accountNumber: account, emailAddress: user.emailAddress,
                issued: now, cssURL: css, firstSignIn: firstSignIn)
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
    /// answers the portal page the token's session shows (any number of times until the token
    /// expires), or an error page.
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
        if let refusal = SSOProfile.icRefusal(viewMode: mode) { return refuse(400, "WrongViewMode", refusal) }
        guard let redirectText = value("RedirectID"), let redirectID = Int(redirectText) else {
            return refuse(400, "MissingParameter", "RedirectID is required, a whole number")
        }
        if let refusal = SSOProfile.icRefusal(redirectID: redirectID) { return refuse(400, "WrongRedirectID", refusal) }
        for name in ["CSSUrl", "ReturnUrl"] {
            if let url = value(name), !SSOURL.isWebURL(url) {
                return refuse(400, "MalformedRequest", "\(name) must be an absolute http or https URL")
            }
        }
        let returnURL = value("ReturnUrl")
        // Seed 003 says what CustomReturnSiteName does with a ReturnUrl, not that it needs one: a warning, not a refusal.
        let siteNameAlone = value("CustomReturnSiteName") != nil && returnURL == nil
        let now = clock.now
        let opened = portal.withLock { portal -> Result<ICPortal.Token, MockResponseBox> in
            if let problem = portal.tokenProblem(token, at: now) {
                return .failure(MockResponseBox(refuse(401, problem.code, problem.message)))
            }
            guard let session = portal.tokens.first(where: { $0.value == token }) else {
                return .failure(MockResponseBox(refuse(401, "InvalidToken", "the RemoteAuthenticationToken is unknown")))
            }
            return .success(session)
        }
        switch opened {
        case .failure(let box): return box.response
        case .success(let session):
            guard let redirect = SSORedirect(rawValue: redirectID), let viewMode = SSOViewMode(rawValue: mode) else {
                return refuse(400, "WrongRedirectID", "RedirectID \(redirectID) or ViewMode \(mode) names no page")
            }
            let user = portal.withLock { portal in
                portal.customer(session.accountNumber)?.users.first {
                    $0.emailAddress.lowercased() == session.emailAddress.lowercased()
                }
            }
            let page = PortalPage(
                page: redirect, viewMode: viewMode,
                accountNumber: session.accountNumber, emailAddress: session.emailAddress,
                cssURL: value("CSSUrl") ?? session.cssURL, returnURL: returnURL,
                siteName: value("CustomReturnSiteName") ?? state.siteName, firstSignIn: session.firstSignIn, user: user)
            return siteNameAlone
                ? page.response.warned(
                    "site-name-without-return-url",
                    "CustomReturnSiteName names the sign-out tooltip of a ReturnUrl; none was given")
                : page.response
        }
    }
}
