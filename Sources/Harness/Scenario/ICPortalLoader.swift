import Foundation
import Partners
import Support
import Wire
import Yams

/// Reads the `portal:` member of an `ic:` block: the mock IC's REST services (SSO Connect, Cloud Payments V2).
///
/// ```yaml
/// portal:
///   profile: ai-mymeter          # whose SSO parameters (default: the scenario's profile)
///   sso_connect: true            # the biller opts in (default: on for ai-mymeter, off for IMT)
///   api_key: 3f8c…               # REST and Cloud Payments V2 key (a secret)
///   site_name: City of Boulder   # the Biller DBA of the sign-out tooltip
///   token_lifetime: 600          # seconds a RemoteAuthenticationToken stays valid
///   cpv2_unregistered_payers: false   # biller option: token-less Cloud Payments V2 opens the Virtual Site
///   multiuser: true              # biller option (Spectrum): a second user on an account (default the profile's)
///   customers:
///     - {account: "0113135-0000095834", name: Pat Lee, email: pat@example.com,
///        users: [{email: pat@example.com, login_type_id: 5}]}
/// ```
struct ICPortalLoader {
    let reader: YAMLReader
    /// The scenario's profile's SSO parameters, when the block names none.
    var profile: SSOProfile
    /// The scenario's clock: tokens are issued and expire on it.
    var clock: Date

    static let schema = MappingSchema(
        "The mock IC's REST services: Cloud SSO Connect and Cloud Payments V2 (docs/sso-cpv2.md).",
        .optional(
            "profile", .choice(SSOProfile.all.map(\.id)),
            "Whose SSO parameters IC checks (LoginTypeID, ViewMode, RedirectIDs); default the scenario's profile."),
        .optional(
            "sso_connect", .boolean,
            "Whether the biller has Cloud SSO Connect: default on for ai-mymeter, off for the IMT profiles (the biller's preference)."
        ),
        .optional("api_key", .text, "The biller's API key for the REST services and Cloud Payments V2 (a secret)."),
        .optional("site_name", .text, "The Biller DBA, the <SiteName> of the sign-out tooltip (default Biller)."),
        .optional(
            "token_lifetime", .boundedInteger(minimum: 1), "Seconds a RemoteAuthenticationToken stays valid (default 600)."),
        .optional(
            "cpv2_unregistered_payers", .boolean,
            "Biller option: Cloud Payments V2 takes a request without a RemoteAuthenticationToken and opens the Virtual Site for it; default false (seed 003: the CPV2 page is for registered users, unregistered payers are redirected to the Virtual Site)."
        ),
        .optional(
            "multiuser", .boolean,
            "Biller option: a second user may register on an account as a co-owner; default true for imt-spectrum (seed 000: preferred, not required) and ai-mymeter (seed 003), false and not allowed for imt-mips-apps (seed 001)."
        ),
        .optional("customers", .list(.mapping(customerSchema)), "The customer records IC has."),
        .optional("saml", .mapping(samlSchema), "The biller's SAML SSO: the partner's identity provider and its certificate."))

    static let samlSchema = MappingSchema(
        "The SAML configuration IC holds for the biller (seed 003) and the certificate the identity provider signs with.",
        .required("entity_id", .text, "The identity provider's Entity ID: the Issuer of its assertions."),
        .required("certificate", .text, "The identity provider's signing certificate, PEM (-----BEGIN CERTIFICATE-----)."),
        .optional("sso_service_url", .text, "Where the SSO redirect link sends the payer to sign in (absolute http or https)."),
        .required("login_type_mapping", .dictionary(.integer), "LoginType claim values and the LoginTypeID each stands for."),
        .optional(
            "audience", .text, "IC's Entity ID the assertions name (default https://sso.invoicecloud.com/saml/<BillerGUID>)."))

    static let customerSchema = MappingSchema(
        "A customer record and the users registered on it.",
        .required("account", .text, "The account number."),
        .optional("name", .text, "The customer's name."),
        .optional("email", .text, "The customer's email address."),
        .optional("users", .list(.mapping(userSchema)), "The users registered on the account (none: not registered)."))

    static let userSchema = MappingSchema(
        "A user registered on an account.",
        .required("email", .text, "The user's email address."),
        .required("login_type_id", .integer, "The LoginTypeID the user registered with."),
        .optional("role", .choice(["Owner", "CoOwner"]), "Owner (default for the first user) or CoOwner."),
        .optional(
            "signed_in", .boolean,
            "Whether the user has signed in through SSO Connect before (default true); false: the first sign-in matches it by email address."
        ),
        .optional("autopay", .boolean, "The login is enrolled in AutoPay (default false)."),
        .optional("paperless", .boolean, "The login is enrolled in Paperless (default false)."),
        .optional("pay_by_text", .boolean, "The login is enrolled in Pay by Text (default false)."))

    /// The boolean member `name` of a mapping, if given.
    func flag(_ name: String, in fields: [String: Node]) throws(InputError) -> Bool? {
        try fields[name].map { node throws(InputError) in try reader.bool(node, what: name) }
    }

