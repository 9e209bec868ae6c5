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

    /// A user registered on an account, with the LoginTypeID it registered with, whether it has
    /// signed in through SSO Connect yet, and the settings that belong to its login.
    public struct User: Sendable, Hashable {
        public var emailAddress: String
        public var loginTypeID: Int
        /// `Owner` for the first user of an account, `CoOwner` for the others (seed 003).
        public var role: String
        /// False until the first Remote Authentication: then SSO Connect matches the user by email
        /// address and sets its tokenized password (seed 000, SSO-IMT-004).
        public var signedIn: Bool
        /// Registered through Register Accounts by the partner (a new login), not an IC registration
        /// that SSO Connect takes over by its email address.
        public var newLogin: Bool
        /// The login's enrollments; a new login starts with none (seed 000, SSO-IMT-005: "all settings
        /// autopay/paperless/pay by text will have to be re-entered").
        public var autoPay: Bool
        public var paperless: Bool
        public var payByText: Bool

        public init(
            emailAddress: String, loginTypeID: Int, role: String = "Owner", signedIn: Bool = true, autoPay: Bool = false,
            paperless: Bool = false, payByText: Bool = false, newLogin: Bool = false
        ) {
            self.newLogin = newLogin
            self.emailAddress = emailAddress
            self.loginTypeID = loginTypeID
            self.role = role
            self.signedIn = signedIn
            self.autoPay = autoPay
            self.paperless = paperless
            self.payByText = payByText
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
    /// The biller's SAML SSO set-up; nil: SAML sign-in is not set up (its endpoints answer 404).
    public var saml: ICSAMLSetup?
    /// Whether SAML validity windows are judged on the system clock (a stand-in, `serve ic`, whose
    /// partner's identity provider signs at the time of day), not on `clock` (a scenario's).
    public var systemClock = false
    /// Biller option `cpv2_unregistered_payers`: whether Cloud Payments V2 takes a request without a
    /// RemoteAuthenticationToken and opens the Virtual Site's one-time payment for it. Default false:
    /// seed 003 (IC-CPV2-001) "City of Boulder is only using the CPV2 payment page for registered
    /// user", and an unregistered payer is redirected to the Virtual Site (IC-CPV2-012).
    public var unregisteredCloudPayments = false
    /// Biller option `multiuser`: whether a second user may register on an account (a co-owner).
    /// nil: the profile's default, `SSOProfile.multiuserByDefault`.
    public var multiuser: Bool?

    public init(
        profile: SSOProfile = .aiMyMeter, ssoConnect: Bool? = nil, apiKey: String? = nil, siteName: String = "Biller",
        tokenLifetime: Duration = .seconds(600), clock: Date = Date(timeIntervalSince1970: 0), customers: [Customer] = [],
        saml: ICSAMLSetup? = nil
    ) {
        self.profile = profile
        self.ssoConnect = ssoConnect
        self.apiKey = apiKey
        self.siteName = siteName
        self.tokenLifetime = tokenLifetime
        self.clock = clock
        self.customers = customers
        self.saml = saml
    }

    /// Whether SSO Connect answers: the biller's choice, else the profile's default (on for AI, off for IMT).
    public var ssoActive: Bool { ssoConnect ?? profile.onByDefault }

    /// Whether an account takes a second user: the biller's choice, else the profile's default.
    public var multiuserActive: Bool { multiuser ?? profile.multiuserByDefault }
}
