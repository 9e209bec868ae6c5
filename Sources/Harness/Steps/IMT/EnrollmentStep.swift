import Flows
import Support
import Wire
import Yams

/// What the paperless and autopay steps share: reading the account, posting the change.
struct Enrollment: Sendable, Hashable {
    var account: String
    var invoiceTypeID: String?
    var change: PolicySettings.Change

    /// The members `{account, invoice_type, <member>}` of a step changing one enrollment.
    static func schema(_ description: String, member: MappingSchema.Member) -> MappingSchema {
        MappingSchema(
            description, .required("account", .text, "The policy number whose enrollment changes."),
            .optional(
                "invoice_type", .text,
                "The InvoiceTypeID of the account's invoices: picks the environment under 81 (default: where the account was last answered from)."
            ),
            member)
    }

    /// Reads the members `schema` lists: the account, and the change its last member's value
    /// makes, read by `value`.
    init(
        _ node: Node, _ loading: StepLoading, step: String, schema: MappingSchema,
        value: (Node, YAMLReader) throws(InputError) -> PolicySettings.Change
    ) throws(InputError) {
        let fields = try loading.reader.mapping(node, what: "a \(step) step", schema: schema)
        account = try loading.reader.nonEmptyText(loading.reader.required("account", in: fields, at: node), what: "account")
        invoiceTypeID = try loading.optionalText(fields["invoice_type"], what: "invoice_type")
        // The last member is the one whose value is the change; the mapping has it, as it is required.
        let changed = schema.members.last?.name ?? ""
        guard let changeNode = fields[changed] else { throw loading.reader.error("a \(step) step needs '\(changed)'", at: node) }
        change = try value(changeNode, loading.reader)
    }

    func run(step: String, _ context: ScenarioContext) async -> IMTCallOutput<Changed> {
        IMTCallOutput(step: step, await DataPump(context.caller).enroll(account: account, invoiceTypeID: invoiceTypeID, change)) {
            accepted in
            Changed(httpStatus: accepted.status, change: accepted.reference)
        }
    }

    /// IMT's status and the change sent.
    struct Changed: Encodable, Sendable {
        var httpStatus: Int
        var change: String
    }
}

/// `datapump-paperless: {account, paperless: true|false}`: DataPump changes paperless enrollment.
struct DataPumpPaperlessStep: StepKind, Hashable {
    static let key = "datapump-paperless"
    static let schema = Enrollment.schema(
        "DataPump changes paperless enrollment (PATCH settings/{account}/, settings 14-16).",
        member: .required("paperless", .boolean, "Enrolled in paperless billing after the change."))
    var enrollment: Enrollment

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        enrollment = try Enrollment(node, loading, step: Self.key, schema: Self.schema) { node, reader throws(InputError) in
            .paperless(try reader.bool(node, what: "paperless"))
        }
    }

    var needs: StepNeeds { [.imt] }
    var flow: IntegrationFlow? { .dataPumpPaperless }
    func run(in context: inout ScenarioContext) async -> some Encodable & Sendable {
        await enrollment.run(step: Self.key, context)
    }
}

/// `datapump-autopay: {account, bill_mode: autopay|direct}`: DataPump changes autopay enrollment.
struct DataPumpAutoPayStep: StepKind, Hashable {
    static let key = "datapump-autopay"
    static let schema = Enrollment.schema(
        "DataPump changes autopay enrollment (PATCH settings/{account}/, settings 17-19).",
        member: .required("bill_mode", .choice(of: PolicySettings.BillMode.self), "autopay or direct, after the change."))
    var enrollment: Enrollment

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        enrollment = try Enrollment(node, loading, step: Self.key, schema: Self.schema) { node, reader throws(InputError) in
            guard let mode = PolicySettings.BillMode(rawValue: try reader.text(node, what: "bill_mode")) else {
                throw reader.error("bill_mode must be autopay or direct", at: node)
            }
            return .billMode(mode)
        }
    }

    var needs: StepNeeds { [.imt] }
    var flow: IntegrationFlow? { .dataPumpAutoPay }
    func run(in context: inout ScenarioContext) async -> some Encodable & Sendable {
        await enrollment.run(step: Self.key, context)
    }
}
