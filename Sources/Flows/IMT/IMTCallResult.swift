/// What one flow's call to an IMT service came to: a value or a typed failure, and how the session ended.
public struct IMTCallResult<Value: Sendable & Hashable>: Sendable, Hashable {
    public var service: IMTService
    public var account: String
    /// The IMT instance called: 0 the first, 1 the second (setting 81 `MULTIENVIRONMENT`); nil when none was chosen.
    public var environment: Int?
    public var outcome: Result<Value, IMTFailure>
    /// How closing the session went; nil when none was opened.
    public var closing: IMTSession.Closing?

    public init(
        service: IMTService, account: String, environment: Int?, outcome: Result<Value, IMTFailure>,
        closing: IMTSession.Closing?
    ) {
        self.service = service
        self.account = account
        self.environment = environment
        self.outcome = outcome
        self.closing = closing
    }
}
