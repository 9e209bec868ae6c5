public import Support
import Yams

/// The deviations a partner acknowledges (`--expected-failures FILE`): a failing check listed here is
/// reported with the partner's reason and does not fail the certification.
///
/// ```yaml
/// expected_failures:
///   - id: IMT-SESS-007
///     reason: "Sessions expire after 15 minutes rather than on DELETE; fix planned for release 4.2"
/// ```
public struct ExpectedFailures: Sendable, Hashable {
    /// Reasons by check id.
    public var reasons: [String: String]

    public init(reasons: [String: String] = [:]) { self.reasons = reasons }

    /// Reads the list; an id no check has, a missing reason or a repeated id is `file:line:column: message`.
    public static func load(file: String, knownIDs: Set<String>) throws(InputError) -> ExpectedFailures {
        try load(text: try InputError.text(ofFile: file), file: file, knownIDs: knownIDs)
    }

    public static func load(text: String, file: String, knownIDs: Set<String>) throws(InputError) -> ExpectedFailures {
        let reader = YAMLReader(file: file)
        let root = try reader.root(of: text)
        let top = try reader.mapping(
            root, what: "an expected-failures file", allowed: ["expected_failures"],
            required: ["expected_failures"])
        var reasons: [String: String] = [:]
        for node in try reader.sequence(reader.required("expected_failures", in: top, at: root), what: "expected_failures") {
            let fields = try reader.mapping(
                node, what: "an expected failure", allowed: ["id", "reason"], required: ["id", "reason"])
            let idNode = try reader.required("id", in: fields, at: node)
            let id = try reader.nonEmptyText(idNode, what: "id")
            guard knownIDs.contains(id) else {
                throw reader.error(
                    "no check has the id '\(id)'; known ids: \(knownIDs.sorted().joined(separator: ", "))", at: idNode)
            }
            guard reasons[id] == nil else { throw reader.error("'\(id)' is listed twice", at: idNode) }
            reasons[id] = try reader.nonEmptyText(reader.required("reason", in: fields, at: node), what: "reason")
        }
        return ExpectedFailures(reasons: reasons)
    }

    /// The results with each listed failure acknowledged, and each listed check that did not fail marked.
    public func apply(to results: [CheckResult]) -> [CheckResult] {
        results.map { result in
            guard let reason = reasons[result.check.id] else { return result }
            var result = result
            if result.verdict == .fail || result.verdict == .warn {
                result.acknowledged = reason
            } else if result.verdict == .pass {
                result.unexpectedPass = true
            }
            return result
        }
    }
}
