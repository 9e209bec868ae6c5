import Foundation
import Partners
import Support
import Transport
import Wire

/// `bifrost import har`: the exchanges a HAR 1.2 file captured with a partner become a scenario the
/// mock replays: a `replay:` step sending the captured requests, the mock's state and one-time
/// faults derived from the captured answers (as `record imt|ic` derive theirs), and the replay's
/// journal as golden; every entry it leaves out is named in the description.
///
/// Which entries are the partner's: those under `origin` when given, else those whose path is one
/// of the partner's (IMT: `…/<id>/api/…`; IC: `…/CloudInvoicing.asmx`). Their targets are put in the
/// mock's layout: IMT's `…/<id>/api/sessions…` under `/auth/<id>/api`, the rest of `…/<id>/api/…`
/// under `/webpayments/<id>/api`; IC's under `/portal/webservices/CloudInvoicing.asmx`.
public struct HARImporter: Sendable {
    /// What to import and where to write it.
    public struct Options: Sendable {
        public var file: String
        public var partner: Partner
        /// The partner's origin (`https://auth.partner.example`); nil: found by the paths.
        public var origins: [String] = []
        public var profile: Scenario.Profile?
        public var name: String
        public var output: String
        public var force = false

        public init(file: String, partner: Partner, output: String) {
            self.file = file
            self.partner = partner
            self.output = output
            let base = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            let name = String(base.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "-" })
            self.name = name.first.map { $0.isLetter || $0.isNumber } == true ? name : "imported-har"
        }
    }

    /// The partner a capture is imported for.
    public enum Partner: String, Sendable, CaseIterable {
        case imt, ic
    }

    /// One entry of the file, read.
    struct Entry {
        var index: Int
        var started: String?
        var method: String
        var url: String
        var headers: [HTTPHeader]
        var body: [UInt8]?
        var response: ClientResponse?
    }

    public var options: Options

    public init(_ options: Options) { self.options = options }

    /// Headers the replay never sends: the transfer's own, the captured session's, HTTP/2 pseudo-headers.
    static let droppedHeaders: Set<String> = [
        "host", "content-length", "connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer",
        "upgrade", "expect", "accept-encoding", "cookie", "authorization", "proxy-authorization",
    ]

    /// Reads the file and writes the suite; returns the scenario's description, line by line.
    /// - Throws: `RecordError`: an unreadable or malformed file, no exchange with the partner (exit 2),
    ///   a replay that does not pass (exit 1). Nothing is written then.
    public func importFile() async throws(RecordError) -> [String] {
        try RecordedSuite.checkOutput(options.output, force: options.force)
        try IMTRecorder.check(name: options.name)
        let entries = try await read()
        let (kept, partnerOrigins, notes) = partnerEntries(entries)
        guard !kept.isEmpty else {
            throw RecordError(
                "\(options.file) holds no exchange with the \(options.partner.rawValue) partner"
                    + (notes.isEmpty ? "" : ": " + notes.prefix(3).joined(separator: " ")), exitCode: 2)
        }
        let exchanges = kept.map { item in
            ExchangeLog.Exchange(
                request: ClientRequest(
                    method: item.entry.method, url: RecordingProxy.recordedOrigin + item.target, headers: item.entry.headers,
                    body: item.entry.body),
                result: .success(item.response))
        }
        let derived: PartnerDerivation
        switch options.partner {
        case .imt:
            let billerID =
                kept.lazy.compactMap { Self.billerID(inTarget: $0.target) }.first ?? IMTState().billerID
            derived = PartnerDerivation.imt(exchanges, origin: RecordingProxy.recordedOrigin, billerID: billerID, username: nil)
        case .ic:
            derived = PartnerDerivation.ic(exchanges, guid: nil)
        }
        let placeholder = derived.user?.secret ?? ""
        let scrubber = SecretScrubber(secrets: derived.secrets)
        let journal = Journal()
        var requests: [JSONValue] = []
        for item in kept {
            let body = item.entry.body.map { Self.placeholding(String(decoding: $0, as: UTF8.self), with: placeholder) }
            let headers = item.entry.headers.filter {
                !Self.droppedHeaders.contains($0.name.lowercased()) && !$0.name.hasPrefix(":")
            }
            var request: [JSONValue.Member] = [
                .init("method", .string(item.entry.method)), .init("target", .string(item.target)),
            ]
            if !headers.isEmpty {
                request.append(.init("headers", .object(headers.map { .init($0.name, .string($0.value)) })))
            }
            if let body, !body.isEmpty { request.append(.init("body", .string(body))) }
            requests.append(.object(request))
            let response = item.response
            journal.record(
                MockRequest(
                    method: item.entry.method, target: item.target, headers: item.entry.headers.map { ($0.name, $0.value) },
                    body: item.entry.body ?? []),
                MockResponse(status: response.status, headers: response.headers.map { ($0.name, $0.value) }, body: response.body),
                partner: options.partner.rawValue)
        }
        let recorded = scrubber.scrub(journal.json)
        let clock: ScenarioClock
        if let started = Self.clock(kept.first?.entry.started) { clock = started } else { clock = try IMTRecorder.now() }
        let file = (options.file as NSString).lastPathComponent
        let allNotes =
            [
                "Imported by bifrost import har from \(file): \(kept.count) of \(entries.count) entries, with the \(options.partner.rawValue) partner at \(partnerOrigins.sorted().joined(separator: ", "))."
            ]
            + derived.notes + notes
        let profile = options.profile ?? (options.partner == .imt ? .imtMipsApps : .imtSpectrum)
        let title = "Imported \(options.partner.rawValue) exchanges of \(file)"
        let yaml = { (description: String) in
            var lines = [
                "# Written by bifrost import har: the mock replays what the capture's partner answered.",
                "name: \(YAMLText.quoted(title))",
                "description: \(YAMLText.quoted(description))",
                "profile: \(profile.rawValue)",
                "clock: \(YAMLText.quoted(clock.text))",
                derived.yaml,
                "steps:",
                "  - replay:",
                "      partner: \(options.partner.rawValue)",
                "      requests:",
            ]
            lines += requests.map { "        - " + YAMLText.flow($0) }
            lines += ["expect:", "  golden: [journal, result]", ""]
            return lines.joined(separator: "\n")
        }
        let suite = RecordedSuite(output: options.output, name: options.name, force: options.force)
        return try await suite.write(
            .init(scenario: yaml, journal: recorded, expected: [.journal: recorded], notes: allNotes, secrets: derived.secrets)
        ).lines
    }

    /// An entry kept: its target in the mock's layout and its captured answer.
    typealias Kept = (entry: Entry, target: String, response: ClientResponse)

    /// The entries with the partner, the partner's origins, and a note for each entry left out.
    func partnerEntries(_ entries: [Entry]) -> (kept: [Kept], origins: Set<String>, notes: [String]) {
        var notes: [String] = []
        var kept: [Kept] = []
        let partnerOrigins =
            options.origins.isEmpty
            ? Set(entries.compactMap { mockTarget(of: $0.url) == nil ? nil : origin(of: $0.url) })
            : Set(options.origins.map(IMTRecorder.origin))
        for entry in entries {
            let label = "entry \(entry.index + 1) (\(entry.method) \(entry.url.prefix(120)))"
            guard partnerOrigins.contains(origin(of: entry.url)) else {
                notes.append("\(label): another origin than the partner's; left out.")
                continue
            }
            guard let target = mockTarget(of: entry.url) else {
                notes.append("\(label): not a call of the \(options.partner.rawValue) partner's API; left out.")
                continue
            }
            guard let response = entry.response else {
                notes.append("\(label): no answer was captured (an aborted or failed request); left out.")
                continue
            }
            if let body = entry.body, String(validating: body, as: UTF8.self) == nil {
                notes.append("\(label): its body is binary, which a scenario's replay cannot send; left out.")
                continue
            }
            kept.append((entry, target, response))
        }
        return (kept, partnerOrigins, notes)
    }

    /// A request body with its secret replaced by the mock's placeholder: a JSON:API session's
    /// `password` attribute (the document written compactly), a SOAP `WebServiceKey` element's text.
    static func placeholding(_ body: String, with placeholder: String) -> String {
        if let document = try? JSONParser.parse(body), let data = document["data"], let attributes = data["attributes"],
            attributes["password"] != nil
        {
            return document.setting(
                "data", to: data.setting("attributes", to: attributes.setting("password", to: .string(placeholder)))
            ).compactText
        }
        guard let range = body.range(of: #"<(\w+:)?WebServiceKey>[^<]*<"#, options: .regularExpression) else { return body }
        let element = body[range]
        guard let open = element.firstIndex(of: ">") else { return body }
        return body.replacingCharacters(in: body.index(after: open)..<body.index(before: range.upperBound), with: placeholder)
    }

    /// The entries of the file, in the order written.
    func read() async throws(RecordError) -> [Entry] {
        // A capture may be large: read on the blocking pool.
        let file = options.file
        let loaded = await BlockingPool.run { () -> Result<[UInt8], RecordError> in
            do {
                return .success(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
            } catch {
                return .failure(RecordError("\(file) cannot be read: \(error.localizedDescription)", exitCode: 2))
            }
        }
        let bytes = try loaded.get()
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw RecordError("\(options.file): not JSON, so not a HAR file: \(error)", exitCode: 2)
        }
        guard let entries = document["log"]?["entries"]?.arrayValue else {
            throw RecordError("\(options.file): not a HAR file (no log.entries list)", exitCode: 2)
        }
        var read: [Entry] = []
        for (index, entry) in entries.enumerated() {
            guard let request = entry["request"], let method = request["method"]?.stringValue,
                let url = request["url"]?.stringValue
            else {
                throw RecordError("\(options.file): entry \(index + 1) has no request method and url", exitCode: 2)
            }
            read.append(
                Entry(
                    index: index, started: entry["startedDateTime"]?.stringValue, method: method, url: url,
                    headers: Self.headers(request["headers"]), body: Self.requestBody(request["postData"]),
                    response: Self.response(entry["response"])))
        }
        return read
    }

    static func headers(_ list: JSONValue?) -> [HTTPHeader] {
        (list?.arrayValue ?? []).compactMap { header in
            guard let name = header["name"]?.stringValue, let value = header["value"]?.stringValue else { return nil }
            return HTTPHeader(name, value)
        }
    }

    /// `postData.text`, or its `params` as a form; nil without a body.
    static func requestBody(_ postData: JSONValue?) -> [UInt8]? {
        guard let postData else { return nil }
        if let text = postData["text"]?.stringValue { return Array(text.utf8) }
        let params = (postData["params"]?.arrayValue ?? []).compactMap { param -> String? in
            guard let name = param["name"]?.stringValue else { return nil }
            let value = param["value"]?.stringValue ?? ""
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
            return (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name) + "="
                + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)
        }
        return params.isEmpty ? nil : Array(params.joined(separator: "&").utf8)
    }

    /// The captured answer; nil for none (status 0: aborted, blocked, or failed).
    static func response(_ response: JSONValue?) -> ClientResponse? {
        guard let response, let status = response["status"].flatMap({ Int($0.compactText) }), status > 0 else { return nil }
        let content = response["content"]
        let text = content?["text"]?.stringValue ?? ""
        let body: [UInt8]
        if content?["encoding"]?.stringValue == "base64" {
            body = Data(base64Encoded: text, options: .ignoreUnknownCharacters).map(Array.init) ?? []
        } else {
            body = Array(text.utf8)
        }
        return ClientResponse(status: status, headers: headers(response["headers"]), body: body)
    }

    /// The clock of the scenario: the first exchange's start, in UTC to the second.
    static func clock(_ started: String?) -> ScenarioClock? {
        guard let started else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let plain = ISO8601DateFormatter()
        guard let date = formatter.date(from: started) ?? plain.date(from: started) else { return nil }
        let utc = ISO8601DateFormatter()
        utc.timeZone = TimeZone(identifier: "UTC")
        return ScenarioClock(utc.string(from: date))
    }

    func origin(of url: String) -> String { IMTRecorder.origin(url) }

    /// The target of `url` in the mock's layout, or nil when it is no call of the partner's API.
    func mockTarget(of url: String) -> String? {
        let target = ClientJournal.target(of: url)
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        let query = parts.count > 1 ? "?" + parts[1] : ""
        switch options.partner {
        case .ic:
            guard path.lowercased().hasSuffix("/cloudinvoicing.asmx") else { return nil }
            return ICMock.cloudInvoicingPath + query
        case .imt:
            let segments = path.split(separator: "/", omittingEmptySubsequences: false)
            guard let api = segments.firstIndex(of: "api"), api > 1, !segments[api - 1].isEmpty else { return nil }
            let id = segments[api - 1]
            let rest = segments[(api + 1)...].joined(separator: "/")
            let base = rest.hasPrefix("sessions") ? "/auth/\(id)/api/" : "/webpayments/\(id)/api/"
            return base + rest + query
        }
    }

    /// The biller id of a target in the mock's layout.
    static func billerID(inTarget target: String) -> String? {
        let segments = target.split(separator: "/")
        guard segments.count > 2, segments[2] == "api" else { return nil }
        return String(segments[1])
    }
}
