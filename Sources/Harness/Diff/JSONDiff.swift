import Foundation
public import Wire

/// Compares an actual JSON value with a golden one, structurally.
///
/// Object members compare by name whatever their order; arrays element by
/// element; numbers by decimal value. A golden string may be a placeholder:
/// - `"<any>"` matches any value;
/// - `"<timestamp>"` an ISO 8601 date-time with its zone (`Z` or `±hh:mm`);
/// - `"<uuid>"` a UUID in its 8-4-4-4-12 hex form;
/// - `"<redacted>"` only itself: the actual output must carry the redaction mark.
public enum JSONDiff {
    /// One difference, at a JSONPath such as `$.steps[0].balance`; nil where the value is absent.
    public struct Difference: Sendable, Hashable, CustomStringConvertible {
        public var path: String
        public var expected: JSONValue?
        public var actual: JSONValue?

        public var description: String {
            "\(path): expected \(expected?.compactText ?? "nothing"), got \(actual?.compactText ?? "nothing")"
        }
    }

    /// Every difference between `expected` (golden) and `actual`.
    public static func differences(expected: JSONValue, actual: JSONValue) -> [Difference] {
        var found: [Difference] = []
        var path = Path()
        compare(expected, actual, path: &path, into: &found)
        return found
    }

    /// `actual`, where a golden placeholder matched, shows that placeholder instead; objects follow the golden order.
    ///
    /// This is what `--update` writes (placeholders survive re-recording) and what a
    /// unified diff shows against the golden text (only real differences remain).
    public static func reconcile(expected: JSONValue?, actual: JSONValue) -> JSONValue {
        guard let expected else { return actual }
        if case .string(let placeholder) = expected, matchesPlaceholder(placeholder, actual) { return expected }
        switch (expected, actual) {
        case (.object(let golden), .object(let members)):
            let byName = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            var result: [JSONValue.Member] = golden.compactMap { member in
                byName[member.key].map { .init(member.key, reconcile(expected: member.value, actual: $0)) }
            }
            let goldenNames = Set(golden.map(\.key))
            result += members.filter { !goldenNames.contains($0.key) }
            return .object(result)
        case (.array(let golden), .array(let elements)):
            return .array(
                elements.enumerated().map { i, element in
                    reconcile(expected: i < golden.count ? golden[i] : nil, actual: element)
                })
        default:
            return actual
        }
    }

    /// Where the comparison stands, written out only for a difference: most values match.
    struct Path {
        enum Step {
            case key(String)
            case index(Int)
        }

        var steps: [Step] = []

        var text: String {
            steps.reduce(into: "$") { text, step in
                switch step {
                case .key(let key): text = JSONDiff.path(text, key: key)
                case .index(let index): text += "[\(index)]"
                }
            }
        }
    }

    static func compare(_ expected: JSONValue, _ actual: JSONValue, path: inout Path, into found: inout [Difference]) {
        func differ(_ expected: JSONValue?, _ actual: JSONValue?) {
            found.append(Difference(path: path.text, expected: expected, actual: actual))
        }
        func compare(_ expected: JSONValue, _ actual: JSONValue, at step: Path.Step) {
            path.steps.append(step)
            JSONDiff.compare(expected, actual, path: &path, into: &found)
            path.steps.removeLast()
        }
        func differ(at step: Path.Step, _ expected: JSONValue?, _ actual: JSONValue?) {
            path.steps.append(step)
            differ(expected, actual)
            path.steps.removeLast()
        }
        if case .string(let text) = expected, isPlaceholder(text) {
            if !matchesPlaceholder(text, actual) { differ(expected, actual) }
            return
        }
        switch (expected, actual) {
        case (.object(let golden), .object(let members)):
            // Members in the golden order, as `--update` writes them: compared pair by pair.
            if golden.count == members.count, zip(golden, members).allSatisfy({ $0.key == $1.key }) {
                for (g, a) in zip(golden, members) { compare(g.value, a.value, at: .key(g.key)) }
                return
            }
            let byName = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            for member in golden {
                if let value = byName[member.key] {
                    compare(member.value, value, at: .key(member.key))
                } else {
                    differ(at: .key(member.key), member.value, nil)
                }
            }
            let goldenNames = Set(golden.map(\.key))
            for member in members where !goldenNames.contains(member.key) { differ(at: .key(member.key), nil, member.value) }
        case (.array(let golden), .array(let elements)):
            for i in 0..<max(golden.count, elements.count) {
                switch (i < golden.count ? golden[i] : nil, i < elements.count ? elements[i] : nil) {
                case (let g?, let a?): compare(g, a, at: .index(i))
                case (let g, let a): differ(at: .index(i), g, a)
                }
            }
        case (.number(let a), .number(let b)):
            if a != b, Decimal(string: a) != Decimal(string: b) { differ(expected, actual) }
        default:
            if expected != actual { differ(expected, actual) }
        }
    }

    /// Whether a golden string is one of the placeholders; most strings do not even start like one.
    static func isPlaceholder(_ text: String) -> Bool { text.utf8.first == UInt8(ascii: "<") && placeholders.contains(text) }

    static let placeholders: Set<String> = ["<any>", "<timestamp>", "<uuid>"]

    static func matchesPlaceholder(_ placeholder: String, _ actual: JSONValue) -> Bool {
        switch placeholder {
        case "<any>": return true
        case "<timestamp>":
            guard let text = actual.stringValue else { return false }
            return DateTimeText.isISO8601(text)
        case "<uuid>":
            guard let text = actual.stringValue else { return false }
            return UUID(uuidString: text) != nil
        default: return false
        }
    }

    /// `$.name` for plain names, `$["odd name"]` otherwise.
    static func path(_ parent: String, key: String) -> String {
        let plain =
            !key.isEmpty
            && key.unicodeScalars.allSatisfy {
                CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-"
            }
        return plain ? "\(parent).\(key)" : "\(parent)[\(JSONValue.string(key).compactText)]"
    }
}
