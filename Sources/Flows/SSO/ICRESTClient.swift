import Foundation
public import Transport
public import Wire

/// IC's REST services as a partner portal calls them: JSON bodies and `Authorization: Basic` with
/// the biller's API key; and the pages a payer's browser opens, without the key.
public struct ICRESTClient: Sendable {
    /// How the API key is put in `Authorization: Basic` (clients differ; IC takes both).
    public enum KeyEncoding: String, Sendable, Hashable, CaseIterable {
        /// base64 of the key alone.
        case key
        /// base64 of `key:`, a user name with an empty password.
        case keyColon = "key-colon"
    }

    /// One answer: its status, its JSON document when it is one, and its text.
    public struct Answer: Sendable {
        public var status: Int
        public var json: JSONValue?
        public var text: String

        /// The first error of an `{"Errors": [...]}` document: its code and message.
        public var error: (code: String, message: String)? {
            guard let first = json?["Errors"]?.arrayValue?.first else { return nil }
            return (first["Code"]?.stringValue ?? "", first["Message"]?.stringValue ?? "")
        }
    }

    /// `http://host:port` of IC's REST services.
    public var origin: String
    public var apiKey: String
    public var encoding: KeyEncoding
    public var client: HTTPClient

    public init(origin: String, apiKey: String, encoding: KeyEncoding = .key, client: HTTPClient) {
        self.origin = origin
        self.apiKey = apiKey
        self.encoding = encoding
        self.client = client
    }

    var authorization: HTTPHeader {
        HTTPHeader("Authorization", "Basic " + Data((encoding == .key ? apiKey : apiKey + ":").utf8).base64EncodedString())
    }

    /// `GET origin/path?query` with the key.
    public func get(_ path: String, query: [(String, String)]) async -> Result<Answer, TransportError> {
        let target = origin + "/" + path + (query.isEmpty ? "" : "?" + SSOURL.query(query))
        return await send(
            ClientRequest(method: "GET", url: target, headers: [authorization, HTTPHeader("Accept", "application/json")]))
    }

    /// `POST origin/path` with the key and `body` as JSON.
    public func post(_ path: String, _ body: JSONValue) async -> Result<Answer, TransportError> {
        await send(
            ClientRequest(
                method: "POST", url: origin + "/" + path,
                headers: [
                    authorization, HTTPHeader("Content-Type", "application/json"), HTTPHeader("Accept", "application/json"),
                ],
                body: Array(body.compactText.utf8)))
    }

    /// `GET url` as the payer's browser opens it: no key.
    public func open(_ url: String) async -> Result<Answer, TransportError> {
        await send(ClientRequest(method: "GET", url: url, headers: [HTTPHeader("Accept", "text/html")]))
    }

    /// `POST url` of a form, as the payer's browser submits it: no key.
    public func submit(_ url: String, form: [(String, String)]) async -> Result<Answer, TransportError> {
        await send(
            ClientRequest(
                method: "POST", url: url, headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded")],
                body: Array(SSOURL.query(form).utf8)))
    }

    private func send(_ request: ClientRequest) async -> Result<Answer, TransportError> {
        do {
            let response = try await client.send(request)
            let type = response.headers.first(named: "Content-Type")?.lowercased() ?? ""
            let json = type.hasPrefix("application/json") ? try? JSONParser.parse(response.body) : nil
            return .success(Answer(status: response.status, json: json, text: String(decoding: response.body, as: UTF8.self)))
        } catch {
            return .failure(error)
        }
    }
}
