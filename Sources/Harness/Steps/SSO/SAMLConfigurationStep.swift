import Flows
import Support
import Wire
import Yams

/// `saml-config: {entity_id, metadata_url, sso_service_url, claims, login_type_mapping}`: checks
/// the SAML configuration a partner hands IC (seed 003) against the scenario's profile; nothing is sent.
struct SAMLConfigurationStep: StepKind, Hashable {
    static let key = "saml-config"
    static let schema = MappingSchema(
        "Checks the SAML configuration a partner hands IC: Entity ID, Metadata URL, SSO Service URL, claims and the LoginType claim mapping.",
        .optional("entity_id", .text, "The identity provider's Entity ID."),
        .optional("metadata_url", .text, "The identity provider's metadata URL."),
        .optional("sso_service_url", .text, "The identity provider's SSO service URL."),
        .optional("claims", .list(.text), "The SAML claims: Email, LoginType and, optionally, Account Number."),
        .optional(
            "login_type_mapping", .dictionary(.integer),
            "Each LoginType claim value and the LoginTypeID it stands for (5 for ai-mymeter, 1 for IMT)."))
    var configuration: SAMLConfiguration

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let reader = loading.reader
        let fields = try reader.mapping(node, what: "a saml-config step", schema: Self.schema)
        var mapping: [String: Int] = [:]
        if let node = fields["login_type_mapping"] {
            for (key, value) in try reader.pairs(node, what: "login_type_mapping") {
                mapping[try reader.nonEmptyText(key, what: "a LoginType claim value")] = try reader.integer(
                    value, what: "a LoginTypeID")
            }
        }
        configuration = SAMLConfiguration(
            entityID: try fields["entity_id"].map { node throws(InputError) in try reader.text(node, what: "entity_id") },
            metadataURL: try fields["metadata_url"].map { node throws(InputError) in try reader.text(node, what: "metadata_url")
            },
            ssoServiceURL: try fields["sso_service_url"].map { node throws(InputError) in
                try reader.text(node, what: "sso_service_url")
            },
            claims: try fields["claims"].map { node throws(InputError) in try reader.strings(node, what: "claims") } ?? [],
            loginTypeMapping: mapping)
    }

    var flow: IntegrationFlow? { .sso }

    func run(in context: inout ScenarioContext) async -> Output {
        let problems = configuration.problems(for: context.ssoProfile)
        return Output(
            profile: context.ssoProfile.id, status: problems.isEmpty ? "complete" : "incomplete",
            problems: problems.isEmpty ? nil : problems)
    }

    /// Whether the configuration is complete for the profile, or every reason it is not.
    struct Output: Encodable, Sendable {
        var step = SAMLConfigurationStep.key
        var profile: String
        var status: String
        var problems: [String]?
    }
}
