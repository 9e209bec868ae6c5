/// A mock's routes as data: dispatch, the methods a path allows, and which routes faults may name all read it.
///
/// ```swift
/// static let routes = RouteTable<IMTMock, Void>([
///     .init("POST", "sessions/", base: "auth", contract: .openAPI(operationID: "openSession")) { mock, request, _ in
///         mock.openSession(request)
///     },
/// ])
/// ```
///
/// A table is small (a dozen rows), so a lookup scans it in order; matching a row compares the
/// path's segments with the pattern's and allocates nothing but the captured parameters.
public struct RouteTable<Owner: Sendable, Payload: Sendable>: Sendable {
    public typealias Route = MockRoute<Owner, Payload>

    /// Every route, in the order the contract documents them.
    public let routes: [Route]

    public init(_ routes: [Route]) { self.routes = routes }

    /// What the table makes of a request relative to one base path.
    public enum Lookup: Sendable {
        /// The routes of this method and path: one, or the operations of a SOAP path.
        case found([Route], parameters: [String: String])
        /// The path exists, not with this method; `allow` lists the methods it has, in table order.
        case methodNotAllowed(allow: [String])
        case notFound
    }

    /// Finds the routes of `method` on `relativePath` (the part of the request's path after the base, e.g. `/sessions/`).
    public func lookup(
        method: String, base: String, relativePath: some StringProtocol, query: [(name: String, value: String)] = []
    ) -> Lookup {
        let segments = relativePath.split(separator: "/").map { Substring($0) }
        var found: [Route] = []
        var parameters: [String: String] = [:]
        var allow: [String] = []
        for route in routes where route.base == base {
            guard let captured = route.match(segments), route.acceptsQuery(query) else { continue }
            if route.method == method {
                if found.isEmpty { parameters = captured }
                found.append(route)
            } else if !allow.contains(route.method) {
                allow.append(route.method)
            }
        }
        if !found.isEmpty { return .found(found, parameters: parameters) }
        return allow.isEmpty ? .notFound : .methodNotAllowed(allow: allow)
    }

    /// The route of a SOAP path for the operation its envelope names, among those `lookup` found.
    public func route(_ found: [Route], operation: String) -> Route? {
        found.first { $0.operation == operation }
    }

    /// Every route as faults name them (`GET /payments-due/`), in table order.
    public var names: [String] { routes.map(\.name) }

    /// Whether a fault's method and path (relative to a base, trailing slash optional) name a route of the table.
    ///
    /// A concrete path matches a pattern (`/bills/20240903/` names `bills/{policy_number}/`); a SOAP
    /// route is named by its path followed by its operation.
    public func knows(method: String, path: String) -> Bool {
        let segments = path.split(separator: "/").map { Substring($0) }
        return routes.contains { route in
            guard route.method == method.uppercased() else { return false }
            guard let operation = route.operation else { return route.match(segments) != nil }
            return segments.last.map(String.init) == operation && route.match(Array(segments.dropLast())) != nil
        }
    }

    /// Whether `route` (`"POST /payments/"`) names a route of the table.
    public func knows(route: String) -> Bool {
        let parts = route.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, parts[1].hasPrefix("/") else { return false }
        return knows(method: String(parts[0]), path: String(parts[1]))
    }

    /// Whether the fault's route names a route of the table.
    public func knows(_ fault: Fault) -> Bool { knows(method: fault.method, path: fault.path) }
}
