/// A step's result: what it did, or why it could not do it.
public enum StepOutcome<Success: Encodable & Sendable>: Encodable, Sendable {
    case done(Success)
    case failed(StepFailure)

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .done(let success): try success.encode(to: encoder)
        case .failed(let failure): try failure.encode(to: encoder)
        }
    }
}

/// The result of a step that could not do its work: `{"step", "status": "failed", "message"}`.
public struct StepFailure: Error, Encodable, Sendable, Hashable {
    public var step: String
    public var status = "failed"
    public var message: String

    public init(_ step: String, _ message: String) {
        self.step = step
        self.message = message
    }

    /// The same failure, named for `step`.
    public func named(_ step: String) -> StepFailure { StepFailure(step, message) }
}

/// The result of a step the scenario's profile does not have: `{"step": <flow>, "status": "refused", "message"}`.
struct StepRefusal: Encodable, Sendable {
    var step: String
    var status = "refused"
    var message: String
}
