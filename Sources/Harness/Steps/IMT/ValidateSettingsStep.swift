import Flows
import Support
import Yams

/// `validate-settings: {}`: checks the advanced settings' rules.
struct ValidateSettingsStep: StepKind, Hashable {
    static let key = "validate-settings"
    static let schema = MappingSchema("Checks the advanced settings' rules, as a result.")

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        _ = try loading.reader.mapping(node, what: "a validate-settings step", schema: Self.schema)
    }

    func run(in context: inout ScenarioContext) async -> Output {
        let problems = context.caller.settings.problems()
        return Output(status: problems.isEmpty ? "valid" : "invalid", problems: problems.map(\.description))
    }

    /// `valid` or `invalid`, with each rule broken.
    struct Output: Encodable, Sendable {
        var step = ValidateSettingsStep.key
        var status: String
        var problems: [String]
    }
}
