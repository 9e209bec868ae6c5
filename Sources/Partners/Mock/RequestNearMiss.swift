public import Wire

/// What a request that matched no route or state entry came closest to, and how it differs: the journal's `near_miss`.
///
/// ```json
/// "near_miss": {"route": "GET /webpayments/3401/api/payments-due/",
///               "differences": [{"in": "path", "expected": "payments-due", "actual": "payment-due"}]}
/// ```
///
/// The closest entry is a route (`route`) or a state entry by its key (`policy`, `user`, `bill`,
/// `biller`). A secret (a password, a web service key) is only said to differ, never shown.
public struct RequestNearMiss: Sendable, Hashable {
    /// What kind of thing is closest: `route`, `policy`, `user`, `bill`, `biller`.
    public var kind: String
    /// The closest route (`GET /webpayments/3401/api/payments-due/`) or state key (`20240903`).
    public var closest: String
    /// How the request differs from it, in the order the request is read: method, path, query, headers, body.
    public var differences: [Difference]

    public init(kind: String, closest: String, differences: [Difference]) {
        self.kind = kind
        self.closest = closest
        self.differences = differences
    }

    /// The kind of a near miss whose closest entry is a route.
    public static let routeKind = "route"

    /// A request that reached a route but broke its contract (a header, a body field): the dispatcher
    /// names the route (`MockResponse.naming(route:)`).
    public static func matchedRoute(_ differences: [Difference]) -> RequestNearMiss {
        RequestNearMiss(kind: routeKind, closest: "", differences: differences)
    }

    /// One way the request differs from the closest entry.
    public struct Difference: Sendable, Hashable {
        /// The part of the request that differs.
        public enum Part: String, Sendable {
            case method, path, query, header, body
        }

        public var part: Part
        /// The query parameter, header or body field (`data.type`); nil for the method and a path segment.
        public var name: String?
        /// What the closest entry has; nil when it has nothing there.
        public var expected: String?
        /// What the request sent; nil when it sent nothing there.
        public var actual: String?
        /// A secret differs: neither value is kept (`"hidden": true` in the journal).
        public var secret: Bool

        /// A difference of plain values, each cut to `RequestNearMiss.valueLimit` characters.
        public init(_ part: Part, _ name: String? = nil, expected: String?, actual: String?) {
            self.part = part
            self.name = name
            self.expected = expected.map(RequestNearMiss.cut)
            self.actual = actual.map(RequestNearMiss.cut)
            self.secret = false
        }

        /// A secret that differs: neither value is kept.
        public static func secret(_ part: Part, _ name: String) -> Difference {
            var difference = Difference(part, name, expected: nil, actual: nil)
            difference.secret = true
            return difference
        }

        var json: JSONValue {
            var members: [JSONValue.Member] = [.init("in", .string(part.rawValue))]
            if let name { members.append(.init("name", .string(name))) }
            if secret {
                members.append(.init("hidden", true))
            } else {
                members.append(.init("expected", expected.map(JSONValue.string) ?? .null))
                members.append(.init("actual", actual.map(JSONValue.string) ?? .null))
            }
            return .object(members)
        }
    }

    /// The longest value a difference keeps; longer ones are cut and end in `…`.
    public static let valueLimit = 80

    static func cut(_ text: String) -> String {
        text.count <= valueLimit ? text : String(text.prefix(valueLimit)) + "…"
    }

    /// The journal's `near_miss` member.
    public var json: JSONValue {
        .object([
            .init(kind, .string(closest)),
            .init("differences", .array(differences.map(\.json))),
        ])
    }
}
