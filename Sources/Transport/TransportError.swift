/// A request that got no HTTP response, or a file transfer that did not complete:
/// the connection, TLS, the SSH login or host key, the remote side, or a timeout failed.
///
/// An HTTP error status is not a `TransportError`: it is a response.
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is; more codes may be added.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        let name: String
        public static let invalidURL = Code(name: "invalid-url")
        public static let connectionFailed = Code(name: "connection-failed")
        public static let timeout = Code(name: "timeout")
        public static let tls = Code(name: "tls")
        public static let malformedResponse = Code(name: "malformed-response")
        /// The server refused the login (SSH: the key was not accepted).
        public static let loginDenied = Code(name: "login-denied")
        /// The server's SSH host key is not the one pinned.
        public static let hostKeyMismatch = Code(name: "host-key-mismatch")
        /// Logged in, but the server refused an operation: a write, a rename, a missing folder.
        public static let remoteFailure = Code(name: "remote-failure")
        /// The response body went past the client's `maximumResponseSize`.
        public static let responseTooLarge = Code(name: "response-too-large")
        public static let other = Code(name: "other")
        public var description: String { name }
    }

    public var code: Code
    public var message: String
    /// libcurl's `CURLcode`, kept for diagnostics.
    public var curlCode: Int

    public var description: String { "\(code): \(message)" }
}
