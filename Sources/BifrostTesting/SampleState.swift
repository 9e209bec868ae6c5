public import Partners
public import Wire

/// The states the tests start mocks with, and the names and keys in them.
///
/// They follow the scenarios: IC calls IMT as `icuser`, the account is the seed's example
/// policy `20240903`, and the biller is the one the Spectrum scenarios upload for.
public enum SampleState {
    /// The one IMT user.
    public static let username = "icuser"
    /// `username`'s password.
    public static let password = "pw"
    /// The account (policy number) of the seed's example `payments-due` resource.
    public static let account = "20240903"
    /// The `payments-due` resource id of the seed's example.
    public static let policyID = "41703"
    /// The biller IC's web services authenticate.
    public static let billerGUID = "6f1c2e0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b"
    /// `billerGUID`'s web service key.
    public static let webServiceKey = "0b9d5c3e-7a2f-4e1d-9c8b-6a5f4e3d2c1b"

    /// A mock IMT state with one user and the seed's example policy.
    /// - Parameters:
    ///   - paymentTypes: the policy's `payment_types`; nil keeps the seed's (`["CC"]`).
    ///   - bills: bill PDFs by policy number.
    public static func imt(
        paymentTypes: [String]? = nil, bills: [String: [UInt8]] = [:], faults: [Fault] = []
    ) -> IMTState {
        var attributes = PaymentsDue.seedExampleAttributes
        if let paymentTypes {
            attributes = attributes.setting("payment_types", to: .array(paymentTypes.map(JSONValue.string)))
        }
        return IMTState(
            users: [username: password], policies: [IMTPolicy(id: policyID, attributes: attributes)], bills: bills,
            faults: faults)
    }

    /// A mock IC state with one biller, validating its uploads with `profile`'s rules.
    public static func ic(profile: BIFProfile = .imtMipsApps, faults: [Fault] = []) -> ICState {
        ICState(billers: [.init(guid: billerGUID, webServiceKey: webServiceKey, profile: profile)], faults: faults)
    }
}
