import Support
import Wire
import Yams

/// `bif-diff: {expected, actual}`: compares two BIFs by invoice, row and field.
struct BIFDiffStep: StepKind, Hashable {
    static let key = "bif-diff"
    static let schema = MappingSchema(
        "Compares two BIFs by invoice, row and field.",
        .required("expected", .text, "The BIF expected: of the files: block or an earlier step's output."),
        .required("actual", .text, "The BIF to compare with it."))
    var expected: String
    var actual: String

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let fields = try loading.reader.mapping(node, what: "a bif-diff step", schema: Self.schema)
        expected = try loading.file(loading.reader.required("expected", in: fields, at: node))
        actual = try loading.file(loading.reader.required("actual", in: fields, at: node))
    }

    func run(in context: inout ScenarioContext) async -> StepOutcome<Output> {
        do {
            let differences = try BIFDiff().compare(expected: context.files[expected] ?? [], actual: context.files[actual] ?? [])
            return .done(Output(expected: expected, actual: actual, differences: differences.map(\.description)))
        } catch {
            return .failed(StepFailure(Self.key, error.description))
        }
    }

    /// Each difference found, as `bif diff` prints it.
    struct Output: Encodable, Sendable {
        var step = BIFDiffStep.key
        var expected: String
        var actual: String
        var differences: [String]
    }
}
