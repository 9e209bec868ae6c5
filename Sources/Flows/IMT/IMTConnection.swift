public import Transport

/// Where and as whom IC reaches one IMT service: the sessions URL (setting 88), the
/// service's data API URL, username and password.
public struct IMTConnection: Sendable {
    /// The `sessions/` endpoint (setting 88), e.g. `https://auth.imtapps.com/3401/api/sessions/`.
    public var sessionsURL: String
    /// The data API base, e.g. `https://webpayments.imtapps.com/3401/api/`.
    public var apiURL: String
    public var username: String
    public var password: String
    public var client: HTTPClient

    public init(sessionsURL: String, apiURL: String, username: String, password: String, client: HTTPClient) {
        self.sessionsURL = sessionsURL.hasSuffix("/") ? sessionsURL : sessionsURL + "/"
        self.apiURL = apiURL.hasSuffix("/") ? apiURL : apiURL + "/"
        self.username = username
        self.password = password
        self.client = client
    }

    /// Whether IC opens a session: false only for RTDR without settings 9 and 10.
    public var hasCredentials: Bool { !(username.isEmpty && password.isEmpty) }

    /// The connection the settings give `service` in `environment` (0 or 1).
    ///
    /// RTDR's username and password (9, 10) are "if Applicable" in seed 000: without both, RTDR
    /// calls without a session; one without the other is a settings error. Every other service
    /// needs its credentials.
    /// - Throws: the first problem of the settings, or a setting the service needs that is missing.
    public init(
        _ service: IMTService, settings: AdvancedSettings, environment: Int = 0, client: HTTPClient
    ) throws(SettingsError) {
        if let problem = settings.problems().first { throw problem }
        let ids = service.settingIDs
        let optional = service == .rtdr && (settings[ids.username] ?? "").isEmpty && (settings[ids.password] ?? "").isEmpty
        self.init(
            sessionsURL: optional
                ? ((try? settings.url(88, environment: environment, "")) ?? "")
                : try settings.url(88, environment: environment, "the authentication URL"),
            apiURL: try settings.url(ids.url, environment: environment, "the \(service.title) URL"),
            username: optional ? "" : try settings.required(ids.username, "the \(service.title) username"),
            password: optional ? "" : try settings.required(ids.password, "the \(service.title) password"),
            client: client)
    }
}
