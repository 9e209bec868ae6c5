/// A request that got no HTTP response: the connection, TLS or a timeout failed.
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
        public static let other = Code(name: "other")
        public var description: String { name }
    }

    public var code: Code
    public var message: String
    /// libcurl's `CURLcode`, kept for diagnostics.
    public var curlCode: Int

    public var description: String { "\(code): \(message)" }
}
