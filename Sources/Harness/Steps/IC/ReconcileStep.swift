import Flows
import Partners
import Support
import Wire
import Yams

/// `reconcile: {}`: reconciles the records of the last `spectrum-poll` with the payments the
/// mock IMT holds; the report is also the scenario's `reconciliation` output.
struct ReconcileStep: StepKind, Hashable {
    static let key = "reconcile"
    static let schema = MappingSchema(
        "Reconciles the last spectrum-poll's records with the payments the mock IMT holds (the reconciliation output).")

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        _ = try loading.reader.mapping(node, what: "a reconcile step", schema: Self.schema)
    }

    func run(in context: inout ScenarioContext) async -> StepOutcome<Output> {
        guard let collected = context.collected else {
            return .failed(StepFailure(Self.key, "no spectrum-poll step ran before reconcile"))
        }
        let result = Reconciliation(records: collected, posted: context.imt?.mock.payments ?? [])
        let output = Output(
            status: result.findings.isEmpty ? "reconciled" : "discrepancies", matched: result.matched,
            findings: result.findings.map {
                Output.Finding(kind: $0.kind.rawValue, payment: $0.paymentID, account: $0.account, detail: $0.detail)
            })
        if let report = try? JSONValueEncoder.encode(output) { context.outputs[.reconciliation] = .json(report) }
        return .done(output)
    }

    /// The payments matched and each discrepancy found.
    struct Output: Encodable, Sendable {
        var step = ReconcileStep.key
        var status: String
        var matched: [String]
        var findings: [Finding]

        struct Finding: Encodable, Sendable {
            var kind: String
            var payment: String
            var account: String
            var detail: String
        }
    }
}
