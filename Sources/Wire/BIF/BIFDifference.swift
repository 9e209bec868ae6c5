/// One difference between an expected BIF and an actual one, named by invoice, row and field.
public struct BIFDifference: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case field
        case fieldCount = "field-count"
        case addedRow = "added-row"
        case removedRow = "removed-row"
        case addedInvoice = "added-invoice"
        case removedInvoice = "removed-invoice"
    }

    public var kind: Kind
    /// The InvoiceNumber; nil for the file header.
    public var invoice: String?
    /// The row, e.g. "customer record" or "invoice detail 2".
    public var row: String?
    public var field: String?
    public var expected: String?
    public var actual: String?
    /// The lines in the expected and the actual file.
    public var expectedLine: Int?
    public var actualLine: Int?

    /// `invoice 20240903-2024-09-01, customer record, CustomerName: expected "SMITH JESSICA", got "SMITH JESICA" (line 3)`.
    public var description: String {
        let at = [invoice.map { "invoice \($0)" }, row].compactMap { $0 }.joined(separator: ", ")
        switch kind {
        case .field: return "\(at), \(field ?? "?"): expected \(quoted(expected)), got \(quoted(actual))\(lines)"
        case .fieldCount: return "\(at): expected \(expected ?? "?") fields, got \(actual ?? "?")\(lines)"
        case .addedRow: return "\(at): added (line \(actualLine ?? 0))"
        case .removedRow: return "\(at): missing (expected line \(expectedLine ?? 0))"
        case .addedInvoice: return "\(at): added (line \(actualLine ?? 0))"
        case .removedInvoice: return "\(at): missing (expected line \(expectedLine ?? 0))"
        }
    }

    private func quoted(_ value: String?) -> String { value.map { "\"\($0)\"" } ?? "nothing" }

    /// ` (line 3)`, or ` (line 3, expected at line 2)` when the row moved.
    private var lines: String {
        guard let actualLine else { return "" }
        guard let expectedLine, expectedLine != actualLine else { return " (line \(actualLine))" }
        return " (line \(actualLine), expected at line \(expectedLine))"
    }

    /// The difference as a JSON object.
    public var json: JSONValue {
        var members: [JSONValue.Member] = [.init("kind", .string(kind.rawValue))]
        if let invoice { members.append(.init("invoice", .string(invoice))) }
        for (name, value) in [("row", row), ("field", field), ("expected", expected), ("actual", actual)] {
            if let value { members.append(.init(name, .string(value))) }
        }
        if let expectedLine { members.append(.init("expectedLine", .number(String(expectedLine)))) }
        if let actualLine { members.append(.init("actualLine", .number(String(actualLine)))) }
        return .object(members)
    }
}
