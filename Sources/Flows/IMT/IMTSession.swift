import Foundation
public import Transport
public import Wire

/// An open IMT session: the cookies IMT set, sent with every later request.
///
/// Seed 000, "Data Flow": IC opens a session, makes its call, and closes the
/// session before finishing. `IMTSession.with` does exactly that, and closes the
/// session also when the call fails.
public struct IMTSession: Sendable {
    public let connection: IMTConnection
    let cookies: CookieJar

    /// Whether the session's closing succeeded, and why not.
    public enum Closing: Sendable, Hashable {
        case closed
        case failed(IMTFailure)
        /// No session was opened: the service has no credentials (settings 9 and 10 "if Applicable").
        case withoutSession
    }

    /// Opens a session, runs `body` in it and closes it whatever `body` returned. A connection
    /// without credentials opens none: `body` calls without a session cookie.
    /// - Returns: `body`'s value and how closing went; or the failure to open.
    public static func with<T: Sendable>(
        _ connection: IMTConnection, _ body: (IMTSession) async -> T
    ) async -> Result<(value: T, closing: Closing), IMTFailure> {
        guard connection.hasCredentials else {
            return .success((await body(IMTSession(connection: connection, cookies: CookieJar())), .withoutSession))
        }
        let session: IMTSession
        switch await open(connection) {
        case .success(let s): session = s
        case .failure(let failure): return .failure(failure)
        }
        let value = await body(session)
        let closing: Closing
        if let failure = await session.close() {
            closing = .failed(failure)
        } else {
            closing = .closed
        }
        return .success((value, closing))
    }

    /// `POST sessions/` with the username and password; the session cookie comes back.
    static func open(_ connection: IMTConnection) async -> Result<IMTSession, IMTFailure> {
        let document = SessionRequest(username: connection.username, password: connection.password).document
        let request = ClientRequest(
            method: "POST", url: connection.sessionsURL, headers: jsonAPIHeaders, body: Array(document.compactText.utf8))
        let response: ClientResponse
        do {
            response = try await connection.client.send(request)
        } catch {
            return .failure(.init(stage: .openSession, kind: .transport, message: error.description))
        }
        guard (200..<300).contains(response.status) else {
            let kind: IMTFailure.Kind = response.status == 401 || response.status == 403 ? .authentication : .httpStatus
            return .failure(.init(stage: .openSession, kind: kind, status: response.status, message: describe(response)))
        }
        let cookies = CookieJar()
        cookies.store(from: response.headers)
        guard !cookies.isEmpty else {
            return .failure(
                .init(
                    stage: .openSession, kind: .invalidResponse, status: response.status,
                    message: "the response set no session cookie"))
        }
        return .success(IMTSession(connection: connection, cookies: cookies))
    }

    /// `DELETE sessions/{username}` with the session cookie; nil when it succeeded.
    func close() async -> IMTFailure? {
        let request = ClientRequest(
            method: "DELETE", url: connection.sessionsURL + Self.pathSegment(connection.username), headers: headers())
        do {
            let response = try await connection.client.send(request)
            guard (200..<300).contains(response.status) else {
                return .init(stage: .closeSession, kind: .httpStatus, status: response.status, message: Self.describe(response))
            }
            return nil
        } catch {
            return .init(stage: .closeSession, kind: .transport, message: error.description)
        }
    }

    /// Sends one request of the flow in this session, the body as JSON:API.
    /// - Returns: a response with a 2xx status, or the failure: no response, or another status.
    public func send(
        _ stage: IMTFailure.Stage, method: String, path: String, document: JSONValue? = nil
    ) async -> Result<ClientResponse, IMTFailure> {
        let request = ClientRequest(
            method: method, url: connection.apiURL + path, headers: headers(), body: document.map { Array($0.compactText.utf8) })
        let response: ClientResponse
        do {
            response = try await connection.client.send(request)
        } catch {
            return .failure(.init(stage: stage, kind: .transport, message: error.description))
        }
        guard (200..<300).contains(response.status) else {
            return .failure(.init(stage: stage, kind: .httpStatus, status: response.status, message: Self.describe(response)))
        }
        return .success(response)
    }

    /// `text` percent-encoded as one path segment.
    static func pathSegment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? text
    }

    /// The JSON:API headers plus the session cookie.
    public func headers() -> [HTTPHeader] {
        Self.jsonAPIHeaders + (cookies.header.map { [$0] } ?? [])
    }

    /// IC sends the JSON:API media type as Accept and, on every call (the seed shows it on GET too), as Content-Type.
    static let jsonAPIHeaders = [
        HTTPHeader("Accept", JSONAPIMediaType.value), HTTPHeader("Content-Type", JSONAPIMediaType.value),
    ]

    /// A short account of an unsuccessful response: its JSON:API errors when it has some.
    static func describe(_ response: ClientResponse) -> String {
        if let document = try? JSONParser.parse(response.body), let errors = JSONAPIError.errors(in: document),
            !errors.isEmpty
        {
            return errors.map { "\($0.code): \($0.detail ?? $0.title)" }.joined(separator: "; ")
        }
        return "HTTP \(response.status) with \(response.body.count) bytes"
    }
}
