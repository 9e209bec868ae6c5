import Foundation
import Synchronization
import Wire

extension IMTMock {
    /// `POST sessions/`: 201 and a session cookie (128 random bits as 32 hex digits) for a known user
    /// and password, 401 otherwise. The resource's `id` is not read: seed 000's own request body
    /// sends `"id": "string"` (IMT-SESS-008), so any id, or none, opens the session.
    func openSession(_ request: MockRequest) -> MockResponse {
        if let rejected = rejectUnknownParameters(request, allowed: []) { return rejected }
        let document: JSONValue
        switch readDocument(request) {
        case .success(let d): document = d
        case .failure(let error): return refused(error, request, type: SessionRequest.type)
        }
        let credentials: SessionRequest
        do {
            credentials = try SessionRequest(document: document)
        } catch {
            return refused(error, request, type: SessionRequest.type)
        }
        // 128 random bits whoever runs the mock: a client cannot guess another's session, and no
        // output shows it (journals redact the cookie), so a scenario stays the same without a derived id.
        let fresh = MockIDs.secret()
        let token: String? = store.withLock { store in
            guard store.users[credentials.username] == credentials.password else { return nil }
            store.sessions[fresh] = Session(username: credentials.username)
            return fresh
        }
        guard let token else {
            return .error(
                JSONAPIError(
                    status: 401, code: "invalid-credentials", title: "Invalid credentials",
                    detail: "unknown username or wrong password", source: .pointer("/data/attributes"))
            ).missing(userMiss(credentials))
        }
        let body = JSONValue.object([
            "data": .object([
                "type": .string(SessionRequest.type),
                "id": .string(credentials.username),
                "attributes": .object(["username": .string(credentials.username)]),
            ])
        ])
        return .jsonAPI(201, body, headers: [("Set-Cookie", "\(Self.sessionCookie)=\(token); Path=/; HttpOnly")])
    }

    /// `DELETE sessions/{username}`: closes the session of the cookie; 204.
    func closeSession(_ request: MockRequest, username: String) -> MockResponse {
        if let rejected = rejectUnknownParameters(request, allowed: []) { return rejected }
        guard let (token, owner) = authenticatedSession(request) else { return notAuthenticated() }
        guard owner == username else {
            return .error(
                JSONAPIError(
                    status: 404, code: "session-not-found", title: "No such session",
                    detail: "the session of this cookie does not belong to \(username)"))
        }
        store.withLock { $0.sessions[token] = nil }
        return MockResponse(status: 204)
    }

    /// The username of the live session named by the request's cookie; counts the request against
    /// the session's limit, expiring the session past it.
    func authenticatedUser(_ request: MockRequest) -> String? {
        authenticatedSession(request)?.username
    }

    private func authenticatedSession(_ request: MockRequest) -> (token: String, username: String)? {
        guard let token = sessionToken(request) else { return nil }
        let limit = faults.sessionLimit
        return store.withLock { store in
            // One lookup: the session is counted in place.
            guard let index = store.sessions.index(forKey: token) else { return nil }
            store.sessions.values[index].requests += 1
            let session = store.sessions.values[index]
            if let limit, session.requests > limit {
                store.sessions.remove(at: index)
                return nil
            }
            return (token, session.username)
        }
    }

    /// The value of the session cookie in the request's `Cookie` header (`a=1; sessionid=TOKEN`).
    func sessionToken(_ request: MockRequest) -> String? {
        guard let cookies = request.header("Cookie") else { return nil }
        // Split byte by byte: this runs for every authenticated request.
        for pair in cookies.utf8.split(separator: UInt8(ascii: ";")) {
            guard let equals = pair.firstIndex(of: UInt8(ascii: "=")),
                Substring(pair[..<equals]).trimmingSpaces == Self.sessionCookie
            else { continue }
            return String(Substring(pair[pair.index(after: equals)...]).trimmingSpaces)
        }
        return nil
    }

    func notAuthenticated() -> MockResponse {
        .error(
            JSONAPIError(
                status: 401, code: "not-authenticated", title: "Not authenticated",
                detail: "a live \(Self.sessionCookie) cookie from POST sessions/ is required", source: .header("Cookie")))
    }
}
