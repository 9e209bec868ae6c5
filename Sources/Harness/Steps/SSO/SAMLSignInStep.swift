import Flows
import Foundation
import Partners
import Support
import Transport
import Yams

/// `saml-sign-in: {response, account, view_mode, deep_link_id, biller}`: posts a SAML Response (its
/// base64 text, as the IdP sends it), as the
/// partner's identity provider does (HTTP-POST binding), to the mock IC's assertion consumer, the
/// redirect link's query as `RelayState`; the result is the page the customer is signed in to, or
/// IC's refusal and its reason.
struct SAMLSignInStep: StepKind, Hashable {
    static let key = "saml-sign-in"
    static let schema = MappingSchema(
        "Posts a SAML Response (base64) to the mock IC's assertion consumer, the link's query as RelayState.",
        .required("response", .text, "The SAMLResponse the identity provider signed, base64, as the form field carries it."),
        .optional("account", .text, "The link's account (RelayState)."),
        .optional("view_mode", .integer, "The link's ViewMode (RelayState)."),
        .optional("deep_link_id", .integer, "The link's DeepLinkID (RelayState)."),
        .optional("biller", .text, "The BillerGUID (default the ic: block's first biller's)."))
    var response: String
    var account: String?
    var viewMode: Int?
    var deepLinkID: Int?
    var billerGUID: String?

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let reader = loading.reader
        let f = try reader.mapping(node, what: "a saml-sign-in step", schema: Self.schema)
        response = try reader.nonEmptyText(reader.required("response", in: f, at: node), what: "response")
        account = try loading.optionalText(f["account"], what: "account")
        viewMode = try f["view_mode"].map { node throws(InputError) in try reader.integer(node, what: "view_mode") }
        deepLinkID = try f["deep_link_id"].map { node throws(InputError) in try reader.integer(node, what: "deep_link_id") }
        billerGUID = try loading.optionalText(f["biller"], what: "biller")
    }

    var needs: StepNeeds { [.ic] }
    var flow: IntegrationFlow? { .sso }

    func run(in context: inout ScenarioContext) async -> StepOutcome<Output> {
        guard let ic = context.ic else { return .failed(StepFailure(Self.key, "the scenario has no ic: block")) }
        let guid = billerGUID ?? context.scenario.ic?.billers.first?.guid ?? ""
        let encoded = response.filter { !$0.isWhitespace }
        var link: [(String, String)] = []
        if let account { link.append(("account", account)) }
        if let viewMode { link.append(("ViewMode", String(viewMode))) }
        if let deepLinkID { link.append(("DeepLinkID", String(deepLinkID))) }
        let relay = link.map { "\($0.0)=\(Self.formEncoded($0.1))" }.joined(separator: "&")
        let form = "SAMLResponse=\(Self.formEncoded(encoded))" + (relay.isEmpty ? "" : "&RelayState=\(Self.formEncoded(relay))")
        let request = ClientRequest(
            method: "POST", url: ic.origin + "/saml/\(guid)/acs",
            headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded")], body: Array(form.utf8))
        let answer: ClientResponse
        do {
            answer = try await context.client.send(request)
        } catch {
            return .failed(StepFailure(Self.key, "the assertion consumer did not answer: \(error)"))
        }
        let page = String(decoding: answer.body, as: UTF8.self)
        func element(_ id: String) -> String? {
            guard let start = page.range(of: "id=\"\(id)\">") else { return nil }
            return page[start.upperBound...].range(of: "</").map {
                String(page[start.upperBound..<$0.lowerBound]).replacingOccurrences(of: "&apos;", with: "'")
            }
        }
        let signedIn = answer.status == 200
        return .done(
            Output(
                status: signedIn ? "signed-in" : "refused", http: answer.status, page: signedIn ? element("page") : nil,
                account: signedIn ? element("account") : nil, user: signedIn ? element("user") : nil,
                refusal: signedIn ? nil : element("error"), reason: signedIn ? nil : element("message")))
    }

    /// `text` as a form value: every byte but unreserved ones percent-encoded.
    static func formEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }

    /// The page signed in to, or the refusal's code and reason.
    struct Output: Encodable, Sendable {
        var step = SAMLSignInStep.key
        var status: String
        var http: Int
        var page: String?
        var account: String?
        var user: String?
        var refusal: String?
        var reason: String?
    }
}
