import Partners
import Support
import Transport
import Wire

extension CheckEvidence {
    /// An exchange a partner's client had with a mock, redacted as every evidence is: secret headers,
    /// query parameters, JSON members and XML elements by name, and the run's known secrets wherever they appear.
    init(label: String, request: MockRequest, response: MockResponse?, scrubber: SecretScrubber) {
        self.init(label: label, findings: [])
        method = request.method
        let query = request.query.map { "\($0.name)=\(Redactor.isSecret(name: $0.name) ? Redactor.mark : $0.value)" }
        url = scrubber.scrub(request.path + (query.isEmpty ? "" : "?" + query.joined(separator: "&")))
        requestHeaders = Self.redacted(request.headers.map { HTTPHeader($0.name, $0.value) }, scrubber)
        requestBody = Self.shownRedactingXML(request.body, type: request.header("Content-Type"), scrubber)
        guard let response else {
            transportError = "the server stopped before answering"
            return
        }
        status = response.status
        responseHeaders = Self.redacted(response.headers.map { HTTPHeader($0.name, $0.value) }, scrubber)
        responseBody = Self.shownRedactingXML(response.body, type: response.header("Content-Type"), scrubber)
    }

    /// A body as `shown` gives it, XML first with its secret elements (`WebServiceKey`) redacted.
    static func shownRedactingXML(_ bytes: [UInt8], type: String?, _ scrubber: SecretScrubber) -> String {
        let isXML = type?.lowercased().contains("xml") == true || bytes.first == UInt8(ascii: "<")
        guard isXML, bytes.count <= 1 << 20, let text = String(validating: bytes, as: UTF8.self) else {
            return shown(bytes, type: type, scrubber)
        }
        return shown(Array(Redactor.redact(xml: text).utf8), type: type, scrubber)
    }
}
