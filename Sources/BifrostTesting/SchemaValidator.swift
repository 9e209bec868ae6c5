import Foundation
public import Wire

/// Checks JSON values against a JSON Schema of the subset `bifrost schema` writes: `type`, `enum`,
/// `pattern` (a string's, as an ECMA 262 regular expression, unanchored), `minimum` and `maximum`
/// (a number's, inclusive), `properties`, `required`, `additionalProperties` (false or a schema), `items` and `oneOf`.
///
/// Annotations (`$schema`, `title`, `description`) are ignored; any other keyword is a violation
/// of its own, so a schema that leaves the subset fails rather than passing unchecked.
public struct SchemaValidator: Sendable {
    /// The keywords checked.
    public static let keywords: Set<String> = [
        "type", "enum", "pattern", "minimum", "maximum", "properties", "required", "additionalProperties", "items", "oneOf",
    ]
    /// The keywords read and ignored.
    public static let annotations: Set<String> = ["$schema", "title", "description"]

    public let schema: JSONValue

    public init(schema: JSONValue) {
        self.schema = schema
    }

    /// Every violation, each as `path: problem` (`$.steps[0].rtdr: ...`); empty when `value` conforms.
    public func violations(of value: JSONValue) -> [String] {
        Self.check(value, against: schema, at: "$")
    }

    /// Every keyword of `schema` and the schemas inside it that is outside the subset, each as `path: keyword`.
    public static func unsupportedKeywords(in schema: JSONValue, at path: String = "$") -> [String] {
        guard let keywords = schema.objectValue else { return [] }
        var found: [String] = []
        for keyword in keywords {
            let inner = "\(path).\(keyword.key)"
            switch keyword.key {
            case "properties":
                for property in keyword.value.objectValue ?? [] {
                    found += unsupportedKeywords(in: property.value, at: "\(inner).\(property.key)")
                }
            case "items", "additionalProperties": found += unsupportedKeywords(in: keyword.value, at: inner)
            case "oneOf":
                for (index, alternative) in (keyword.value.arrayValue ?? []).enumerated() {
                    found += unsupportedKeywords(in: alternative, at: "\(inner)[\(index)]")
                }
            case let name where Self.keywords.contains(name) || annotations.contains(name): break
            default: found.append("\(path): \(keyword.key)")
            }
        }
        return found
    }

    private static func check(_ value: JSONValue, against schema: JSONValue, at path: String) -> [String] {
        guard let keywords = schema.objectValue else { return ["\(path): the schema is not an object"] }
        var found: [String] = []
        for keyword in keywords where !Self.keywords.contains(keyword.key) && !annotations.contains(keyword.key) {
            found.append("\(path): unsupported schema keyword \(keyword.key)")
        }
        if let type = schema["type"] {
            let names = type.arrayValue?.compactMap(\.stringValue) ?? type.stringValue.map { [$0] } ?? []
            guard names.contains(where: { Self.value(value, isOfType: $0) }) else {
                return found + ["\(path): \(value.typeName) is not of type \(names.joined(separator: " or "))"]
            }
        }
        if let allowed = schema["enum"]?.arrayValue, !allowed.contains(where: { Self.equal($0, value) }) {
            found.append("\(path): \(value.compactText) is not one of \(JSONValue.array(allowed).compactText)")
        }
        if let pattern = schema["pattern"]?.stringValue, case .string(let text) = value, !Self.text(text, matches: pattern) {
            found.append("\(path): \(value.compactText) does not match the pattern \(pattern)")
        }
        if case .number(let literal) = value, let number = Double(literal) {
            if let minimum = schema["minimum"].flatMap(Self.double), number < minimum {
                found.append("\(path): \(literal) is less than the minimum \(schema["minimum"]?.compactText ?? "")")
            }
            if let maximum = schema["maximum"].flatMap(Self.double), number > maximum {
                found.append("\(path): \(literal) is more than the maximum \(schema["maximum"]?.compactText ?? "")")
            }
        }
        if let members = value.objectValue { found += checkMembers(members, against: schema, at: path) }
        if let elements = value.arrayValue, let items = schema["items"] {
            for (index, element) in elements.enumerated() { found += check(element, against: items, at: "\(path)[\(index)]") }
        }
        if let alternatives = schema["oneOf"]?.arrayValue {
            let results = alternatives.map { check(value, against: $0, at: path) }
            let matching = results.count(where: \.isEmpty)
            if matching == 0 {
                // The alternative that came closest explains the refusal best.
                // An alternative of another type (a placeholder's string for a mapping) explains nothing.
                let sameType = results.filter { !($0.count == 1 && $0[0].contains(" is not of type ")) }
                // Problems are weighed without these summary lines, so a value wrapped in alternatives
                // (a placeholder's) weighs as much as the value alone.
                func weight(_ problems: [String]) -> Int { problems.count { !$0.contains(": matches none of the ") } }
                let closest = (sameType.isEmpty ? results : sameType).min { weight($0) < weight($1) } ?? []
                found.append("\(path): matches none of the \(alternatives.count) alternatives")
                found += closest
            } else if matching > 1 {
                found.append("\(path): matches \(matching) of the alternatives, not exactly one")
            }
        }
        return found
    }

    private static func checkMembers(_ members: [JSONValue.Member], against schema: JSONValue, at path: String) -> [String] {
        var found: [String] = []
        let properties = schema["properties"]?.objectValue ?? []
        for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
        where !members.contains(where: { $0.key == name }) {
            found.append("\(path): missing required member \(name)")
        }
        for member in members {
            let memberPath = "\(path).\(member.key)"
            if let property = properties.first(where: { $0.key == member.key }) {
                found += check(member.value, against: property.value, at: memberPath)
            } else if let additional = schema["additionalProperties"] {
                if additional == .bool(false) {
                    found.append("\(path): member \(member.key) is not allowed")
                } else if additional.objectValue != nil {
                    found += check(member.value, against: additional, at: memberPath)
                }
            }
        }
        return found
    }

    private static func value(_ value: JSONValue, isOfType type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array),
            ("object", .object):
            true
        case ("integer", .number(let literal)): Double(literal).map { $0.rounded() == $0 } ?? false
        default: false
        }
    }

    /// Whether `pattern` matches somewhere in `text`, as JSON Schema's `pattern` does; a pattern
    /// that does not compile matches nothing, so that it shows.
    private static func text(_ text: String, matches pattern: String) -> Bool {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return false }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// A JSON number's value.
    private static func double(_ value: JSONValue) -> Double? {
        if case .number(let literal) = value { return Double(literal) }
        return nil
    }

    /// JSON equality, numbers by value (`1.0` equals `1`).
    private static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if case .number(let x) = a, case .number(let y) = b { return Double(x) == Double(y) }
        return a == b
    }
}
