import Hummingbird

/// A route close to a request that matched none: what an error detail or a journal suggests instead.
public struct NearMiss: Sendable, Hashable, CustomStringConvertible {
    /// The route with its full path: `GET /webpayments/3401/api/payments-due/`.
    public let route: String
    public let contract: ContractEntry
    /// How far the request is from the route: 0 the same; each segment added, dropped or replaced
    /// counts up to 1 (a typo counts its share of the segment), another method or a missing query 0.5.
    public let distance: Double
    /// How the request differs from the route: method, path segments, a required query parameter.
    public let differences: [RequestNearMiss.Difference]

    public var description: String { route }

    /// The journal's account of the miss: the route and the differences.
    public var journal: RequestNearMiss {
        RequestNearMiss(kind: RequestNearMiss.routeKind, closest: route, differences: differences)
    }
}

extension RouteTable {
    /// How far a route may not be and still be suggested: less than one whole segment wrong.
    public static var nearMissLimit: Double { 1.0 }

    /// The most path segments compared: a longer request path is near no route.
    public static var segmentLimit: Int { 32 }

    /// The routes closest to a request, closest first (table order among equals), at most `limit`.
    ///
    /// - Parameters:
    ///   - path: the request's whole path, e.g. `/webpayments/3401/api/payment-due/`.
    ///   - query: the request's query, for a route that needs a parameter (`?wsdl`).
    ///   - bases: each base name of the table with its path (no trailing slash), e.g. `["data": "/webpayments/3401/api"]`.
    public func nearMisses(
        method: String, path: String, query: [(name: String, value: String)] = [], bases: [String: String], limit: Int = 3
    ) -> [NearMiss] {
        let request = path.split(separator: "/").map { Substring($0) }
        guard request.count <= Self.segmentLimit else { return [] }
        let method = method.uppercased()
        var scored: [(miss: NearMiss, order: Int)] = []
        for (order, route) in routes.enumerated() {
            guard let prefix = bases[route.base] else { continue }
            let base = prefix.split(separator: "/").map { RouterPathElementMatch.literal(Substring($0)) }
            var candidates = [base + route.pattern.map { RouterPathElementMatch.pattern($0) }]
            if let operation = route.operation { candidates.append(candidates[0] + [.literal(Substring(operation))]) }
            let scores = candidates.map { Self.distance(request, $0) }
            guard let best = scores.indices.min(by: { scores[$0] < scores[$1] }) else { continue }
            let queryMissing = !route.acceptsQuery(query)
            let distance = scores[best] + (route.method == method ? 0 : 0.5) + (queryMissing ? 0.5 : 0)
            guard distance < Self.nearMissLimit else { continue }
            let full = prefix + "/" + route.path
            let name = "\(route.method) \(full)" + (route.operation.map { " (SOAP operation \($0))" } ?? "")
            var differences: [RequestNearMiss.Difference] = []
            if route.method != method { differences.append(.init(.method, expected: route.method, actual: method)) }
            differences += Self.pathDifferences(request, candidates[best], path: path, routePath: full)
            if queryMissing, let required = route.query { differences.append(.init(.query, required, expected: "", actual: nil)) }
            if differences.isEmpty { differences.append(.init(.path, expected: full, actual: path)) }
            scored.append(
                (NearMiss(route: name, contract: route.contract, distance: distance, differences: differences), order))
        }
        scored.sort { ($0.miss.distance, $0.order) < ($1.miss.distance, $1.order) }
        return scored.prefix(max(limit, 0)).map(\.miss)
    }

    /// The segments that differ when the request has as many as the route; else the whole paths.
    static func pathDifferences(
        _ request: [Substring], _ route: [RouterPathElementMatch], path: String, routePath: String
    ) -> [RequestNearMiss.Difference] {
        guard request.count == route.count else { return [.init(.path, expected: routePath, actual: path)] }
        return zip(route, request).compactMap { element, segment in
            element.cost(segment) == 0 ? nil : .init(.path, expected: element.text, actual: String(segment))
        }
    }

    /// The edit distance between the request's segments and a route's: insertions and deletions cost 1,
    /// a replaced segment its share of characters that differ.
    static func distance(_ request: [Substring], _ route: [RouterPathElementMatch]) -> Double {
        var previous = (0...route.count).map(Double.init)
        for (i, segment) in request.enumerated() {
            var current = [Double(i + 1)] + Array(repeating: 0, count: route.count)
            for (j, element) in route.enumerated() {
                let replace = previous[j] + element.cost(segment)
                current[j + 1] = min(replace, previous[j + 1] + 1, current[j] + 1)
            }
            previous = current
        }
        return previous[route.count]
    }
}

/// One segment of a route's full path when comparing it with a request's.
enum RouterPathElementMatch {
    /// A segment of the base path.
    case literal(Substring)
    /// A segment of the route's pattern: a literal or a capture.
    case pattern(RouterPath.Element)

    /// The segment as the route spells it: `payments-due`, `{username}`.
    var text: String {
        switch self {
        case .literal(let text): String(text)
        case .pattern(let element): element.description
        }
    }

    /// 0 when `segment` matches, else the share of characters to change (at most 1).
    func cost(_ segment: Substring) -> Double {
        switch self {
        case .literal(let text): return Self.textCost(text, segment)
        case .pattern(let element):
            if element ~= segment { return 0 }
            return Self.textCost(Substring(element.description), segment)
        }
    }

    /// The characters of a segment compared; a longer one is compared on its start.
    static let lengthLimit = 64

    static func textCost(_ a: Substring, _ b: Substring) -> Double {
        if a == b { return 0 }
        let x = Array(a.utf8.prefix(lengthLimit))
        let y = Array(b.utf8.prefix(lengthLimit))
        if x == y { return 1 / Double(lengthLimit) }
        guard !x.isEmpty, !y.isEmpty else { return 1 }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = min(previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1), previous[j] + 1, current[j - 1] + 1)
            }
            previous = current
        }
        return min(1, Double(previous[y.count]) / Double(max(x.count, y.count)))
    }
}
