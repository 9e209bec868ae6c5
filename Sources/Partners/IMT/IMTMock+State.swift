import Synchronization
public import Wire

extension IMTMock {
    /// The state now, as scenarios compare it and the admin API shows it: passwords
    /// redacted, bills by size, payments and policy settings as IMT's resources.
    public var stateJSON: JSONValue {
        store.withLock { store in
            .object([
                "biller_id": .string(billerID),
                "users": .object(store.users.keys.sorted().map { .init($0, .string(Redactor.mark)) }),
                "policies": .array(store.policies.map(\.resource.json)),
                "policy_settings": .array(store.settings.keys.sorted().map { store.settings[$0]!.resource.json }),
                "bills": .array(
                    store.bills.keys.sorted().map {
                        .object(["policy_number": .string($0), "bytes": .number(String(store.bills[$0]!.count))])
                    }),
                "payments": .array(
                    store.payments.map { JSONAPIResource(type: PaymentPost.type, id: $0.account, attributes: $0.attributes).json }
                ),
                "open_sessions": .number(String(store.sessions.count)),
            ])
        }
    }
}

extension IMTMock {
    /// The payments posted so far, those of the state first.
    public var payments: [PaymentPost] { store.withLock { $0.payments } }
}
