public import Foundation
public import Wire

/// What the mock IC's REST services know: the biller's Cloud SSO Connect product, its API key,
/// its customers with their registered users, and the clock tokens expire on.
public struct ICPortalState: Sendable {
    /// A customer record: an account, and the users registered on it (none: not registered).
    public struct Customer: Sendable, Hashable {
        public var accountNumber: String
        public var name: String
        public var emailAddress: String
        public var users: [User]

        public init(accountNumber: String, name: String = "", emailAddress: String = "", users: [User] = []) {
            self.accountNumber = accountNumber
            self.name = name
            self.emailAddress = emailAddress
            self.users = users
        }
    }

    /// A user registered on an account, with the LoginTypeID it registered with.
    public struct User: Sendable, Hashable {
        public var emailAddress: String
        public var loginTypeID: Int
        /// `Owner` for the first user of an account, `CoOwner` for the others (seed 003).
        public var role: String

        public init(emailAddress: String, loginTypeID: Int, role: String = "Owner") {
            self.emailAddress = emailAddress
            self.loginTypeID = loginTypeID
            self.role = role
        }
    }

    /// The SSO parameters the biller's integration uses.
    public var profile: SSOProfile
    /// Whether Cloud SSO Connect is activated for the biller; nil: the profile's default.
    public var ssoConnect: Bool?
    /// The API key of the REST services and Cloud Payments V2 (a secret); nil: REST refused.
    public var apiKey: String?
    /// The Biller DBA: the site name of the sign-out tooltip when `CustomReturnSiteName` is absent.
    public var siteName: String
    /// How long a RemoteAuthenticationToken stays valid after it is issued.
    public var tokenLifetime: Duration
    /// The scenario's clock: where a scenario's mock clock stands at the start, and what derived ids are named from.
    public var clock: Date
    public var customers: [Customer]

    public init(
        profile: SSOProfile = .aiMyMeter, ssoConnect: Bool? = nil, apiKey: String? = nil, siteName: String = "Biller",
        tokenLifetime: Duration = .seconds(600), clock: Date = Date(timeIntervalSince1970: 0), customers: [Customer] = []
    ) {
        self.profile = profile
        self.ssoConnect = ssoConnect
        self.apiKey = apiKey
        self.siteName = siteName
        self.tokenLifetime = tokenLifetime
        self.clock = clock
        self.customers = customers
    }

    /// Whether SSO Connect answers: the biller's choice, else the profile's default (on for AI, off for IMT).
    public var ssoActive: Bool { ssoConnect ?? profile.onByDefault }
}
