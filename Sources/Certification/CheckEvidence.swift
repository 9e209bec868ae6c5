import Support
public import Transport
import Wire

/// One exchange a check rests on, as a report shows it: redacted, its bodies cut to a readable length;
/// or, for a check of files, the findings in one file (`file:line:field: RULE-ID: message`).
///
/// Secrets go twice over: headers and JSON members named as secrets read `<redacted>` (`Redactor`),
/// and every value the run knows to be secret (the password, the session cookie) is replaced
/// wherever else it appears (`SecretScrubber`).
public struct CheckEvidence: Sendable, Hashable {
    /// What the exchange was for, e.g. `open a session`.
    public var label: String
    public var method: String
    public var url: String
    public var requestHeaders: [HTTPHeader]
    public var requestBody: String?
    /// The response's status, headers and body; nil when none came.
    public var status: Int?
    public var responseHeaders: [HTTPHeader]
    public var responseBody: String?
    /// Why no response came (`timeout: …`), when none did.
    public var transportError: String?
    /// How long the exchange took, in milliseconds, when a response came.
    public var milliseconds: Int?
    /// The findings shown when the evidence is a file's rather than an exchange (`method` is then empty).
    public var findings: [String] = []

    /// Whether this is an exchange (a request and its response) rather than a file's findings.
    public var isExchange: Bool { !method.isEmpty }

    /// The most characters of a body shown.
    public static let bodyLimit = 4096

    /// The findings in one file, e.g. labelled with the file's path.
    public init(label: String, findings: [String]) {
        self.label = label
        method = ""
        url = ""
        requestHeaders = []
        responseHeaders = []
        self.findings = findings
    }

    init(_ exchange: CertificationExchange, scrubber: SecretScrubber) {
        label = exchange.label
        method = exchange.request.method
        url = scrubber.scrub(exchange.request.url)
        requestHeaders = Self.redacted(exchange.request.headers, scrubber)
        requestBody = exchange.request.body.map { Self.shown($0, type: nil, scrubber) }
        switch exchange.result {
        case .success(let response):
            status = response.status
            responseHeaders = Self.redacted(response.headers, scrubber)
            responseBody = Self.shown(response.body, type: response.headers.first(named: "Content-Type"), scrubber)
            milliseconds = Int(
                response.timings.total.components.seconds * 1000 + response.timings.total.components.attoseconds
                    / 1_000_000_000_000_000)
        case .failure(let error):
            responseHeaders = []
            transportError = scrubber.scrub(error.description)
        }
    }

    static func redacted(_ headers: [HTTPHeader], _ scrubber: SecretScrubber) -> [HTTPHeader] {
        headers.map { header in
            HTTPHeader(header.name, Redactor.isSecret(name: header.name) ? Redactor.mark : scrubber.scrub(header.value))
        }
    }

    /// A body as text: JSON redacted and indented, a PDF or other binary as its size and first line, text cut at `bodyLimit`.
    static func shown(_ bytes: [UInt8], type: String?, _ scrubber: SecretScrubber) -> String {
        if bytes.isEmpty { return "" }
        if bytes.count <= 1 << 20, let value = try? JSONParser.parse(bytes) {
            return cut(scrubber.scrub(value).prettyText)
        }
        if bytes.starts(with: Array("%PDF-".utf8)) {
            let header = String(decoding: bytes.prefix { $0 != 0x0A && $0 != 0x0D }.prefix(16), as: UTF8.self)
            return "<\(bytes.count) bytes of PDF, \(header)>"
        }
        // A little more than is shown is scrubbed, so that a secret across the cut goes too.
        let head = Array(bytes.prefix(bodyLimit + 256))
        guard let text = decoded(head),
            !text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" })
        else {
            return "<\(bytes.count) bytes of binary data>"
        }
        let scrubbed = scrubber.scrub(text)
        guard bytes.count > bodyLimit || scrubbed.utf8.count > bodyLimit else { return scrubbed }
        return String(decoding: scrubbed.utf8.prefix(bodyLimit), as: UTF8.self) + "\n… (\(bytes.count) bytes in all)"
    }

    /// UTF-8 text, allowing a character cut at the end.
    static func decoded(_ bytes: [UInt8]) -> String? {
        for drop in 0...3 where drop < bytes.count || drop == 0 {
            if let text = String(validating: bytes.dropLast(drop), as: UTF8.self) { return text }
        }
        return nil
    }

    static func cut(_ text: String) -> String {
        guard text.utf8.count > bodyLimit else { return text }
        return String(decoding: text.utf8.prefix(bodyLimit), as: UTF8.self) + "\n… (\(text.utf8.count) characters in all)"
    }
}
