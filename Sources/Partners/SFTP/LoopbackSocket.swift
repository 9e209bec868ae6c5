import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A TCP socket bound to a loopback port the system picks.
///
/// Bound only, it holds a port free for a server that cannot bind port 0 itself (sshd:
/// it logs the port of its configuration, not the one it got). Listening, it accepts
/// connections into its backlog and never answers them.
public final class LoopbackSocket: Sendable {
    /// Why the socket could not be made.
    public struct SocketError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    private let descriptor: Int32
    private let closed = Mutex(false)
    /// The loopback port the system gave the socket.
    public let port: Int

    /// Whether something accepts TCP connections on loopback `port` now. Blocks for the
    /// connection attempt: call it from `BlockingPool`.
    public static func accepts(port: Int) -> Bool {
        let descriptor = streamSocket()
        guard descriptor >= 0 else { return false }
        defer { _ = closeDescriptor(descriptor) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// A new TCP socket, or -1.
    private static func streamSocket() -> Int32 {
        #if canImport(Glibc)
            socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            socket(AF_INET, SOCK_STREAM, 0)
        #endif
    }

    /// 127.0.0.1:`port`; port 0 for one the system picks.
    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return address
    }

    /// Binds a loopback port the system picks, and listens on it when `listening` is true.
    public init(listening: Bool) throws(SocketError) {
        let descriptor = Self.streamSocket()
        guard descriptor >= 0 else { throw Self.error("open") }
        var address = Self.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && (!listening || listen(descriptor, 8) == 0)
                    && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard bound else {
            let error = Self.error("bind")
            _ = closeDescriptor(descriptor)
            throw error
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close() }

    /// Closes the socket, freeing its port; calling it again does nothing.
    public func close() {
        let first = closed.withLock { closed in
            defer { closed = true }
            return !closed
        }
        if first { _ = closeDescriptor(descriptor) }
    }

    private static func error(_ verb: String) -> SocketError {
        SocketError(message: "cannot \(verb) a loopback socket: \(String(cString: strerror(errno)))")
    }
}

/// `close(2)`: here, outside the class, whose `close()` would hide the C function's name.
private func closeDescriptor(_ descriptor: Int32) -> Int32 { close(descriptor) }
