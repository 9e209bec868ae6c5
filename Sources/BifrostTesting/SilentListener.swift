public import Partners

/// A loopback socket that accepts connections into its backlog and never answers: for timeouts.
///
/// Closed, its port is one nothing listens on (for a time): for refused connections.
public final class SilentListener: Sendable {
    private let socket: LoopbackSocket

    /// Binds a loopback port the system picks and listens on it.
    public init() throws(LoopbackSocket.SocketError) {
        socket = try LoopbackSocket(listening: true)
    }

    /// The loopback port the system gave the socket.
    public var port: Int { socket.port }

    /// Closes the socket: connections to its port are refused from now on. Calling it again does nothing.
    public func close() { socket.close() }

    /// A loopback port nothing listens on.
    public static func closedPort() throws(LoopbackSocket.SocketError) -> Int {
        let listener = try SilentListener()
        listener.close()
        return listener.port
    }
}
