public import Transport

/// What every IC call to IMT needs: the biller's advanced settings, the routing of invoice
/// types to IMT instances, and the HTTP client. The flows (`RTDR`, `DataPump`, `PDFLinking`) hold one.
public struct IMTCaller: Sendable {
    public var settings: AdvancedSettings
    public var routing: EnvironmentRouting
    public var client: HTTPClient
    /// Where each account was last answered from, shared by the copies of this caller.
    public var accounts: AccountEnvironments

    public init(
        settings: AdvancedSettings, routing: EnvironmentRouting = .init(), client: HTTPClient,
        accounts: AccountEnvironments = AccountEnvironments()
    ) {
        self.settings = settings
        self.routing = routing
        self.client = client
        self.accounts = accounts
    }

    /// Resolves the service's connection, opens a session, runs `body` in it and closes the session,
    /// also when `body` fails. Nothing is retried. Under `MULTIENVIRONMENT`, a call without an
    /// InvoiceTypeID goes where `account` was last answered from; a successful call records it.
    public func call<Value>(
        _ service: IMTService, account: String, invoiceTypeID: String?,
        _ body: (IMTSession) async -> Result<Value, IMTFailure>
    ) async -> IMTCallResult<Value> {
        let environment: Int
        let connection: IMTConnection
        do {
            environment = try routing.environment(
                for: invoiceTypeID, account: account, lastSeen: accounts.environment(of: account), settings: settings)
            connection = try IMTConnection(service, settings: settings, environment: environment, client: client)
        } catch {
            let failure = IMTFailure(stage: .configuration, kind: .configuration, message: error.description)
            return IMTCallResult(service: service, account: account, environment: nil, outcome: .failure(failure), closing: nil)
        }
        switch await IMTSession.with(connection, body) {
        case .success(let (outcome, closing)):
            if case .success = outcome, settings.isMultiEnvironment, !account.isEmpty {
                accounts.record(account, environment: environment)
            }
            return IMTCallResult(service: service, account: account, environment: environment, outcome: outcome, closing: closing)
        case .failure(let failure):
            return IMTCallResult(
                service: service, account: account, environment: environment, outcome: .failure(failure), closing: nil)
        }
    }
}
