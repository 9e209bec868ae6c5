public import Transport

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

    /// Resolves the service's connection, opens a session, runs `call` in it and closes the session,
    /// also when `call` fails. Nothing is retried.
    public static func perform(
        _ service: IMTService, account: String, invoiceTypeID: String?, settings: AdvancedSettings,
        routing: EnvironmentRouting, client: HTTPClient, call: (IMTSession) async -> Result<Value, IMTFailure>
    ) async -> IMTCallResult {
        let environment: Int
        let connection: IMTConnection
        do {
            environment = try routing.environment(for: invoiceTypeID, settings: settings)
            connection = try IMTConnection(service, settings: settings, environment: environment, client: client)
        } catch {
            let failure = IMTFailure(stage: .configuration, kind: .configuration, message: error.description)
            return IMTCallResult(service: service, account: account, environment: nil, outcome: .failure(failure), closing: nil)
        }
        switch await IMTSession.with(connection, call) {
        case .success(let (outcome, closing)):
            return IMTCallResult(service: service, account: account, environment: environment, outcome: outcome, closing: closing)
        case .failure(let failure):
            return IMTCallResult(
                service: service, account: account, environment: environment, outcome: .failure(failure), closing: nil)
        }
    }
}
