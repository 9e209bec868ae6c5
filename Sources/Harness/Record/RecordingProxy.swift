import Foundation
public import Partners
import Support
public import Transport
import Wire

/// A recording proxy for one partner: an endpoint whose core forwards each request, unchanged, to
/// the real partner under `base` and answers with the partner's answer. Each exchange is recorded
/// as the client saw it (the target it sent, the answer it got): in `journal` (secrets redacted, as
/// the mocks' journals are), and in a log held in memory only, from which the mock's state is derived.
///
/// `rewrites` send the targets under a prefix elsewhere (`/auth/3401/api` to
/// `https://auth.partner.example/3401/api`), for a partner whose APIs live on hosts of their own.
///
/// The request's target is appended to `base` as it arrived (undecoded); its headers go as they
/// came, but for the hop-by-hop ones, `Host` and `Content-Length` (the transfer sets its own) and
/// `Accept-Encoding` (a recording must read the answers, so it asks for them uncompressed). The
/// answer keeps its status, headers (hop-by-hop and framing ones aside; a cookie's `Domain` and
/// `Secure` attributes dropped, see `forProxy(setCookie:)`) and body. A partner that
/// does not answer gets the client a 502 in the partner's protocol (a JSON:API error document or
/// a SOAP Fault) naming the transport error.
///
/// The core blocks on the transfer (`HTTPClient.sendWaiting`), so the endpoint runs every request
/// on the handler pool, with a deadline a little past the client's own timeout.
public struct RecordingProxy: Sendable {
    /// The partner's URL the targets are appended to, without a trailing slash: `https://imt.example`.
    public let base: String
    /// Target prefixes forwarded to other bases, the longest first.
    public let rewrites: [(prefix: String, base: String)]
    /// The journal's `partner`: `imt` or `ic`.
    public let partner: String
    public let client: HTTPClient
    /// The exchanges, as the client saw them.
    public let journal: Journal
    let log = ExchangeLog()

    /// The origin the log's requests carry: their targets are the client's.
    static let recordedOrigin = "http://recorded.invalid"

    /// - Parameters:
    ///   - partner: `imt` or `ic`, for the journal.
    ///   - base: the real partner's origin, optionally with a path prefix.
    ///   - client: the forwarding client (timeouts, TLS, proxy).
    ///   - journal: where the exchanges go; several proxies may share one.
    public init(
        partner: String, base: String, rewrites: [(prefix: String, base: String)] = [], client: HTTPClient,
        journal: Journal = Journal()
    ) {
        self.partner = partner
        self.base = Self.trimmed(base)
        self.rewrites = rewrites.map { (Self.trimmed($0.prefix), Self.trimmed($0.base)) }.sorted { $0.0.count > $1.0.count }
        self.client = client
        self.journal = journal
    }

