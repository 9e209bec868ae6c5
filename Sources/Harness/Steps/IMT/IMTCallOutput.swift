public import Flows
import Wire

/// An IMT call's result as `result.json` shows it: the step, account, environment (1 or 2,
/// when one was chosen), status, the success's details or the failure, and the session.
struct IMTCallOutput<Details: Encodable & Sendable>: Encodable, Sendable {
    var step: String
    var account: String
    var environment: Int?
    var details: Details?
    var failure: IMTFailure?
    var session: SessionOutput

    init<Value>(step: String, _ result: IMTCallResult<Value>, details: (Value) -> Details) {
        self.step = step
        account = result.account
        environment = result.environment.map { $0 + 1 }
        switch result.outcome {
        case .success(let value): self.details = details(value)
        case .failure(let failure): self.failure = failure
        }
        session = SessionOutput(result.closing)
    }

    enum CodingKeys: String, CodingKey { case step, account, environment, status, failure, session }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(step, forKey: .step)
        try container.encode(account, forKey: .account)
        try container.encodeIfPresent(environment, forKey: .environment)
        try container.encode(failure == nil ? "succeeded" : "failed", forKey: .status)
        try details?.encode(to: encoder)
        try container.encodeIfPresent(failure, forKey: .failure)
        try container.encode(session, forKey: .session)
    }
}

/// Whether a session was opened and closed, and why closing failed.
struct SessionOutput: Encodable, Sendable {
    var opened: Bool
    var closed: Bool
    var closeFailure: IMTFailure?

    init(_ closing: IMTSession.Closing?) {
        switch closing {
        case nil: (opened, closed) = (false, false)
        case .closed?: (opened, closed) = (true, true)
        case .failed(let failure)?: (opened, closed, closeFailure) = (true, false, failure)
        case .withoutSession?: (opened, closed) = (false, false)
        }
    }
}

extension IMTFailure: Encodable {
    enum CodingKeys: String, CodingKey { case stage, kind, httpStatus, message }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(stage.rawValue, forKey: .stage)
        try container.encode(kind.rawValue, forKey: .kind)
        try container.encodeIfPresent(status, forKey: .httpStatus)
        try container.encode(message, forKey: .message)
    }
}
