import Foundation
import Wire

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
        compare(expected, actual, path: "$", into: &found)
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

    static func compare(_ expected: JSONValue, _ actual: JSONValue, path: String, into found: inout [Difference]) {
        if case .string(let text) = expected, isPlaceholder(text) {
            if !matchesPlaceholder(text, actual) { found.append(Difference(path: path, expected: expected, actual: actual)) }
            return
        }
        switch (expected, actual) {
        case (.object(let golden), .object(let members)):
            let byName = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            for member in golden {
                let childPath = Self.path(path, key: member.key)
                if let value = byName[member.key] {
                    compare(member.value, value, path: childPath, into: &found)
                } else {
                    found.append(Difference(path: childPath, expected: member.value, actual: nil))
                }
            }
            let goldenNames = Set(golden.map(\.key))
            for member in members where !goldenNames.contains(member.key) {
                found.append(Difference(path: Self.path(path, key: member.key), expected: nil, actual: member.value))
            }
        case (.array(let golden), .array(let elements)):
            for i in 0..<max(golden.count, elements.count) {
                let childPath = "\(path)[\(i)]"
                switch (i < golden.count ? golden[i] : nil, i < elements.count ? elements[i] : nil) {
                case (let g?, let a?): compare(g, a, path: childPath, into: &found)
                case (let g, let a): found.append(Difference(path: childPath, expected: g, actual: a))
                }
            }
        case (.number(let a), .number(let b)):
            if a != b, Decimal(string: a) != Decimal(string: b) {
                found.append(Difference(path: path, expected: expected, actual: actual))
            }
        default:
            if expected != actual { found.append(Difference(path: path, expected: expected, actual: actual)) }
        }
    }

    static let placeholders: Set<String> = ["<any>", "<timestamp>", "<uuid>"]

    static func isPlaceholder(_ text: String) -> Bool { placeholders.contains(text) }

    static func matchesPlaceholder(_ placeholder: String, _ actual: JSONValue) -> Bool {
        switch placeholder {
        case "<any>": return true
        case "<timestamp>":
            guard let text = actual.stringValue else { return false }
            return text.range(
                of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#, options: .regularExpression) != nil
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
