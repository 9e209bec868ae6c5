/// A biller's SAML SSO at IC: what the partner hands over (seed 003, SSO-SAML-003: "the Entity ID,
/// Metadata URL, SSO Service URL, SAML Claims Configurations (Email, LoginType, Account
/// Number(Optional)) and LoginType Claim Mapping") and the certificate its identity provider signs with.
public struct ICSAMLSetup: Sendable, Hashable {
    /// The identity provider's Entity ID: the assertions' `Issuer`.
    public var entityID: String
    /// The identity provider's X.509 signing certificate, PEM: the only key an assertion's signature is checked with.
    public var certificate: String
    /// Where the SSO redirect link sends the payer to sign in (the IdP's SSO Service URL).
    public var ssoServiceURL: String?
    /// LoginType claim values and the LoginTypeID each stands for.
    public var loginTypeMapping: [String: Int]
    /// IC's own Entity ID, the `Audience` an assertion must name; nil: `https://sso.invoicecloud.com/saml/<BillerGUID>`.
    public var audience: String?

    public init(
        entityID: String, certificate: String, ssoServiceURL: String? = nil, loginTypeMapping: [String: Int],
        audience: String? = nil
    ) {
        self.entityID = entityID
        self.certificate = certificate
        self.ssoServiceURL = ssoServiceURL
        self.loginTypeMapping = loginTypeMapping
        self.audience = audience
    }

    /// The Audience an assertion for `billerGUID` must name.
    public func audience(billerGUID: String) -> String {
        audience ?? "https://sso.invoicecloud.com/saml/" + billerGUID.lowercased()
    }
}
