/// An HTTP client on libcurl.
///
/// Each request runs on a thread of the blocking pool (`BlockingPool`), so a slow partner never
/// blocks Swift concurrency's cooperative threads, and parallel scenarios do not
/// starve each other or the in-process mocks. TLS verification is on unless turned off explicitly.
///
/// ```swift
/// let client = HTTPClient()
/// let response = try await client.send(ClientRequest(method: "GET", url: "http://127.0.0.1:8080/"))
/// ```
public struct HTTPClient: Sendable {
    /// Timeouts, TLS, client certificate, proxy and response size options.
    public struct Configuration: Sendable {
        public var connectTimeout: Duration
        /// The longest a whole exchange may take, connection included.
        public var totalTimeout: Duration
        public var verifyTLS: Bool
        /// A PEM bundle of trusted certificate authorities, instead of the system's.
        public var caFile: String?
        /// A PEM client certificate for mutual TLS, and its private key (nil: the key is in the certificate file).
        public var clientCertificate: String?
        public var clientKey: String?
        /// An HTTP proxy, e.g. `http://proxy.example:3128`; nil: libcurl's environment variables decide.
        public var proxy: String?
        /// The largest response body taken; a longer one ends the exchange with `responseTooLarge`. Nil: no limit.
        public var maximumResponseSize: Int?

        public init(
            connectTimeout: Duration = .seconds(5), totalTimeout: Duration = .seconds(30),
            verifyTLS: Bool = true, caFile: String? = nil
        ) {
            self.connectTimeout = connectTimeout
            self.totalTimeout = totalTimeout
            self.verifyTLS = verifyTLS
            self.caFile = caFile
        }
    }

    public var configuration: Configuration
    /// Told of every exchange once it ends (a journal, a recording); nil: none.
    public var observer: (any HTTPExchangeObserver)?

    public init(configuration: Configuration = .init(), observer: (any HTTPExchangeObserver)? = nil) {
        self.configuration = configuration
        self.observer = observer
    }

    /// The same client, its exchanges also told to `observer` (after the observer it has, if any).
    public func observed(by observer: any HTTPExchangeObserver) -> HTTPClient {
        HTTPClient(
            configuration: configuration, observer: self.observer.map { ObserverPair(first: $0, second: observer) } ?? observer)
    }

    /// Opens libcurl and runs its global init on the blocking pool now, rather than in the first
    /// transfer: `bifrost run` awaits it while the suite loads.
    public static func prepare() async { await BlockingPool.run { CurlEasy.load() } }

    /// Sends `request` once and returns the response, whatever its status.
    ///
    /// Nothing is ever retried, here or in libcurl: a POST or PATCH whose answer was lost
    /// may have been processed, and sending it again could post a payment twice.
    /// - Throws: `TransportError` when no HTTP response arrived.
    public func send(_ request: ClientRequest) async throws(TransportError) -> ClientResponse {
        let configuration = self.configuration
        let result = await BlockingPool.run { Self.transfer(request, configuration) }
        observer?.observe(request, result)
        return try result.get()
    }
}

extension HTTPClient {
    /// Sends `request` on the calling thread and blocks it until the exchange ends: only for a thread
    /// the caller owns or a pool's thread for blocking work (a mock's handler), never libdispatch's or the cooperative pool's.
    public func sendWaiting(_ request: ClientRequest) -> Result<ClientResponse, TransportError> {
        let result = Self.transfer(request, configuration)
        observer?.observe(request, result)
        return result
    }

    /// One libcurl transfer of `request`, blocking the calling thread.
    private static func transfer(
        _ request: ClientRequest, _ configuration: Configuration
    ) -> Result<ClientResponse, TransportError> {
        Result { () throws(TransportError) -> ClientResponse in
            let easy = try CurlEasy()
            try easy.prepare(request, configuration: configuration)
            return try easy.perform()
        }
    }
}

/// Two observers told of each exchange in turn.
private struct ObserverPair: HTTPExchangeObserver {
    let first: any HTTPExchangeObserver
    let second: any HTTPExchangeObserver

    func observe(_ request: ClientRequest, _ result: Result<ClientResponse, TransportError>) {
        first.observe(request, result)
        second.observe(request, result)
    }
}
