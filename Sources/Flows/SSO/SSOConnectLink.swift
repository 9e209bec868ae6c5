public import Wire

/// The Cloud SSO Connect URL a partner portal sends the payer to (a redirect or an iFrame's `src`):
/// `origin/cloudsso/connect?RemoteAuthenticationToken=&ViewMode=&RedirectID=[&CSSUrl][&ReturnUrl][&CustomReturnSiteName]`.
public struct SSOConnectLink: Sendable, Hashable {
    /// What the partner chooses: the page, how it is shown, and the optional look and sign-out.
    public struct Parameters: Sendable, Hashable {
        public var redirectID: Int
        /// nil: the profile's only view mode.
        public var viewMode: Int?
        public var cssURL: String?
        public var returnURL: String?
        public var customReturnSiteName: String?

        public init(
            redirectID: Int, viewMode: Int? = nil, cssURL: String? = nil, returnURL: String? = nil,
            customReturnSiteName: String? = nil
        ) {
            self.redirectID = redirectID
            self.viewMode = viewMode
            self.cssURL = cssURL
            self.returnURL = returnURL
            self.customReturnSiteName = customReturnSiteName
        }

        /// The view mode sent: the one given, or the profile's first.
        public func viewMode(for profile: SSOProfile) -> Int { viewMode ?? profile.viewModes[0].rawValue }

        /// The profile's rules these parameters break: a ViewMode or RedirectID outside its lists.
        public func findings(for profile: SSOProfile) -> [String] {
            [profile.refusal(viewMode: viewMode(for: profile)), profile.refusal(redirectID: redirectID)].compactMap { $0 }
        }

        /// Why the profile cannot send these parameters, naming its lists; nil when it can.
        public func refusal(for profile: SSOProfile) -> String? {
            if let refusal = profile.refusal(viewMode: viewMode(for: profile)) { return refusal }
            if let refusal = profile.refusal(redirectID: redirectID) { return refusal }
            for (name, url) in [("CSSUrl", cssURL), ("ReturnUrl", returnURL)] {
                if let url, !SSOURL.isWebURL(url) { return "\(name) must be an absolute http or https URL, not '\(url)'" }
            }
            if customReturnSiteName != nil, returnURL == nil {
                return "CustomReturnSiteName changes the sign-out tooltip of a ReturnUrl; give return_url too"
            }
            return nil
        }
    }

    public var origin: String
    public var token: String
    public var parameters: Parameters
    public var profile: SSOProfile

    public init(origin: String, token: String, parameters: Parameters, profile: SSOProfile) {
        self.origin = origin
        self.token = token
        self.parameters = parameters
        self.profile = profile
    }

    /// The URL, members in the seeds' order.
    public var url: String {
        var query = [
            ("RemoteAuthenticationToken", token), ("ViewMode", String(parameters.viewMode(for: profile))),
            ("RedirectID", String(parameters.redirectID)),
        ]
        if let css = parameters.cssURL { query.append(("CSSUrl", css)) }
        if let url = parameters.returnURL { query.append(("ReturnUrl", url)) }
        if let name = parameters.customReturnSiteName { query.append(("CustomReturnSiteName", name)) }
        return origin + "/cloudsso/connect?" + SSOURL.query(query)
    }
}
