/// One thing wrong with a BIF, at a line and, where it applies, a field.
public struct BIFFinding: Sendable, Hashable {
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public var rule: BIFRule
    public var severity: Severity
    /// 1-based line.
    public var line: Int
    /// 1-based field position, when the finding is about one field.
    public var field: Int?
    public var fieldName: String?
    public var expected: String?
    public var actual: String?
    public var message: String

    public init(
        rule: BIFRule, severity: Severity = .error, line: Int, field: Int? = nil, fieldName: String? = nil,
        expected: String? = nil, actual: String? = nil, message: String
    ) {
        (self.rule, self.severity, self.line, self.field, self.fieldName) = (rule, severity, line, field, fieldName)
        (self.expected, self.actual, self.message) = (expected, actual, message)
    }

    /// `file:line:field: RULE-ID: message`, the field left out when there is none.
    public func text(file: String) -> String {
        let position = field.map { "\(line):\($0)" } ?? "\(line)"
        let severityMark = severity == .warning ? "warning: " : ""
        return "\(file):\(position): \(rule.id): \(severityMark)\(message)"
    }

    /// The finding as a JSON object, for `--format json` and golden results.
    public var json: JSONValue {
        var members: [JSONValue.Member] = [
            .init("rule", .string(rule.id)), .init("severity", .string(severity.rawValue)),
            .init("line", .number(String(line))),
        ]
        if let field { members.append(.init("field", .number(String(field)))) }
        if let fieldName { members.append(.init("fieldName", .string(fieldName))) }
        if let expected { members.append(.init("expected", .string(expected))) }
        if let actual { members.append(.init("actual", .string(actual))) }
        members.append(.init("message", .string(message)))
        return .object(members)
    }
}
