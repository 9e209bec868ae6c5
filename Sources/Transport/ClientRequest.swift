/// An HTTP header as sent or received, name case kept.
public struct HTTPHeader: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

extension [HTTPHeader] {
    /// The first value of the header named `name`, compared case-insensitively.
    public func first(named name: String) -> String? {
        first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Every value of the header named `name`, compared case-insensitively.
    public func all(named name: String) -> [String] {
        filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }
}

/// A request the client sends.
public struct ClientRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [HTTPHeader]
    public var body: [UInt8]?

    public init(method: String, url: String, headers: [HTTPHeader] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// A response the client received, with the time each phase took.
public struct ClientResponse: Sendable {
    public var status: Int
    public var headers: [HTTPHeader]
    public var body: [UInt8]
    public var timings: Timings

    /// A response from elsewhere than a transfer (a captured one, read from a HAR file): no timings.
    public init(status: Int, headers: [HTTPHeader], body: [UInt8], timings: Timings = .zero) {
        self.status = status
        self.headers = headers
        self.body = body
        self.timings = timings
    }

    /// Times from the start of the request to the end of each phase, as libcurl measures them.
    public struct Timings: Sendable, Hashable {
        public var nameLookup: Duration
        public var connect: Duration
        public var tlsHandshake: Duration
        public var firstByte: Duration
        public var total: Duration

        /// No time at all: a response that no transfer measured.
        public static let zero = Timings(nameLookup: .zero, connect: .zero, tlsHandshake: .zero, firstByte: .zero, total: .zero)
    }
}
