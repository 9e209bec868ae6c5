import Foundation
public import Yams

/// Reads a YAML document node by node, reporting every problem at its `file:line:column`.
public struct YAMLReader: Sendable {
    public let file: String

    public init(file: String) { self.file = file }

    /// Parses the text into its root node; YAML syntax errors carry their position.
    public func root(of text: String) throws(InputError) -> Node {
        do {
            // Every scalar is read as its text (`text(_:what:)`), so no tag is resolved by pattern:
            // the basic resolver spares a dozen regular expressions per key of every mapping.
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else {
                throw InputError(file: file, line: 1, column: 1, message: "the document is empty")
            }
            return node
        } catch let error as InputError {
            throw error
        } catch let error as YamlError {
            throw Self.namingTabs(convert(error), in: text)
        } catch {
            throw InputError(file: file, line: 1, column: 1, message: "\(error)")
        }
    }

    func convert(_ error: YamlError) -> InputError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return InputError(file: file, line: mark.line, column: mark.column, message: "YAML syntax error: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return InputError(
                file: file, line: context.mark.line, column: context.mark.column,
                message: "duplicate key \(duplicates.joined(separator: ", "))")
        case .reader(let problem, _, _, _):
            return InputError(file: file, line: 1, column: 1, message: "cannot read YAML: \(problem)")
        default:
            return InputError(file: file, line: 1, column: 1, message: "YAML error: \(error)")
        }
    }

    /// A state file's root: the document, or what its one key `wrapper` holds (`imt:` or `ic:`,
    /// as a scenario writes the block), so a block copied from a scenario loads as it is.
    public func stateRoot(of text: String, wrapper: String) throws(InputError) -> Node {
        let root = try root(of: text)
        guard let mapping = root.mapping, mapping.count == 1, let (key, value) = mapping.first, key.scalar?.string == wrapper
        else { return root }
        return value
    }

    /// YAML refuses tabs for indentation with "found character that cannot start any token":
    /// when a tab stands at the error's position, say so.
    static func namingTabs(_ error: InputError, in text: String) -> InputError {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard error.line >= 1, error.line <= lines.count else { return error }
        let line = lines[error.line - 1]
        let column = line.index(line.startIndex, offsetBy: max(0, error.column - 1), limitedBy: line.endIndex) ?? line.endIndex
        let indent = line.prefix { $0 == " " || $0 == "\t" }
        guard (column < line.endIndex && line[column] == "\t") || indent.contains("\t") else { return error }
        var named = error
        named.message = "a tab where YAML allows only spaces (YAML indents with spaces, never tabs)"
        return named
    }

    public func error(_ message: String, at node: Node) -> InputError {
        InputError(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1, message: message)
    }

    /// The members of a mapping, after checking every key is in `allowed` and every `required` key is there.
    public func mapping(
        _ node: Node, what: String, allowed: [String], required: [String] = []
    ) throws(InputError)
        -> [String: Node]
    {
        guard let mapping = node.mapping else { throw error("\(what) must be a mapping", at: node) }
        var members: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { throw error("\(what) has a key that is not a scalar", at: key) }
            guard allowed.contains(name) else {
                throw error("unknown key '\(name)' in \(what); expected one of: \(allowed.joined(separator: ", "))", at: key)
            }
            members[name] = value
        }
        for name in required where members[name] == nil {
            throw error("\(what) needs '\(name)'", at: node)
        }
        return members
    }

    /// The member `name` of the mapping at `node`: a missing one is an error at the mapping, never a crash,
    /// even where the mapping's schema already required it.
    public func required(_ name: String, in members: [String: Node], at node: Node) throws(InputError) -> Node {
        guard let member = members[name] else { throw error("missing '\(name)': this mapping needs it", at: node) }
        return member
    }

    /// The pairs of a mapping whose keys are free-form, in document order.
    public func pairs(_ node: Node, what: String) throws(InputError) -> [(key: Node, value: Node)] {
        guard let mapping = node.mapping else { throw error("\(what) must be a mapping", at: node) }
        return mapping.map { ($0.key, $0.value) }
    }

    public func sequence(_ node: Node, what: String) throws(InputError) -> [Node] {
        guard let sequence = node.sequence else { throw error("\(what) must be a list", at: node) }
        return Array(sequence)
    }

    /// A scalar's text exactly as written: `1675.00` stays `"1675.00"`, never a float. A plain `null`
    /// (or `~`, YAML's and JSON's null) is refused, never read as the text "null"; quoted, it is that text.
    public func text(_ node: Node, what: String) throws(InputError) -> String {
        guard let scalar = node.scalar else { throw error("\(what) must be a single value, not a list or mapping", at: node) }
        if scalar.style == .plain, Self.nullSpellings.contains(scalar.string) {
            throw error("\(what) must be a value, not null (quote it, \"\(scalar.string)\", for the text)", at: node)
        }
        return scalar.string
    }

    /// How YAML's core schema (and JSON) writes null in a plain scalar, an empty one aside.
    static let nullSpellings: Set<String> = ["null", "Null", "NULL", "~"]

    /// A non-empty string value (quoted or plain).
    public func nonEmptyText(_ node: Node, what: String) throws(InputError) -> String {
        let value = try text(node, what: what)
        guard !value.isEmpty else { throw error("\(what) must not be empty", at: node) }
        return value
    }

    public func bool(_ node: Node, what: String) throws(InputError) -> Bool {
        switch try text(node, what: what) {
        case "true": return true
        case "false": return false
        default: throw error("\(what) must be true or false", at: node)
        }
    }

    public func integer(_ node: Node, what: String) throws(InputError) -> Int {
        guard let value = Int(try text(node, what: what)) else { throw error("\(what) must be a whole number", at: node) }
        return value
    }

    public func strings(_ node: Node, what: String) throws(InputError) -> [String] {
        var values: [String] = []
        for element in try sequence(node, what: what) { values.append(try text(element, what: "an element of \(what)")) }
        return values
    }

    /// A value naming one case of `T`; an unknown name is an error listing them all.
    public func choice<T: RawRepresentable & CaseIterable>(
        _ node: Node, what: String, of type: T.Type = T.self
    )
        throws(InputError) -> T
    where T.RawValue == String {
        let name = try text(node, what: what)
        guard let value = T(rawValue: name) else {
            let names = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("unknown \(what) '\(name)'; expected one of: \(names)", at: node)
        }
        return value
    }
}
