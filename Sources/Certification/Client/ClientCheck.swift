import Partners
import Wire

/// A check of a partner's client, judged from the traffic the client sends a mock: its definition,
/// how it judges one exchange, and what it reports when no exchange was one it applies to.
///
/// The mock's server calls `judge` with each exchange as it is answered; at the stop the judgements
/// are aggregated (`ClientCheckTally`) into one result per check. A check that can only conclude at
/// the stop (a session left open) adds its violations then, through `conclude`.
public struct ClientCheck: Sendable {
    public var definition: CheckDefinition
    /// What the check counts, singular: `request`, `session`, `upload`.
    var unit: String
    /// Why the check is SKIP when it applied to no exchange: `the client opened no session`.
    var notSent: String
    let judge: @Sendable (ClientExchange) -> ClientJudgement
    /// Violations found only at the stop; nil for most checks.
    let conclude: (@Sendable (inout ClientCheckTally) -> Void)?

    init(
        _ definition: CheckDefinition, unit: String = "request", notSent: String,
        conclude: (@Sendable (inout ClientCheckTally) -> Void)? = nil,
        judge: @escaping @Sendable (ClientExchange) -> ClientJudgement
    ) {
        self.definition = definition
        self.unit = unit
        self.notSent = notSent
        self.judge = judge
        self.conclude = conclude
    }

    /// A required definition by requirement id, standing on `source`: its seed, section and quote are the catalog's.
    static func definition(_ id: String, _ title: String, source: VerdictSource) -> CheckDefinition {
        .required(id, title, source: source)
    }

    /// A recommended definition: no seed sentence or specification makes its rule binding.
    static func recommended(_ id: String, _ title: String) -> CheckDefinition { .recommended(id, title) }
}
