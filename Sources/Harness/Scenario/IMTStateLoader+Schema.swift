import Partners
import Wire

extension IMTStateLoader {
    /// The `imt:` block (and `imt2:`, and a `serve imt --state` file).
    static let schema = MappingSchema(
        "The mock IMT's state: users, policies, policy settings, bills, payments already posted and faults.",
        .optional("biller_id", .text, "The biller id in the mock's URLs (default 3401)."),
        .optional("users", .dictionary(.text), "The users IC logs in as, each name with its password."),
        .optional(
            "policies", .list(.mapping(policySchema)),
            "The payments-due resources; policies without an id are numbered from 41703."),
        .optional("policy_settings", .list(.mapping(policySettingsSchema)), "Each policy's enrollment state."),
        .optional("bills", .dictionary(.text), "The bytes GET bills/{policy}/ returns, by policy number."),
        .optional("payments", .list(.mapping(paymentSchema)), "Payments already posted, e.g. to reconcile against."),
        .optional(
            "faults", .list(.oneOf([.mapping(faultSchema(route: imtRoute)), .mapping(sessionLimitSchema)])),
            "Injected faults, each answering a route its own way, or a limit on the requests a session serves."),
        .optional(
            "refuse", .list(.choice(IMTState.optionalRefusals)),
            "Refusals no seed states, turned on: without them such a payment is stored and journaled with a warning."))

    /// What the route of a mock IMT fault names.
    static let imtRoute = "A method and a path of the mock IMT, e.g. \"GET /payments-due/\"."

    /// A policy: any attribute of seed 000's full payments-due example, of the example's type.
    static let policySchema = MappingSchema(
        "A payments-due resource: seed 000's full example, with the values the scenario gives.",
        [.optional("id", .text, "The resource id.")]
            + (PaymentsDue.seedExampleAttributes.objectValue ?? []).map { attribute in
                .optional(
                    attribute.key, attributeValue(attribute.value),
                    "A payments-due attribute; seed 000's example has \(attribute.value.compactText).")
            })

    /// How a policy attribute is written, from its value in seed 000's example.
    static func attributeValue(_ example: JSONValue) -> SchemaValue {
        switch example {
        case .bool: .boolean
        case .array: .list(.text)
        default: .text
        }
    }

    static let policySettingsSchema = MappingSchema(
        "A policy's enrollment state.",
        .required("policy", .text, "The policy number."),
        .optional("paperless", .boolean, "Enrolled in paperless billing (default false)."),
        .optional("bill_mode", .choice(of: PolicySettings.BillMode.self), "autopay or direct (the default)."))

    static let paymentSchema = MappingSchema(
        "A payment already posted: its key fields; the payer's details are left empty.",
        .required("transaction_id", .text, "IC's transaction id, e.g. \"2984&P1\"."),
        .required("account", .text, "The policy number."),
        .required("total_paid", .formatted(.money), "The total paid, fee included, as a decimal amount such as \"102.95\"."),
        .optional("fee", .formatted(.money), "The convenience fee within the total (default 0.00)."),
        .required("method", .choice(of: PaymentPost.Method.self), "CC or ACH."))

    /// A fault of one route: one effect (status, body, content_type or drop), a delay, or both.
    static func faultSchema(route: String) -> MappingSchema {
        MappingSchema(
            "A fault of one route: one effect (status, body, content_type or drop), delay_ms, or both.",
            .required("route", .text, route),
            .optional(
                "delay_ms", .boundedInteger(minimum: 1, maximum: 600_000), "Answer this many milliseconds late (1 to 600000)."),
            .optional("times", .boundedInteger(minimum: 1), "The number of requests it applies to; leave it out for always."),
            .optional(
                "status", .boundedInteger(minimum: 100, maximum: 599),
                "Answer with this HTTP status (100-599); nothing is processed."),
            .optional(
                "body", .choice(["malformed", "truncated"]),
                "malformed: the normal status, half the body; truncated: the normal head, half the body, connection closed."),
            .optional("content_type", .text, "Answer with this Content-Type."),
            .optional("drop", .choice(["true"]), "Process the request, then close the connection unanswered."))
    }

    static let sessionLimitSchema = MappingSchema(
        "Sessions expire after a number of authenticated requests.",
        .required(
            "expire_session_after", .boundedInteger(minimum: 0), "The authenticated requests each session serves (0 or more)."))
}
