import Flows
import Wire
import Yams

/// What the paperless and autopay steps share: reading the account, posting the change.
struct Enrollment: Sendable, Hashable {
    var account: String
    var change: PolicySettings.Change

    /// Reads `{account, <member>}`, the member's value read by `value`.
    init(
        _ node: Node, _ loading: StepLoading, step: String, member: String,
        value: (Node, YAMLReader) throws(InputError) -> PolicySettings.Change
    ) throws(InputError) {
        let fields = try loading.reader.mapping(
            node, what: "a \(step) step", allowed: ["account", member], required: ["account", member])
        account = try loading.reader.nonEmptyText(fields["account"]!, what: "account")
        change = try value(fields[member]!, loading.reader)
    }

    func run(step: String, _ context: ScenarioContext) async -> IMTCallOutput<Changed> {
        IMTCallOutput(step: step, await DataPump(context.caller).enroll(account: account, change)) { accepted in
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
    var enrollment: Enrollment

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        enrollment = try Enrollment(node, loading, step: Self.key, member: "paperless") { node, reader throws(InputError) in
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
    var enrollment: Enrollment

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        enrollment = try Enrollment(node, loading, step: Self.key, member: "bill_mode") { node, reader throws(InputError) in
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
