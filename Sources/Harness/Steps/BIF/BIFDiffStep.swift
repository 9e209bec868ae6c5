import Wire
import Yams

/// `bif-diff: {expected, actual}`: compares two BIFs by invoice, row and field.
struct BIFDiffStep: StepKind, Hashable {
    static let key = "bif-diff"
    var expected: String
    var actual: String

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let fields = try loading.reader.mapping(
            node, what: "a bif-diff step", allowed: ["expected", "actual"], required: ["expected", "actual"])
        expected = try loading.file(fields["expected"]!)
        actual = try loading.file(fields["actual"]!)
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
