public import Transport

/// Where and as whom IC reaches IMT for RTDR: settings 88, 8, 9 and 10.
public struct IMTConnection: Sendable {
    /// The `sessions/` endpoint (setting 88), e.g. `https://auth.imtapps.com/3401/api/sessions/`.
    public var sessionsURL: String
    /// The data API base (setting 8), e.g. `https://webpayments.imtapps.com/3401/api/`.
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

    /// The connection the RTDR settings describe.
    public init(rtdr settings: AdvancedSettings, client: HTTPClient) throws(SettingsError) {
        self.init(
            sessionsURL: try settings.required(88, "the authentication URL"),
            apiURL: try settings.required(8, "the RTDR endpoint URL"),
            username: try settings.required(9, "the RTDR username"),
            password: try settings.required(10, "the RTDR password"),
            client: client)
    }
}
