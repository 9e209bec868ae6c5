/// A layout row prepared for the validator's inner loop: its code as bytes,
/// each field's format and required flag in flat arrays, and the positions of
/// the fields the rules read.
final class BIFRowPlan {
    let row: BIFLayout.Row
    let code: [UInt8]
    let formats: [BIFFieldFormat]
    let required: [Bool]
    private let positions: [String: Int]

    init(_ row: BIFLayout.Row) {
        self.row = row
        code = Array(row.code.utf8)
        formats = row.fields.map(\.format)
        required = row.fields.map(\.required)
        var positions: [String: Int] = [:]
        for (i, field) in row.fields.enumerated() where positions[field.name] == nil { positions[field.name] = i }
        self.positions = positions
    }

    var fieldCount: Int { formats.count }

    /// The 0-based position of a field the rules read (the layout has been checked to name it), or -1.
    func position(_ name: String) -> Int { positions[name] ?? -1 }

    func matches(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count == code.count else { return false }
        for i in 0..<bytes.count where bytes[i] != code[i] { return false }
        return true
    }
}