    func load(_ node: Node) throws(InputError) -> ICPortalState {
        let f = try reader.mapping(node, what: "ic.portal", schema: Self.schema)
        var state = ICPortalState(profile: profile, clock: clock)
        if let node = f["profile"] {
            let id = try reader.text(node, what: "portal profile")
            guard let named = SSOProfile.named(id) else {
                throw reader.error(
                    "unknown profile '\(id)'; expected one of: \(SSOProfile.all.map(\.id).joined(separator: ", "))", at: node)
            }
            state.profile = named
        }
        state.ssoConnect = try f["sso_connect"].map { node throws(InputError) in try reader.bool(node, what: "sso_connect") }
        state.apiKey = try f["api_key"].map { node throws(InputError) in try reader.nonEmptyText(node, what: "api_key") }
        if let node = f["site_name"] { state.siteName = try reader.nonEmptyText(node, what: "site_name") }
        if let node = f["token_lifetime"] {
            let seconds = try reader.integer(node, what: "token_lifetime")
            guard seconds > 0 else { throw reader.error("token_lifetime must be a number of seconds above 0", at: node) }
            state.tokenLifetime = .seconds(seconds)
        }
        if let node = f["cpv2_unregistered_payers"] {
            state.unregisteredCloudPayments = try reader.bool(node, what: "cpv2_unregistered_payers")
        }
        if let node = f["multiuser"] {
            let multiuser = try reader.bool(node, what: "multiuser")
            if multiuser, let refusal = state.profile.multiuserRefusal { throw reader.error("multiuser: \(refusal)", at: node) }
            state.multiuser = multiuser
        }
        for element in try ICStateLoader(reader: reader).list(f["customers"], "portal.customers") {
            let c = try reader.mapping(element, what: "a customer", schema: Self.customerSchema)
            var customer = ICPortalState.Customer(
                accountNumber: try reader.nonEmptyText(reader.required("account", in: c, at: element), what: "account"),
                name: try c["name"].map { node throws(InputError) in try reader.text(node, what: "name") } ?? "",
                emailAddress: try c["email"].map { node throws(InputError) in try reader.text(node, what: "email") } ?? "")
            for userNode in try ICStateLoader(reader: reader).list(c["users"], "users") {
                let u = try reader.mapping(userNode, what: "a user", schema: Self.userSchema)
                let role = try u["role"].map { node throws(InputError) in try reader.text(node, what: "role") }
                if let role, !["Owner", "CoOwner"].contains(role), let node = u["role"] {
                    throw reader.error("role must be Owner or CoOwner, not '\(role)'", at: node)
                }
                customer.users.append(
                    .init(
                        emailAddress: try reader.nonEmptyText(reader.required("email", in: u, at: userNode), what: "email"),
                        loginTypeID: try reader.integer(
                            reader.required("login_type_id", in: u, at: userNode), what: "login_type_id"),
                        role: role ?? (customer.users.isEmpty ? "Owner" : "CoOwner"),
                        signedIn: try flag("signed_in", in: u) ?? true, autoPay: try flag("autopay", in: u) ?? false,
                        paperless: try flag("paperless", in: u) ?? false, payByText: try flag("pay_by_text", in: u) ?? false))
            }
            guard !state.customers.contains(where: { $0.accountNumber == customer.accountNumber }) else {
                throw reader.error("account \(customer.accountNumber) is listed twice", at: element)
            }
            state.customers.append(customer)
        }
        if let node = f["saml"] { state.saml = try saml(node) }
        return state
    }

    /// The `saml:` member: every item of the configuration, the certificate a PEM certificate.
    func saml(_ node: Node) throws(InputError) -> ICSAMLSetup {
        let f = try reader.mapping(node, what: "portal.saml", schema: Self.samlSchema)
        let certificateNode = try reader.required("certificate", in: f, at: node)
        let certificate = try reader.nonEmptyText(certificateNode, what: "certificate")
        guard certificate.contains("-----BEGIN CERTIFICATE-----"), certificate.contains("-----END CERTIFICATE-----") else {
            throw reader.error("certificate must be a PEM X.509 certificate (-----BEGIN CERTIFICATE----- …)", at: certificateNode)
        }
        var mapping: [String: Int] = [:]
        let mappingNode = try reader.required("login_type_mapping", in: f, at: node)
        for (key, value) in try reader.pairs(mappingNode, what: "login_type_mapping") {
            mapping[try reader.nonEmptyText(key, what: "a LoginType claim value")] = try reader.integer(
                value, what: "a LoginTypeID")
        }
        guard !mapping.isEmpty else {
            throw reader.error("login_type_mapping must map at least one LoginType value", at: mappingNode)
        }
        let ssoServiceURL = try f["sso_service_url"].map { node throws(InputError) in
            let url = try reader.nonEmptyText(node, what: "sso_service_url")
            guard SSOURL.isWebURL(url) else {
                throw reader.error("sso_service_url must be an absolute http or https URL", at: node)
            }
            return url
        }
        return ICSAMLSetup(
            entityID: try reader.nonEmptyText(reader.required("entity_id", in: f, at: node), what: "entity_id"),
            certificate: certificate, ssoServiceURL: ssoServiceURL, loginTypeMapping: mapping,
            audience: try f["audience"].map { node throws(InputError) in try reader.nonEmptyText(node, what: "audience") })
    }
}
