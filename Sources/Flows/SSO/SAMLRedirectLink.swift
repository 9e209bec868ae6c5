import Wire

/// The SAML SSO redirect link of seed 003: "created with the BillerGUID, Account Number, View Mode
/// and DeepLinkID", e.g. `https://sso.invoicecloud.com/saml/c09d08fb-…?account=101Invoice&ViewMode=0&DeepLinkID=13`.
///
/// The seed's own sample uses ViewMode 0 on the AI page, so the link takes either view mode;
/// a DeepLinkID is a whole number above 0 (the sample's 13 is none of the RedirectIDs).
public struct SAMLRedirectLink: Sendable, Hashable {
    public static let defaultOrigin = "https://sso.invoicecloud.com"

    public var origin: String
    public var billerGUID: String
    public var account: String
    public var viewMode: Int
    public var deepLinkID: Int?

    public init(origin: String = Self.defaultOrigin, billerGUID: String, account: String, viewMode: Int, deepLinkID: Int?) {
        self.origin = origin
        self.billerGUID = billerGUID
        self.account = account
        self.viewMode = viewMode
        self.deepLinkID = deepLinkID
    }

    /// Every reason the link cannot be built, by parameter; empty when it can.
    public var problems: [String] {
        var problems: [String] = []
        if !SSOURL.isWebURL(origin) { problems.append("origin must be an absolute http or https URL, not '\(origin)'") }
        if !Self.isGUID(billerGUID) {
            problems.append("BillerGUID must be a GUID (8-4-4-4-12 hexadecimal digits), not '\(billerGUID)'")
        }
        if account.isEmpty { problems.append("account is required: the account number the payer signs in to") }
        if SSOViewMode(rawValue: viewMode) == nil {
            problems.append("ViewMode must be 0 (Redirect) or 1 (iFrame), not \(viewMode)")
        }
        if let deepLinkID, deepLinkID < 1 { problems.append("DeepLinkID must be a whole number above 0, not \(deepLinkID)") }
        return problems
    }

    /// The link, or nil when `problems` is not empty.
    public var url: String? {
        guard problems.isEmpty else { return nil }
        var query = [("account", account), ("ViewMode", String(viewMode))]
        if let deepLinkID { query.append(("DeepLinkID", String(deepLinkID))) }
        return origin + "/saml/" + billerGUID.lowercased() + "?" + SSOURL.query(query)
    }

    static func isGUID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}
