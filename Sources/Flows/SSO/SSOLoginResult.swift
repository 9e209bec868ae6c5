/// What the SSO login workflow did: the branch it took, the services it called in order, and the
/// page the payer landed on, or where it stopped and why.
public struct SSOLoginResult: Sendable, Encodable {
    /// The seeds' three cases of "Check to see if account exists in invoice cloud and if it is registered".
    public enum Branch: String, Sendable, Encodable {
        case noAccount = "account-does-not-exist"
        case notRegistered = "account-not-registered"
        case registered = "account-registered"
    }

    /// A call IC refused, or that got no answer.
    public struct Failure: Sendable, Encodable, Hashable {
        public var service: String
        public var status: Int?
        public var code: String?
        public var message: String
    }

    public var profile: String
    /// `signed-in` (the portal page shown), `authenticated` (a token, no redirect asked), `refused`
    /// (parameters the profile does not use, nothing sent) or `failed`.
    public var status = "failed"
    public var message: String?
    public var branch: Branch?
    /// The services called, in order, by the seeds' names.
    public var calls: [String] = []
    /// The role IC gave the user on the account when it registered it (Owner, CoOwner).
    public var role: String?
    public var failure: Failure?
    /// The RemoteAuthenticationToken (a secret: scrubbed from every output).
    public var token: String?
    public var redirectURL: String?
    public var page: SSOPortalPage?
    /// The profile's rules for the partner that what was sent breaks (a LoginTypeID, ViewMode or
    /// RedirectID outside the profile's lists): IC takes its full lists, so these are findings, not refusals.
    public var findings: [String]?

    public init(profile: String) { self.profile = profile }

    enum CodingKeys: String, CodingKey {
        case profile, status, message, branch, calls, role, failure, token, redirectURL = "redirect_url", page, findings
    }
}
