public import Wire

/// What the mock IMT knows: its users, its policies and the faults to inject.
public struct IMTState: Sendable {
    /// The `<id>` in IMT's URLs (`auth.imtapps.com/<id>/api/`); the seed's example uses 3401.
    public var billerID: String
    /// Passwords by username.
    public var users: [String: String]
    public var policies: [IMTPolicy]
    public var faults: [Fault]

    public init(billerID: String = "3401", users: [String: String] = [:], policies: [IMTPolicy] = [], faults: [Fault] = []) {
        self.billerID = billerID
        self.users = users
        self.policies = policies
        self.faults = faults
    }
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
