import Partners
import Support
import Wire
import Yams

/// `ic-invoices: {}`: the invoices the mock IC holds at this point, as the step's result.
///
/// A scenario's golden files are compared at its end; this step keeps a snapshot of the
/// invoices between uploads, so that one scenario can check each file's effect.
struct ICInvoicesStep: StepKind, Hashable {
    static let key = "ic-invoices"
    static let schema = MappingSchema(
        "Lists the invoices the mock IC holds now (by biller, account and invoice number) as the step's result.")

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        _ = try loading.reader.mapping(node, what: "an ic-invoices step", schema: Self.schema)
    }

    var needs: StepNeeds { [.ic] }

    func run(in context: inout ScenarioContext) async -> Output {
        Output(invoices: context.ic?.mock.invoices.json ?? .array([]))
    }

    /// The invoices, as `ic.state` shows them.
    struct Output: Encodable, Sendable {
        var step = ICInvoicesStep.key
        var invoices: JSONValue
    }
}
