import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A loopback socket that accepts connections into its backlog and never answers: for timeouts.
///
/// Closed, its port is one nothing listens on (for a time): for refused connections.
public final class SilentListener: Sendable {
    /// Why the socket could not be made.
    public struct SocketError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    private let descriptor: Int32
    private let closed = Mutex(false)
    /// The loopback port the system gave the socket.
    public let port: Int

    /// Binds a loopback port the system picks and listens on it.
    public init() throws(SocketError) {
        #if canImport(Glibc)
            let stream = Int32(SOCK_STREAM.rawValue)
        #else
            let stream = SOCK_STREAM
        #endif
        let descriptor = socket(AF_INET, stream, 0)
        guard descriptor >= 0 else { throw Self.error("socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && listen(descriptor, 8) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard listening else {
            let error = Self.error("bind")
            _ = closeSocket(descriptor)
            throw error
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close() }

    /// Closes the socket: connections to its port are refused from now on. Calling it again does nothing.
    public func close() {
        let first = closed.withLock { closed in
            defer { closed = true }
            return !closed
        }
        if first { _ = closeSocket(descriptor) }
    }

    /// A loopback port nothing listens on.
    public static func closedPort() throws(SocketError) -> Int {
        let listener = try SilentListener()
        listener.close()
        return listener.port
    }

    private static func error(_ call: String) -> SocketError {
        SocketError(message: "cannot \(call) a loopback socket: \(String(cString: strerror(errno)))")
    }
}

/// `close(2)`: here, outside the class, whose `close()` would hide the C function's name.
private func closeSocket(_ descriptor: Int32) -> Int32 { close(descriptor) }
