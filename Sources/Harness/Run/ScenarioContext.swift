public import Flows
import Foundation
public import Partners
public import Transport
public import Wire

/// What a running scenario gives its steps: the mocks by name, the parsed clock, the IC-side
/// caller, the files, and the outputs collected so far.
public struct ScenarioContext: Sendable {
    /// A mock partner serving on loopback.
    public struct Endpoint<Mock: Sendable>: Sendable {
        public let mock: Mock
        /// `http://127.0.0.1:<port>`: the mock IMT's data API, or the mock IC.
        public let origin: String
        /// The mock IMT's auth API, on a host of its own (`http://localhost:<port>`); the mock IC's `origin`.
        public let authOrigin: String

        init(mock: Mock, origin: String, authOrigin: String? = nil) {
            self.mock = mock
            self.origin = origin
            self.authOrigin = authOrigin ?? origin
        }
    }

    public let scenario: Scenario
    public var clock: ScenarioClock { scenario.clock }
    /// Every exchange the mocks had.
    public let journal: Journal
    public let imt: Endpoint<IMTMock>?
    public let imt2: Endpoint<IMTMock>?
    public let ic: Endpoint<ICMock>?
    /// IC's calls to IMT, with the advanced settings pointing at the mocks.
    public let caller: IMTCaller
    public var client: HTTPClient { caller.client }
    /// The scenario's files and those the steps wrote so far, by name.
    public var files: [String: [UInt8]]
    /// The outputs compared with golden files that steps produce (a reconciliation report, BIFs written).
    public var outputs: [Scenario.GoldenOutput: OutputValue] = [:]
    /// The records the last `spectrum-poll` collected.
    public var collected: ICReportRecords?
    /// The OpenSSH server of a step that needs `.sshd`, for that step only.
    public internal(set) var sshd: OpenSSHServer?
    /// The temporary folder of a step that needs `.folder`, for that step only.
    public internal(set) var folder: String?
    /// The services under test (`services:`), running while the steps do.
    public internal(set) var services: [Service] = []
    /// The RemoteAuthenticationToken the last `sso-login` stored for the payer's session (a secret).
    public var remoteAuthenticationToken: String?
    /// With `tls: true`, the file holding the run's test CA certificate (PEM), which the mocks' certificate chains to.
    public internal(set) var caFile: String?
    /// Assertions that failed (a `verify` step's count): the scenario fails whatever its golden files say.
    public var failures: [String] = []
    /// Origins a step served for the run only (a postback listener), and the placeholder each reads in the outputs.
    public var servedOrigins: [String: String] = [:]

    /// A service under test that is ready, on its loopback port.
    public struct Service: Sendable {
        public let name: String
        public let port: Int
    }

    init(
        scenario: Scenario, journal: Journal, imt: Endpoint<IMTMock>?, imt2: Endpoint<IMTMock>?, ic: Endpoint<ICMock>?,
        caller: IMTCaller
    ) {
        self.scenario = scenario
        self.journal = journal
        self.imt = imt
        self.imt2 = imt2
        self.ic = ic
        self.caller = caller
        self.files = scenario.files.mapValues { Array($0.utf8) }
    }

    /// The mock IC's REST services for the scenario's biller: its origin and `portal.api_key`; nil without them.
    public func icREST(apiKey: String? = nil, encoding: ICRESTClient.KeyEncoding = .key) -> ICRESTClient? {
        guard let ic, let key = apiKey ?? scenario.ic?.portal.apiKey else { return nil }
        return ICRESTClient(origin: ic.origin, apiKey: key, encoding: encoding, client: client)
    }

    /// The SSO parameters IC checks: the `portal:` block's profile, else the scenario's.
    public var ssoProfile: SSOProfile {
        scenario.ic?.portal.profile ?? SSOProfile.named(scenario.profile.rawValue) ?? .aiMyMeter
    }

    /// Why a step that needs the mock IC cannot run.
    static let noBiller = "the scenario has no ic: block with a biller"

    /// The mock IC's CloudInvoicing endpoint and the biller a step names, or the `ic:` block's first.
    public func icService(billerGUID: String?, key: String?) -> (url: String, guid: String, key: String)? {
        guard let ic, let biller = scenario.ic?.billers.first else { return nil }
        return (ic.origin + ICMock.cloudInvoicingPath, billerGUID ?? biller.guid, key ?? biller.webServiceKey)
    }

    /// A file of the scenario as a BIF, or why it cannot be read.
    public func bif(_ name: String) -> Result<BIFFile, StepFailure> {
        Result { () throws(BIFReadError) -> BIFFile in try BIFFile.read(files[name] ?? []) }
            .mapError { StepFailure("", "\(name):\($0)") }
    }
}
