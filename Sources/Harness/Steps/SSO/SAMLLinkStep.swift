import Flows
import Partners
import Support
import Yams

/// `saml-link: {account, view_mode, deep_link_id, biller}`: builds the SAML SSO redirect link of
/// seed 003 and checks its parameters; nothing is sent.
struct SAMLLinkStep: StepKind, Hashable {
    static let key = "saml-link"
    static let schema = MappingSchema(
        "Builds the SAML SSO redirect link (BillerGUID, account, ViewMode, DeepLinkID) and checks its parameters.",
        .required("account", .text, "The account number."),
        .required("view_mode", .integer, "The ViewMode: 0 (Redirect) or 1 (iFrame)."),
        .optional("deep_link_id", .integer, "The DeepLinkID, a whole number above 0."),
        .optional("biller", .text, "The BillerGUID (default the ic: block's first biller's)."))
    var account: String
    var viewMode: Int
    var deepLinkID: Int?
    var billerGUID: String?

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let reader = loading.reader
        let f = try reader.mapping(node, what: "a saml-link step", schema: Self.schema)
        account = try reader.text(reader.required("account", in: f, at: node), what: "account")
        viewMode = try reader.integer(reader.required("view_mode", in: f, at: node), what: "view_mode")
        deepLinkID = try f["deep_link_id"].map { node throws(InputError) in try reader.integer(node, what: "deep_link_id") }
        billerGUID = try loading.optionalText(f["biller"], what: "biller")
    }

    var flow: IntegrationFlow? { .sso }

    func run(in context: inout ScenarioContext) async -> Output {
        let link = SAMLRedirectLink(
            billerGUID: billerGUID ?? context.scenario.ic?.billers.first?.guid ?? "", account: account, viewMode: viewMode,
            deepLinkID: deepLinkID)
        let problems = link.problems
        return Output(status: problems.isEmpty ? "built" : "refused", url: link.url, problems: problems.isEmpty ? nil : problems)
    }

    /// The link, or every reason it cannot be built.
    struct Output: Encodable, Sendable {
        var step = SAMLLinkStep.key
        var status: String
        var url: String?
        var problems: [String]?
    }
}
