import Flows
import Partners
import Support
import Wire
import Yams

/// `sso-connect: {redirect, view_mode, wait, ...}`: the payer's browser opening Cloud SSO Connect
/// with the token the last `sso-login` stored, sent as given (it pins IC's answer), after the mock IC's
/// clock moved on `wait` seconds. A ViewMode or RedirectID outside the profile's lists is a finding
/// of the result (the partner's rule), while IC takes its full lists.
struct SSOConnectStep: StepKind, Hashable {
    static let key = "sso-connect"
    static let schema = MappingSchema(
        "Opens Cloud SSO Connect with the token the last sso-login stored, parameters sent as given.",
        .required("redirect", .integer, "The RedirectID."),
        .optional("view_mode", .integer, "The ViewMode (default the profile's)."),
        .optional("wait", .boundedInteger(minimum: 0), "Seconds the mock IC's clock moves on first (a token expires on it)."),
        .optional("css_url", .text, "CSSUrl."),
        .optional("return_url", .text, "ReturnUrl of the sign-out button."),
        .optional("site_name", .text, "CustomReturnSiteName of the sign-out tooltip."))
    var parameters: SSOConnectLink.Parameters
    var wait: Int

    static let noKey = "the scenario's ic: block has no portal.api_key for the REST services"

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let reader = loading.reader
        let f = try reader.mapping(node, what: "an sso-connect step", schema: Self.schema)
        parameters = .init(
            redirectID: try reader.integer(reader.required("redirect", in: f, at: node), what: "redirect"),
            viewMode: try f["view_mode"].map { node throws(InputError) in try reader.integer(node, what: "view_mode") },
            cssURL: try loading.optionalText(f["css_url"], what: "css_url"),
            returnURL: try loading.optionalText(f["return_url"], what: "return_url"),
            customReturnSiteName: try loading.optionalText(f["site_name"], what: "site_name"))
        wait = try f["wait"].map { node throws(InputError) in try reader.integer(node, what: "wait") } ?? 0
        if wait < 0, let node = f["wait"] { throw reader.error("wait must be 0 or more seconds", at: node) }
    }

    var needs: StepNeeds { [.ic] }
    var flow: IntegrationFlow? { .sso }

    func run(in context: inout ScenarioContext) async -> StepOutcome<SSOLoginStep.Output> {
        guard let rest = context.icREST(), let ic = context.ic else { return .failed(StepFailure(Self.key, Self.noKey)) }
        guard let token = context.remoteAuthenticationToken else {
            return .failed(StepFailure(Self.key, "no RemoteAuthenticationToken stored: run an sso-login step first"))
        }
        if wait > 0 { ic.mock.advanceClock(seconds: wait) }
        let profile = context.ssoProfile
        var result = SSOLoginResult(profile: profile.id)
        let link = SSOConnectLink(origin: rest.origin, token: token, parameters: parameters, profile: profile)
        let findings = parameters.findings(for: profile)
        if !findings.isEmpty { result.findings = findings }
        result.redirectURL = link.url
        await SSOConnect(rest: rest).open(link.url, into: &result)
        return .done(SSOLoginStep.Output(result: result, key: Self.key))
    }
}