    private static func trimmed(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// The exchanges so far, in the order they ended.
    var exchanges: [ExchangeLog.Exchange] { log.exchanges }

    /// Request headers never forwarded, lower-cased.
    static let droppedRequestHeaders: Set<String> = [
        "host", "content-length", "connection", "keep-alive", "proxy-connection", "proxy-authorization", "te", "trailer",
        "transfer-encoding", "upgrade", "expect", "accept-encoding",
    ]
    /// Response headers never passed back, lower-cased: the server frames and dates its own answer.
    static let droppedResponseHeaders: Set<String> = [
        "content-length", "connection", "keep-alive", "transfer-encoding", "trailer", "upgrade", "date",
    ]

    /// The endpoint a `MockServer` serves: every request forwarded on the handler pool.
    public var endpoint: MockEndpoint {
        MockEndpoint(
            core: { [self] request in forward(request) },
            deadline: client.configuration.totalTimeout + .seconds(2)
        ).waiting(when: { _ in true })
    }

    /// The partner's URL for `request`.
    func url(of request: MockRequest) -> String {
        let target = Self.target(of: request)
        for rewrite in rewrites
        where target == rewrite.prefix || target.hasPrefix(rewrite.prefix + "/") || target.hasPrefix(rewrite.prefix + "?") {
            return rewrite.base + target.dropFirst(rewrite.prefix.count)
        }
        return base + target
    }

    /// The request's target as it arrived.
    static func target(of request: MockRequest) -> String {
        if let raw = request.rawTarget { return raw }
        let query = request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
        return request.path + (query.isEmpty ? "" : "?" + query)
    }

    /// Sends `request` to the partner, blocking the calling thread (a handler pool's), and answers with its answer.
    public func forward(_ request: MockRequest) -> MockResponse {
        let headers = request.headers.filter { !Self.droppedRequestHeaders.contains($0.name.lowercased()) }
            .map { HTTPHeader($0.name, $0.value) }
        let hasBody = !request.body.isEmpty || !["GET", "HEAD", "DELETE", "OPTIONS"].contains(request.method)
        let outgoing = ClientRequest(
            method: request.method, url: url(of: request), headers: headers, body: hasBody ? request.body : nil)
        let result = client.sendWaiting(outgoing)
        log.observe(
            ClientRequest(
                method: outgoing.method, url: Self.recordedOrigin + Self.target(of: request), headers: outgoing.headers,
                body: outgoing.body), result)
        switch result {
        case .success(let response):
            let answer = MockResponse(
                status: response.status,
                headers: response.headers.filter { !Self.droppedResponseHeaders.contains($0.name.lowercased()) }.map {
                    ($0.name, $0.name.lowercased() == "set-cookie" ? Self.forProxy(setCookie: $0.value) : $0.value)
                },
                body: response.body)
            journal.record(request, answer, partner: partner)
            return answer
        case .failure(let error):
            journal.record(request, unansweredBecause: error.description, partner: partner)
            return Self.unanswered(request, because: "\(RecordingProxy.origin(base)) did not answer: \(error)")
        }
    }

    /// A `Set-Cookie` value as the client of a loopback proxy keeps it: without `Domain` (the partner's
    /// host, which the proxy's is not) and `Secure` (the proxy speaks plain HTTP), else the client
    /// would drop the session cookie or never send it back. The recording keeps the partner's own.
    static func forProxy(setCookie value: String) -> String {
        value.split(separator: ";", omittingEmptySubsequences: false).enumerated().filter { index, attribute in
            let name = attribute.trimmingCharacters(in: .whitespaces).lowercased()
            return index == 0 || !(name == "secure" || name.hasPrefix("domain="))
        }.map { String($0.element) }.joined(separator: ";")
    }

    /// A 502 in the request's protocol: a SOAP Fault for a SOAP request, a JSON:API error document otherwise.
    static func unanswered(_ request: MockRequest, because reason: String) -> MockResponse {
        if let version = SOAPVersion.named(byContentType: request.header("Content-Type")) {
            return MockResponse(
                status: 502, headers: [("Content-Type", version.contentType)],
                body: SOAPFault(.receiver, reason).envelope(version))
        }
        return .error(JSONAPIError(status: 502, code: "bad-gateway", title: "The partner did not answer", detail: reason))
    }

    /// The mock's state derived from the exchanges so far, and the notes of what it cannot represent.
    func derivation() -> PartnerDerivation {
        if partner == "ic" { return PartnerDerivation.ic(exchanges, guid: nil) }
        let billerID =
            exchanges.lazy.compactMap { exchange -> String? in
                let segments = ClientJournal.target(of: exchange.request.url).split(separator: "/")
                guard let api = segments.firstIndex(of: "api"), api > 0 else { return nil }
                return String(segments[api - 1])
            }.first ?? IMTState().billerID
        return PartnerDerivation.imt(exchanges, origin: Self.recordedOrigin, billerID: billerID, username: nil)
    }

    /// Writes what was recorded into `folder` (`serve … --proxy-to URL --record DIR`): `<partner>.state.yaml`,
    /// the mock's state derived from the answers (a `--state` file, placeholder secrets), and
    /// `<partner>.journal.json`, the exchanges; secrets the requests carried appear in neither.
    /// Returns the files written and the notes of what the state cannot represent.
    public func writeRecording(to folder: String) throws -> [String] {
        let derived = derivation()
        let scrubber = SecretScrubber(secrets: derived.secrets)
        let state =
            "# Written by bifrost serve \(partner) --record: the mock's state derived from \(Self.origin(base))'s answers.\n"
            + derived.notes.map { "# " + $0.replacingOccurrences(of: "\n", with: " ") + "\n" }.joined() + derived.yaml + "\n"
        let files = [
            ("\(partner).state.yaml", scrubber.scrub(state)),
            ("\(partner).journal.json", scrubber.scrub(journal.json).prettyText),
        ]
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent(name), options: .atomic)
        }
        return files.map { (folder as NSString).appendingPathComponent($0.0) } + derived.notes
    }

    /// `scheme://host[:port]` of a URL.
    public static func origin(_ url: String) -> String { IMTRecorder.origin(url) }
}
