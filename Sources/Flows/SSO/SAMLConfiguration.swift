public import Wire

/// What a software partner or biller hands IC to set up SAML SSO, as seed 003 lists it: "the
/// Entity ID, Metadata URL, SSO Service URL, SAML Claims Configurations (Email, LoginType, Account
/// Number(Optional)) and LoginType Claim Mapping".
///
/// The check is the partner's: before the configuration goes to IC, every item is there, the
/// claims are the three the seed names (Email and LoginType required), and the LoginType claim
/// maps to the LoginTypeID of the partner's profile (5 for AI/MyMeter, 1 for IMT).
public struct SAMLConfiguration: Sendable, Hashable {
    public var entityID: String?
    public var metadataURL: String?
    public var ssoServiceURL: String?
    /// The claim names, as written (compared without case, spaces or underscores).
    public var claims: [String]
    /// LoginType claim values and the LoginTypeID each stands for.
    public var loginTypeMapping: [String: Int]

    public init(
        entityID: String?, metadataURL: String?, ssoServiceURL: String?, claims: [String], loginTypeMapping: [String: Int]
    ) {
        self.entityID = entityID
        self.metadataURL = metadataURL
        self.ssoServiceURL = ssoServiceURL
        self.claims = claims
        self.loginTypeMapping = loginTypeMapping
    }

    /// The claims the seed names, required ones first.
    public static let requiredClaims = ["Email", "LoginType"]
    public static let optionalClaims = ["AccountNumber"]

    /// Every reason the configuration is not complete for `profile`; empty when it is.
    public func problems(for profile: SSOProfile) -> [String] {
        var problems: [String] = []
        if (entityID ?? "").isEmpty { problems.append("the Entity ID is missing") }
        for (name, url) in [("Metadata URL", metadataURL), ("SSO Service URL", ssoServiceURL)] {
            guard let url, !url.isEmpty else {
                problems.append("the \(name) is missing")
                continue
            }
            if !SSOURL.isWebURL(url) { problems.append("the \(name) must be an absolute http or https URL, not '\(url)'") }
        }
        let given = Set(claims.map(Self.folded))
        for claim in Self.requiredClaims where !given.contains(Self.folded(claim)) {
            problems.append("the SAML claims lack \(claim) (claims: Email, LoginType, Account Number optional)")
        }
        let known = Set((Self.requiredClaims + Self.optionalClaims).map(Self.folded))
        for claim in claims where !known.contains(Self.folded(claim)) {
            problems.append("'\(claim)' is not a claim of the configuration: Email, LoginType, Account Number")
        }
        if loginTypeMapping.isEmpty {
            problems.append("the LoginType claim mapping is missing")
        }
        for (value, id) in loginTypeMapping.sorted(by: { $0.key < $1.key }) where id != profile.loginTypeID {
            problems.append(
                "the LoginType claim value '\(value)' maps to LoginTypeID \(id); profile \(profile.id) signs in with LoginTypeID \(profile.loginTypeID)"
            )
        }
        return problems
    }

    /// A claim name without case, spaces or underscores: `Account Number` = `account_number` = `AccountNumber`.
    static func folded(_ name: String) -> String {
        name.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" }
    }
}
