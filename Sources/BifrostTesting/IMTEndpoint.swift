public import Flows
public import Partners
import Transport

/// A mock IMT served on loopback: the mock, its URLs, and the advanced settings that point IC at it.
public struct IMTEndpoint: Sendable {
    /// The mock being served, for its journal and state.
    public let mock: IMTMock
    /// The server: port, base URL, client.
    public let http: MockEndpoint

    public init(mock: IMTMock, http: MockEndpoint) {
        self.mock = mock
        self.http = http
    }

    /// The authentication API, without the slash at the end: `…/auth/3401/api`.
    public var authURL: String { http.url(mock.authPath) }
    /// The payments API, without the slash at the end: `…/webpayments/3401/api`.
    public var apiURL: String { http.url(mock.apiPath) }

    /// The advanced settings for this mock: 88, the sessions URL, and the URL, username and
    /// password of each of `services` (setting 8, 9 and 10 for RTDR), as the scenarios write them.
    public func settings(
        username: String = SampleState.username, password: String = SampleState.password,
        services: [IMTService] = [.rtdr]
    ) -> [Int: String] {
        var values = [88: authURL + "/sessions/"]
        for service in services {
            let ids = service.settingIDs
            values[ids.url] = apiURL + "/"
            values[ids.username] = username
            values[ids.password] = password
        }
        return values
    }

    /// A caller with `settings` and this endpoint's client, for the reference flows.
    public func caller(_ settings: [Int: String]) -> IMTCaller {
        IMTCaller(settings: AdvancedSettings(settings), client: http.client)
    }
}
