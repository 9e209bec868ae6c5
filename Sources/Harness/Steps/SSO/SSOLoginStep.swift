import Flows
import Support
import Wire
import Yams

/// `sso-login: {account, email, redirect, ...}`: the SSO login workflow against the mock IC (Retrieve
/// Users, then the branch's Create Customer Record, Register Accounts, Remote Authentication), then the
/// Cloud SSO Connect redirect; the token is stored for the session (`sso-connect`, `cloud-payments`).
struct SSOLoginStep: StepKind, Hashable {
    static let key = "sso-login"
    static let schema = MappingSchema(
        "The SSO login workflow (Retrieve Users, Create Customer Record, Register Accounts, Remote Authentication), then the SSOConnect redirect.",
        .required("account", .text, "The account number the payer signs in to."),
        .required("email", .text, "The payer's email address."),
        .optional("name", .text, "The payer's name, for a customer record created."),
        .optional("redirect", .integer, "The RedirectID to open; leave out to stop after Remote Authentication."),
        .optional("view_mode", .integer, "The ViewMode (default the profile's: 0 for IMT, 1 for AI)."),
        .optional("login_type_id", .integer, "The LoginTypeID (default the profile's); another is sent as given."),
        .optional("css_url", .text, "CSSUrl, given to Remote Authentication."),
        .optional("return_url", .text, "ReturnUrl of the sign-out button."),
        .optional("site_name", .text, "CustomReturnSiteName of the sign-out tooltip."))
    var payer: SSOLogin.Payer
    var redirect: SSOConnectLink.Parameters?

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let reader = loading.reader
        let f = try reader.mapping(node, what: "an sso-login step", schema: Self.schema)
        payer = SSOLogin.Payer(
            account: try reader.nonEmptyText(reader.required("account", in: f, at: node), what: "account"),
            email: try reader.nonEmptyText(reader.required("email", in: f, at: node), what: "email"),
            name: try loading.optionalText(f["name"], what: "name"),
            loginTypeID: try f["login_type_id"].map { node throws(InputError) in try reader.integer(node, what: "login_type_id")
            },
            cssURL: try loading.optionalText(f["css_url"], what: "css_url"))
        let viewMode = try f["view_mode"].map { node throws(InputError) in try reader.integer(node, what: "view_mode") }
        let returnURL = try loading.optionalText(f["return_url"], what: "return_url")
        let siteName = try loading.optionalText(f["site_name"], what: "site_name")
        if let node = f["redirect"] {
            redirect = .init(
                redirectID: try reader.integer(node, what: "redirect"), viewMode: viewMode, returnURL: returnURL,
                customReturnSiteName: siteName)
        } else if let extra = ["view_mode", "return_url", "site_name"].lazy
            .compactMap({ name in f[name].map { (name: name, node: $0) } }).first
        {
            throw reader.error("\(extra.name) is a parameter of the redirect; give redirect too", at: extra.node)
        }
    }

    var needs: StepNeeds { [.ic] }
    var flow: IntegrationFlow? { .sso }

    func run(in context: inout ScenarioContext) async -> StepOutcome<Output> {
        guard let rest = context.icREST() else { return .failed(StepFailure(Self.key, SSOConnectStep.noKey)) }
        let result = await SSOLogin(rest: rest, profile: context.ssoProfile).run(payer, redirect: redirect)
        if let token = result.token { context.remoteAuthenticationToken = token }
        return .done(Output(result: result))
    }

    /// The workflow's result under the step's name.
    struct Output: Encodable, Sendable {
        var result: SSOLoginResult
        var key = SSOLoginStep.key

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: StepKey.self)
            try container.encode(key, forKey: .step)
            try result.encode(to: encoder)
        }
    }
}

/// The `step` member every step result starts with.
enum StepKey: String, CodingKey { case step }
