import Wire

/// The near misses of a run's journal as a failure's text: one line per request that matched no
/// route or state entry, naming the closest one and how the request differs.
///
/// ```text
/// the mock IMT matched no route for GET /webpayments/3401/api/payment-due/: closest GET /webpayments/3401/api/payments-due/ (path segment 'payment-due' vs 'payments-due')
/// ```
struct NearMissSummary {
    /// The most near misses listed; the rest are counted.
    static let limit = 10

    let lines: [String]

    /// The near misses of `journal` (the journal's JSON, secrets already redacted), in journal order.
    init(journal: JSONValue) {
        lines = (journal.arrayValue ?? []).compactMap(Self.line)
    }

    /// The failure block, or nil when the journal has no near miss.
    var text: String? {
        guard !lines.isEmpty else { return nil }
        let shown = lines.prefix(Self.limit)
        let more = lines.count > Self.limit ? ["and \(lines.count - Self.limit) more near misses in the journal"] : []
        return (shown + more).joined(separator: "\n")
    }

    static func line(_ entry: JSONValue) -> String? {
        guard let miss = entry["near_miss"], let members = miss.objectValue,
            let closest = members.first(where: { $0.key != "differences" })
        else { return nil }
        let partner = entry["partner"]?.stringValue ?? "?"
        let mock =
            switch partner {
            case "imt": "the mock IMT"
            case "ic": "the mock IC"
            default: "the mock \(partner)"
            }
        let method = entry["request"]?["method"]?.stringValue ?? "?"
        let path = entry["request"]?["path"]?.stringValue ?? "?"
        let kind = closest.key
        let named = closest.value.stringValue ?? "?"
        let found = miss["differences"]?.arrayValue ?? []
        let differences = found.map(Self.difference)
        let how = differences.isEmpty ? "" : " (" + differences.joined(separator: ", ") + ")"
        guard kind == "route" else { return "\(mock) matched no \(kind) for \(method) \(path): closest \(kind) \(named)\(how)" }
        // A route whose method and path the request had, refused at its contract (a header, a body field).
        let reachedRoute = !found.contains { ["method", "path", "query"].contains($0["in"]?.stringValue ?? "") }
        if reachedRoute { return "\(mock) refused \(method) \(path) at its route \(named)\(how)" }
        return "\(mock) matched no route for \(method) \(path): closest \(named)\(how)"
    }

    static func difference(_ difference: JSONValue) -> String {
        let part = difference["in"]?.stringValue ?? "?"
        let name = difference["name"]?.stringValue
        let expected = difference["expected"]?.stringValue
        let actual = difference["actual"]?.stringValue
        let what: String =
            switch part {
            case "method": "method"
            case "path": name ?? ((expected ?? actual ?? "").contains("/") ? "path" : "path segment")
            case "query": "query parameter \(name ?? "?")"
            case "header": "header \(name ?? "?")"
            default: "body field \(name ?? "?")"
            }
        if difference["hidden"]?.boolValue == true { return "\(what) differs (a secret, not shown)" }
        switch (actual, expected) {
        case (let actual?, let expected?): return "\(what) '\(actual)' vs '\(expected)'"
        case (nil, let expected?): return "\(what) missing" + (expected.isEmpty ? "" : " (expected '\(expected)')")
        case (let actual?, nil): return "\(what) '\(actual)' not expected"
        case (nil, nil): return "\(what) differs"
        }
    }
}
