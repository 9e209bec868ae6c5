/// What Cloud SSO Connect allows one integration: its LoginTypeID, view modes and RedirectIDs (seeds 000 and 003).
///
/// The mock IC takes IC's full lists (`icRefusal`); a profile's narrower lists are rules for the partner,
/// which the reference flows follow and `serve ic --certify` and the steps judge (`refusal`).
public struct SSOProfile: Sendable, Hashable {
    /// The integration profile's id: `imt-mips-apps`, `imt-spectrum` or `ai-mymeter`.
    public var id: String
    /// The LoginTypeID sent to Register Accounts and Remote Authentication.
    public var loginTypeID: Int
    /// The view modes the integration uses.
    public var viewModes: [SSOViewMode]
    /// The portal pages the integration redirects to.
    public var redirectIDs: [SSORedirect]
    /// Whether Cloud SSO Connect is on unless the biller says otherwise (off for IMT: "This will depend on the Biller’s preference").
    public var onByDefault: Bool
    /// Whether an account takes a second user (a co-owner) unless the biller says otherwise (`multiuser`).
    public var multiuserByDefault: Bool
    /// The seed sentence that rules a second user out whatever the biller says; nil when the biller may choose.
    public var multiuserRefusal: String?

    /// IMT Spectrum (seed 000): "LogintypeID ... is always = 1", "Always 0 = Redirect", RedirectIDs 1, 2, 3, 5, 9, 10, 11;
    /// multiuser on unless the biller turns it off ("it is not a requirement to have this turned on").
    public static let imtSpectrum = SSOProfile(
        id: "imt-spectrum", loginTypeID: 1, viewModes: [.redirect],
        redirectIDs: [
            .recentBills, .paperless, .autoPay, .paymentOptions, .scheduledPayments, .recurringScheduledPayments, .payByText,
        ],
        onByDefault: false, multiuserByDefault: true)
    /// IMT MIPS/APPS: seed 000's SSOConnect values, which name IMT without a product; seed 001 rules out
    /// a second user on an account (PROF-MIPS-009).
    public static let imtMipsApps = SSOProfile(
        id: "imt-mips-apps", loginTypeID: 1, viewModes: [.redirect], redirectIDs: imtSpectrum.redirectIDs, onByDefault: false,
        multiuserByDefault: false,
        multiuserRefusal:
            "profile imt-mips-apps registers one user per account (seed 001_64e454685f3adcde.txt: \"Multi-User Log In Not Supported; Co-Owner Registration Not Supported\")"
    )
    /// Accelerated Innovations / MyMeter (seed 003): LoginTypeID 5, "Always 1 = iFrame", RedirectIDs 1, 2, 3, 5, 9.
    public static let aiMyMeter = SSOProfile(
        id: "ai-mymeter", loginTypeID: 5, viewModes: [.iFrame],
        redirectIDs: [.recentBills, .paperless, .autoPay, .paymentOptions, .scheduledPayments], onByDefault: true,
        multiuserByDefault: true)

    public static let all: [SSOProfile] = [.imtMipsApps, .imtSpectrum, .aiMyMeter]

    /// The profile with this id, if there is one.
    public static func named(_ id: String) -> SSOProfile? { all.first { $0.id == id } }

    /// The LoginTypeIDs IC takes whatever the biller's profile: those the seeds name (1 for IMT, 5 for AI;
    /// seed 003: "in the case that logintypeID 5 is passed and there is no longtypeID 1").
    public static let icLoginTypeIDs = [1, 5]

    /// Why IC itself refuses `loginType` (not one of `icLoginTypeIDs`); nil when it takes it. A profile's
    /// narrower rule is the partner's, judged by `refusal(loginTypeID:)`, not refused by IC.
    public static func icRefusal(loginTypeID loginType: Int) -> String? {
        icLoginTypeIDs.contains(loginType)
            ? nil
            : "LoginTypeID \(loginType) is none IC takes; the seeds name "
                + icLoginTypeIDs.map(String.init).joined(separator: ", ")
    }

    /// Why IC itself refuses view mode `mode` (neither 0 Redirect nor 1 iFrame); nil when it takes it.
    public static func icRefusal(viewMode mode: Int) -> String? {
        guard SSOViewMode(rawValue: mode) == nil else { return nil }
        return "ViewMode \(mode) is none IC takes; it takes "
            + SSOViewMode.allCases.map { "\($0.rawValue) (\($0.name))" }.joined(separator: ", ")
    }

    /// Why IC itself refuses `id` (a page none of the seeds' RedirectID lists names); nil when it takes it.
    public static func icRefusal(redirectID id: Int) -> String? {
        guard SSORedirect(rawValue: id) == nil else { return nil }
        return "RedirectID \(id) names no Customer Portal page; IC takes "
            + SSORedirect.allCases.map { "\($0.rawValue) (\($0.page))" }.joined(separator: ", ")
    }

    /// Why `id` is not a RedirectID of the profile, naming the profile's list; nil when it is.
    public func refusal(redirectID id: Int) -> String? {
        guard !redirectIDs.contains(where: { $0.rawValue == id }) else { return nil }
        return "RedirectID \(id) is not one profile \(self.id) uses; it uses "
            + redirectIDs.map { "\($0.rawValue) (\($0.page))" }.joined(separator: ", ")
    }

    /// Why `mode` is not a view mode of the profile, naming the profile's list; nil when it is.
    public func refusal(viewMode mode: Int) -> String? {
        guard !viewModes.contains(where: { $0.rawValue == mode }) else { return nil }
        return "ViewMode \(mode) is not one profile \(id) uses; it uses "
            + viewModes.map { "\($0.rawValue) (\($0.name))" }.joined(separator: ", ")
    }

    /// Why `loginType` is not the profile's LoginTypeID; nil when it is.
    public func refusal(loginTypeID loginType: Int) -> String? {
        loginType == loginTypeID ? nil : "LoginTypeID \(loginType) is not profile \(id)'s; it is always \(loginTypeID)"
    }
}

/// How the payer sees IC's pages: `ViewMode` of SSOConnect and Cloud Payments V2.
public enum SSOViewMode: Int, Sendable, Hashable, CaseIterable {
    case redirect = 0
    case iFrame = 1

    /// The seeds' word for it.
    public var name: String { self == .redirect ? "Redirect" : "iFrame" }
}

/// A Customer Portal page SSOConnect redirects to (`RedirectID`), as the seeds list them.
public enum SSORedirect: Int, Sendable, Hashable, CaseIterable {
    case recentBills = 1
    case paperless = 2
    case autoPay = 3
    case paymentOptions = 5
    case scheduledPayments = 9
    case recurringScheduledPayments = 10
    case payByText = 11

    /// The page's name as the seeds write it.
    public var page: String {
        switch self {
        case .recentBills: "Customer Portal Recent Bill Listing"
        case .paperless: "Customer Portal Paperless Settings"
        case .autoPay: "Customer Portal AutoPay Settings"
        case .paymentOptions: "Customer Portal Payment Options"
        case .scheduledPayments: "Customer Portal Scheduled Payments Listing"
        case .recurringScheduledPayments: "Customer Portal Recurring Scheduled Payments Listing"
        case .payByText: "Customer Portal Pay by Text Enrollment"
        }
    }
}
