import Transport
public import Wire

/// The SSO login workflow of seeds 000 and 003: the partner portal checks whether the account
/// exists in IC and is registered (Retrieve Users), then
/// - no account: Create Customer Record, Register Accounts, Remote Authentication;
/// - an account without this user: Register Accounts, Remote Authentication;
/// - a registered user: Remote Authentication;
/// and redirects the payer to Cloud SSO Connect with the token (omitted when `redirect` is nil).
///
/// The LoginTypeID is the profile's (1 for IMT, 5 for AI); an account whose other users are
/// registered gets this user as a co-owner (seed 003). A RedirectID or ViewMode the profile
/// does not use is refused before any call, naming the profile's list.
public struct SSOLogin: Sendable {
    public var rest: ICRESTClient
    public var profile: SSOProfile

    public init(rest: ICRESTClient, profile: SSOProfile) {
        self.rest = rest
        self.profile = profile
    }

    /// Who signs in, and where to.
    public struct Payer: Sendable, Hashable {
        public var account: String
        public var email: String
        public var name: String?
        /// nil: the profile's LoginTypeID; another value is sent as given, to pin IC's refusal.
        public var loginTypeID: Int?
        public var cssURL: String?

        public init(account: String, email: String, name: String? = nil, loginTypeID: Int? = nil, cssURL: String? = nil) {
            self.account = account
            self.email = email
            self.name = name
            self.loginTypeID = loginTypeID
            self.cssURL = cssURL
        }
    }

    public func run(_ payer: Payer, redirect: SSOConnectLink.Parameters?) async -> SSOLoginResult {
        var result = SSOLoginResult(profile: profile.id)
        if let refusal = redirect?.refusal(for: profile) {
            (result.status, result.message) = ("refused", refusal)
            return result
        }
        let loginType = payer.loginTypeID ?? profile.loginTypeID
        if let finding = profile.refusal(loginTypeID: loginType) { result.findings = [finding] }
        guard
            let found = await call(
                "Retrieve Users", &result,
                rest.get(
                    "api/v1/remoteauthentication/users", query: [("AccountNumber", payer.account), ("EmailAddress", payer.email)])
            )
        else { return result }
        let account = found["Data"]?["Accounts"]?.arrayValue?.first { $0["AccountNumber"]?.stringValue == payer.account }
        let registered =
            account?["Users"]?.arrayValue?.contains { $0["EmailAddress"]?.stringValue?.lowercased() == payer.email.lowercased() }
            ?? false
        result.branch = account == nil ? .noAccount : registered ? .registered : .notRegistered
        if account == nil {
            var body: [JSONValue.Member] = [.init("AccountNumber", .string(payer.account))]
            if let name = payer.name { body.append(.init("Name", .string(name))) }
            body.append(.init("EmailAddress", .string(payer.email)))
            guard await call("Create Customer Record", &result, rest.post("api/v1/customers", .object(body))) != nil else {
                return result
            }
        }
        if !registered {
            let body = JSONValue.object([
                "EmailAddress": .string(payer.email), "LoginTypeID": .number(String(loginType)),
                "AccountNumbers": .array([.string(payer.account)]),
            ])
            guard
                let answer = await call(
                    "Register Accounts", &result, rest.post("api/v1/remoteauthentication/registeraccounts", body))
            else { return result }
            result.role = answer["Data"]?["Accounts"]?.arrayValue?.first?["Role"]?.stringValue
        }
        var body: [JSONValue.Member] = [
            .init("AccountNumber", .string(payer.account)), .init("EmailAddress", .string(payer.email)),
            .init("LoginTypeID", .number(String(loginType))),
        ]
        if let css = payer.cssURL { body.append(.init("CSSUrl", .string(css))) }
        guard let token = await call("Remote Authentication", &result, rest.post("api/v1/remoteauthentication", .object(body))),
            let value = token["Data"]?["RemoteAuthenticationToken"]?.stringValue
        else {
            if result.status != "failed" { (result.status, result.message) = ("failed", "Remote Authentication gave no token") }
            return result
        }
        result.token = value
        result.status = "authenticated"
        guard let redirect else { return result }
        let link = SSOConnectLink(origin: rest.origin, token: value, parameters: redirect, profile: profile)
        result.redirectURL = link.url
        await SSOConnect(rest: rest).open(link.url, into: &result)
        return result
    }

    /// One REST call of the workflow: its JSON on a 2xx answer; nil after recording the failure.
    private func call(
        _ service: String, _ result: inout SSOLoginResult, _ exchange: Result<ICRESTClient.Answer, TransportError>
    ) -> JSONValue? {
        result.calls.append(service)
        switch exchange {
        case .failure(let error):
            (result.status, result.failure) = (
                "failed", .init(service: service, status: nil, code: nil, message: error.description)
            )
            return nil
        case .success(let answer) where !(200..<300).contains(answer.status):
            let error = answer.error
            (result.status, result.failure) = (
                "failed",
                .init(service: service, status: answer.status, code: error?.code, message: error?.message ?? answer.text)
            )
            return nil
        case .success(let answer):
            return answer.json ?? .null
        }
    }
}
