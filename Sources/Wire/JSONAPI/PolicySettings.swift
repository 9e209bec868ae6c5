/// A policy's `policy-settings` resource: what IC's DataPump changes for paperless
/// and autopay enrollment (seed 000, "Data Pump: Paperless Enrollment" and "AutoPay Enrollment").
public struct PolicySettings: Sendable, Hashable {
    public static let type = "policy-settings"

    /// The bill modes IC sets: enrolled in autopay, or billed directly.
    public enum BillMode: String, Sendable, CaseIterable {
        case autopay
        case direct
    }

    public var account: String
    public var paperless: Bool
    public var billMode: BillMode

    public init(account: String, paperless: Bool = false, billMode: BillMode = .direct) {
        self.account = account
        self.paperless = paperless
        self.billMode = billMode
    }

    /// The resource as IMT answers it.
    public var resource: JSONAPIResource {
        JSONAPIResource(
            type: Self.type, id: account,
            attributes: .object([
                "id": .string(account), "policy": .string(account), "paperless": .bool(paperless),
                "bill_mode": .string(billMode.rawValue),
            ]))
    }

    /// One change IC sends: a PATCH carries either `paperless` or `bill_mode`.
    public enum Change: Sendable, Hashable {
        case paperless(Bool)
        case billMode(BillMode)

        /// The PATCH document for `account`: `id`, the changed attribute, `policy` and an empty `sort`.
        public func document(account: String) -> JSONValue {
            let changed: JSONValue.Member =
                switch self {
                case .paperless(let on): .init("paperless", .bool(on))
                case .billMode(let mode): .init("bill_mode", .string(mode.rawValue))
                }
            let attributes = JSONValue.object([
                .init("id", .string(account)), changed, .init("policy", .string(account)), .init("sort", .string("")),
            ])
            return .object(["data": JSONAPIResource(type: PolicySettings.type, id: account, attributes: attributes).json])
        }
    }

    /// Applies a PATCH document for the policy in the URL, as IMT does: attributes left out stay unchanged.
    ///
    /// The attributes' shapes are checked first (422), then the body's id against the URL's (409), then
    /// `id` and `policy` against it (422): the schema's error before an id conflict.
    /// - Throws: 409 when the body's id is not the URL's, 422 for an invalid or unknown attribute.
    public func patched(by document: JSONValue) throws(JSONAPIError) -> PolicySettings {
        var request = try JSONAPIRequest(document: document, type: Self.type)
        let named = (id: try request.optionalString("id"), policy: try request.optionalString("policy"))
        if let sort = try request.optionalString("sort"), !sort.isEmpty {
            throw request.invalid("sort", "must be empty, got \"\(sort)\"")
        }
        var result = self
        if let paperless = try request.optionalBool("paperless") { result.paperless = paperless }
        if let mode = try request.optionalString("bill_mode") {
            guard let billMode = BillMode(rawValue: mode) else {
                throw request.invalid("bill_mode", "must be \"autopay\" or \"direct\", got \"\(mode)\"")
            }
            result.billMode = billMode
        }
        try request.rejectUnknownAttributes()
        try request.requireID(account)
        for (name, value) in [("id", named.id), ("policy", named.policy)] {
            if let value, value != account {
                throw request.invalid(name, "must equal the policy \"\(account)\" of the URL, got \"\(value)\"")
            }
        }
        return result
    }
}
