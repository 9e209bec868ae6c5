public import Flows
public import Support
public import Yams

/// One kind of scenario step: its YAML key, how it reads its node, what it needs and how it runs.
///
/// A new kind is one type conforming to this protocol in a file of its own, plus one
/// line in ``StepRegistry/kinds``: the loader, the runner and the list of known steps
/// read the registry (CONTRIBUTING.md has the recipe).
///
/// ```swift
/// struct PingStep: StepKind {
///     static let key = "ping"
///     static let schema = MappingSchema("Opens a session and closes it.")
///     var needs: StepNeeds { [.imt] }
///     init(from node: Node, loading: inout StepLoading) throws(InputError) {
///         _ = try loading.reader.mapping(node, what: "a ping step", schema: Self.schema)
///     }
///     func run(in context: inout ScenarioContext) async -> Output { Output() }
///     struct Output: Encodable, Sendable { var step = "ping" }
/// }
/// ```
public protocol StepKind: Sendable {
    /// What the step writes to `result.json`, member order as declared.
    associatedtype Outcome: Encodable & Sendable

    /// The key that names the step in a scenario's `steps:` list, e.g. `rtdr`.
    static var key: String { get }

    /// The step's members: what `init(from:loading:)` allows and requires, and what the
    /// scenario schema (`bifrost schema`) describes.
    static var schema: MappingSchema { get }

    /// Reads the step's node; every problem is an `InputError` at its `file:line:column`.
    init(from node: Node, loading: inout StepLoading) throws(InputError)

    /// What the scenario must provide before the step runs.
    var needs: StepNeeds { get }

    /// The integration flow the step exercises, checked against the profile's feature matrix; nil for tooling.
    var flow: IntegrationFlow? { get }

    /// The scenario's files the step writes, which `expect.golden` may name.
    var outputs: [String] { get }

    /// Secrets the step carries (a web service key given in the step), scrubbed from every output.
    var secrets: [String] { get }

    /// Runs the step; a failure of the system under test is a result, never a throw.
    func run(in context: inout ScenarioContext) async -> Outcome
}

extension StepKind {
    public var needs: StepNeeds { [] }
    public var flow: IntegrationFlow? { nil }
    public var outputs: [String] { [] }
    public var secrets: [String] { [] }
    /// The step's YAML key.
    public var key: String { Self.key }
}

/// What a step needs the scenario to provide while it runs.
public struct StepNeeds: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The mock IMT (and the second one, when the scenario has `imt2:`), with the settings pointing at it.
    public static let imt = StepNeeds(rawValue: 1 << 0)
    /// The mock IC with a biller: the scenario's `ic:` block.
    public static let ic = StepNeeds(rawValue: 1 << 1)
    /// A real OpenSSH server on loopback, started for the step and stopped after it.
    public static let sshd = StepNeeds(rawValue: 1 << 2)
    /// A fresh temporary folder, removed after the step.
    public static let folder = StepNeeds(rawValue: 1 << 3)
}
