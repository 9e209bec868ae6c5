import Foundation
import Support
import Yams

/// A scenario file's `examples:` rows (Karate's `Scenario Outline`, Tavern's parametrize): each row
/// fills the `{{name}}` placeholders of the rest of the file and is a scenario of its own, named
/// `path[row]`, with its own golden folder `Golden/path[row]/`.
///
/// ```yaml
/// name: "{{title}}"
/// imt:
///   policies: [{policy_number: "20240903", payment_types: "{{types}}"}]
/// examples:
///   - {row: cc-blocked, title: RTDR blocks CC, types: [ACH]}
///   - {row: ach-blocked, title: RTDR blocks ACH, types: [CC]}
/// ```
///
/// A placeholder that is a whole scalar (`"{{types}}"`, quoted, as YAML reads `{{` as a flow
/// mapping) takes the row's value as written, a list or mapping too; one inside text takes a
/// scalar's text. `{{row}}` is the row's name. A row needs a `row` name (letters, digits, `-`, `_`,
/// `.`), unique in the file, and a value for every placeholder; a value no placeholder uses, a
/// placeholder without examples or a list or mapping spliced into text is an error at its position.
struct ScenarioTable {
    /// One row: its name, and its values by placeholder name.
    struct Row {
        var name: String
        var node: Node
        var values: [String: Node]
    }

    /// A `{{name}}` in the file, where it is written.
    struct Use {
        var name: String
        var node: Node
    }

    static let key = "examples"
    static let rowKey = "row"

    var rows: [Row]
    let reader: YAMLReader

    /// The rows of the scenario `root`; none when it has no `examples:`. Every problem of the table
    /// is an error at its position: all of them, not only the first.
    init(root: Node, reader: YAMLReader) throws(InputErrors) {
        self.reader = reader
        rows = []
        guard let mapping = root.mapping else { return }
        let examples = mapping.first { $0.key.scalar?.string == Self.key }?.value
        let uses = Self.uses(in: Self.withoutExamples(root))
        var errors = InputErrors()
        guard let examples else {
            for use in uses {
                errors.append(
                    reader.error(
                        "{{\(use.name)}} has no value: a placeholder is filled by the rows of examples:, which the scenario does not have",
                        at: use.node))
            }
            if !errors.isEmpty { throw errors }
            return
        }
        guard let list = examples.sequence, !list.isEmpty else {
            throw InputErrors(errors: [
                reader.error("examples must be a list of rows, each a mapping with a row name", at: examples)
            ])
        }
        let used = Set(uses.map(\.name))
        var names: [String: Node] = [:]
        for element in list {
            guard let pairs = element.mapping else {
                errors.append(
                    reader.error("a row of examples must be a mapping: {row: <name>, <placeholder>: <value>, ...}", at: element))
                continue
            }
            var values: [String: Node] = [:]
            var name: String?
            for (key, value) in pairs {
                guard let member = key.scalar?.string else {
                    errors.append(reader.error("a row's key must be a placeholder name", at: key))
                    continue
                }
                if member == Self.rowKey {
                    guard let text = value.scalar?.string, Self.isRowName(text) else {
                        errors.append(
                            reader.error("a row name is letters, digits, '-', '_' and '.', e.g. ach-blocked", at: value))
                        continue
                    }
                    if let first = names[text] {
                        errors.append(
                            reader.error(
                                "the row name '\(text)' is already the name of the row at line \(first.mark?.line ?? 1); row names must be unique",
                                at: value))
                    } else {
                        names[text] = value
                    }
                    name = text
                    values[member] = value
                    continue
                }
                guard Self.isPlaceholderName(member) else {
                    errors.append(reader.error("'\(member)' is no placeholder name: letters, digits, '-' and '_'", at: key))
                    continue
                }
                guard used.contains(member) else {
                    errors.append(
                        reader.error("'\(member)' fills no placeholder: the scenario has no {{\(member)}}", at: key))
                    continue
                }
                values[member] = value
            }
            guard let name else {
                errors.append(reader.error("a row of examples needs its name: row: <name>", at: element))
                continue
            }
            for use in uses where values[use.name] == nil {
                let line = use.node.mark.map { " (used at line \($0.line), column \($0.column))" } ?? ""
                errors.append(reader.error("the row '\(name)' has no value for {{\(use.name)}}\(line)", at: element))
            }
            rows.append(Row(name: name, node: element, values: values))
        }
        if !errors.isEmpty { throw errors }
    }

    /// The scenario of `row`: `root` without `examples:`, every placeholder filled.
    func filled(_ root: Node, with row: Row) throws(InputErrors) -> Node {
        var errors = InputErrors()
        let node = fill(Self.withoutExamples(root), row, &errors)
        if !errors.isEmpty { throw errors }
        return node
    }

    private func fill(_ node: Node, _ row: Row, _ errors: inout InputErrors) -> Node {
        switch node {
        case .scalar(let scalar):
            let text = scalar.string
            guard text.contains("{{") else { return node }
            let found = Self.placeholders(in: text)
            if found.count == 1, found[0].range == text.startIndex..<text.endIndex, let value = row.values[found[0].name] {
                return value
            }
            var filled = ""
            var last = text.startIndex
            for (name, range) in found {
                filled += text[last..<range.lowerBound]
                last = range.upperBound
                guard let value = row.values[name] else { continue }
                guard let piece = value.scalar?.string else {
                    errors.append(
                        reader.error(
                            "{{\(name)}} is inside text, so the row '\(row.name)' must give it a single value, not a list or mapping",
                            at: value))
                    continue
                }
                filled += piece
            }
            filled += text[last...]
            var copy = scalar
            copy.string = filled
            return .scalar(copy)
        case .mapping(let mapping):
            let pairs = mapping.map { (fill($0.key, row, &errors), fill($0.value, row, &errors)) }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
        case .sequence(let sequence):
            return .sequence(Node.Sequence(sequence.map { fill($0, row, &errors) }, sequence.tag, sequence.style, sequence.mark))
        case .alias:
            return node
        }
    }

    /// `root` without its `examples:` member.
    static func withoutExamples(_ root: Node) -> Node {
        guard let mapping = root.mapping else { return root }
        let pairs = mapping.filter { $0.key.scalar?.string != key }.map { ($0.key, $0.value) }
        return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
    }

    /// Every placeholder written in `node`, keys included, in document order.
    static func uses(in node: Node) -> [Use] {
        switch node {
        case .scalar(let scalar): placeholders(in: scalar.string).map { Use(name: $0.name, node: node) }
        case .mapping(let mapping): mapping.flatMap { uses(in: $0.key) + uses(in: $0.value) }
        case .sequence(let sequence): sequence.flatMap { uses(in: $0) }
        case .alias: []
        }
    }

    /// The `{{name}}`s of `text` with their ranges; `{{` not followed by a name and `}}` is left as text.
    static func placeholders(in text: String) -> [(name: String, range: Range<String.Index>)] {
        var found: [(String, Range<String.Index>)] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let name = String(rest[open.upperBound..<close.lowerBound])
            if isPlaceholderName(name) || name == rowKey {
                found.append((name, open.lowerBound..<close.upperBound))
                rest = rest[close.upperBound...]
            } else {
                rest = rest[open.upperBound...]
            }
        }
        return found
    }

    static func isPlaceholderName(_ text: String) -> Bool {
        !text.isEmpty && text != rowKey
            && text.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
            }
    }

    static func isRowName(_ text: String) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || "-_.".unicodeScalars.contains($0)
            } && text != "." && text != ".."
    }
}
