import Synchronization
public import Wire

/// A failure a mock partner injects instead of answering normally.
///
/// A fault applies to a route (`"GET /payments-due/"`: method and path relative
/// to the partner's base URL, trailing slash optional), for the next `times`
/// matching requests or, when `times` is nil, always.
public struct Fault: Sendable, Hashable {
    public var method: String
    public var path: String
    /// The status the mock answers with, with a JSON:API error document.
    public var status: Int
    public var times: Int?

    public init(method: String, path: String, status: Int, times: Int? = nil) {
        self.method = method.uppercased()
        self.path = Self.normalized(path)
        self.status = status
        self.times = times
    }

    /// Parses a route such as `"GET /payments-due/"`; nil when it is not `METHOD /path`.
    public init?(route: String, status: Int, times: Int?) {
        let parts = route.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, parts[1].hasPrefix("/"), parts[0].allSatisfy(\.isLetter) else { return nil }
        self.init(method: String(parts[0]), path: String(parts[1]), status: status, times: times)
    }

    public var route: String { "\(method) \(path)" }

    func matches(method: String, relativePath: String) -> Bool {
        method == self.method && Self.normalized(relativePath) == path
    }

    static func normalized(_ path: String) -> String {
        path.hasSuffix("/") ? path : path + "/"
    }
}

/// The faults of one mock, consumed as requests match them.
public final class FaultBook: Sendable {
    private let faults: Mutex<[Fault]>

    public init(_ faults: [Fault] = []) { self.faults = Mutex(faults) }

    /// The response of the first fault matching the request, counting it once.
    func response(method: String, relativePath: String) -> MockResponse? {
        let fault: Fault? = faults.withLock { list in
            guard let i = list.firstIndex(where: { $0.matches(method: method, relativePath: relativePath) }) else {
                return nil
            }
            let found = list[i]
            if let times = found.times {
                if times <= 1 { list.remove(at: i) } else { list[i].times = times - 1 }
            }
            return found
        }
        guard let fault else { return nil }
        return .error(
            JSONAPIError(
                status: fault.status, code: "injected-fault", title: "Injected fault",
                detail: "the scenario made \(fault.route) answer \(fault.status)"))
    }
}
