public import Transport

/// What every IC call to IMT needs: the biller's advanced settings, the routing of invoice
/// types to IMT instances, and the HTTP client. The flows (`RTDR`, `DataPump`, `PDFLinking`) hold one.
public struct IMTCaller: Sendable {
    public var settings: AdvancedSettings
    public var routing: EnvironmentRouting
    public var client: HTTPClient

    public init(settings: AdvancedSettings, routing: EnvironmentRouting = .init(), client: HTTPClient) {
        self.settings = settings
        self.routing = routing
        self.client = client
    }

    /// Resolves the service's connection, opens a session, runs `body` in it and closes the session,
    /// also when `body` fails. Nothing is retried.
    public func call<Value>(
        _ service: IMTService, account: String, invoiceTypeID: String?,
        _ body: (IMTSession) async -> Result<Value, IMTFailure>
    ) async -> IMTCallResult<Value> {
        let environment: Int
        let connection: IMTConnection
        do {
            environment = try routing.environment(for: invoiceTypeID, settings: settings)
            connection = try IMTConnection(service, settings: settings, environment: environment, client: client)
        } catch {
            let failure = IMTFailure(stage: .configuration, kind: .configuration, message: error.description)
            return IMTCallResult(service: service, account: account, environment: nil, outcome: .failure(failure), closing: nil)
        }
        switch await IMTSession.with(connection, body) {
        case .success(let (outcome, closing)):
            return IMTCallResult(service: service, account: account, environment: environment, outcome: outcome, closing: closing)
        case .failure(let failure):
            return IMTCallResult(
                service: service, account: account, environment: environment, outcome: .failure(failure), closing: nil)
        }
    }
}
