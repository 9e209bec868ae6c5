public import Wire

/// What the mock IMT knows: its users, policies, policy settings, bills and payments, and the faults to inject.
public struct IMTState: Sendable {
    /// The `<id>` in IMT's URLs (`auth.imtapps.com/<id>/api/`); the seed's example uses 3401.
    public var billerID: String
    /// Passwords by username.
    public var users: [String: String]
    public var policies: [IMTPolicy]
    /// Paperless and bill mode by policy; a policy without an entry starts paper-billed and direct.
    public var policySettings: [PolicySettings]
    /// Bill PDFs by policy number.
    public var bills: [String: [UInt8]]
    /// Payments already posted.
    public var payments: [PaymentPost]
    public var faults: [Fault]
    /// Each session serves this many authenticated requests, then expires; nil: never.
    public var sessionLimit: Int?
    /// The refusals without a source the state turns on (`MockRefusal.optIn`), by code:
    /// `duplicate-transaction`, `unknown-policy`. Without them such a request is accepted with a warning.
    public var refuse: Set<String>

    public init(
        billerID: String = "3401", users: [String: String] = [:], policies: [IMTPolicy] = [],
        policySettings: [PolicySettings] = [], bills: [String: [UInt8]] = [:], payments: [PaymentPost] = [],
        faults: [Fault] = [], sessionLimit: Int? = nil, refuse: Set<String> = []
    ) {
        self.billerID = billerID
        self.users = users
        self.policies = policies
        self.policySettings = policySettings
        self.bills = bills
        self.payments = payments
        self.faults = faults
        self.sessionLimit = sessionLimit
        self.refuse = refuse
    }

    /// The codes `refuse` may name: the mock IMT's refusals that no source makes binding.
    public static var optionalRefusals: [String] { IMTMock.refusals.filter { $0.optIn != nil }.map(\.code) }
}

/// A policy as IMT's `payments-due` resource shows it.
public struct IMTPolicy: Sendable, Hashable {
    /// The resource `id` (the seed's example: `"41703"`).
    public var id: String
    /// Every attribute of the resource, in the seed example's order.
    public var attributes: JSONValue

    public init(id: String, attributes: JSONValue) {
        self.id = id
        self.attributes = attributes
    }

    public var policyNumber: String? { attributes["policy_number"]?.stringValue }

    var resource: JSONAPIResource {
        JSONAPIResource(type: PaymentsDue.type, id: id, attributes: attributes)
    }
}
