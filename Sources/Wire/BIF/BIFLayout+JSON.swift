extension BIFLayout {
    /// A layout from its JSON form, checked: each row kind once, distinct codes,
    /// `RowType` first, and every field the rules read.
    ///
    /// ```json
    /// {"rows": [{"kind": "file-header", "code": "FH",
    ///            "fields": [{"fileSpecID": 1, "name": "RowType", "required": true, "format": "string"}, …]}, …]}
    /// ```
    public init(json: JSONValue) throws(BIFLayoutError) {
        guard let rows = json["rows"]?.arrayValue else { throw BIFLayoutError("the layout needs a \"rows\" array") }
        var parsed: [Row] = []
        for (i, row) in rows.enumerated() {
            let at = "rows[\(i)]"
            guard let kindName = row["kind"]?.stringValue, let kind = BIFRowKind(rawValue: kindName) else {
                throw BIFLayoutError("\(at).kind must be one of \(BIFRowKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let code = row["code"]?.stringValue, !code.isEmpty, !code.contains("|") else {
                throw BIFLayoutError("\(at).code must be a non-empty string without '|'")
            }
            guard let fields = row["fields"]?.arrayValue, !fields.isEmpty else {
                throw BIFLayoutError("\(at).fields must be a non-empty array")
            }
            var parsedFields: [Field] = []
            for (j, field) in fields.enumerated() {
                let fieldAt = "\(at).fields[\(j)]"
                guard let name = field["name"]?.stringValue, !name.isEmpty else {
                    throw BIFLayoutError("\(fieldAt).name is missing")
                }
                guard let formatName = field["format"]?.stringValue, let format = BIFFieldFormat(rawValue: formatName) else {
                    throw BIFLayoutError(
                        "\(fieldAt).format must be one of \(BIFFieldFormat.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                var fileSpecID: Int?
                if let id = field["fileSpecID"], id != .null {
                    guard case .number(let text) = id, let value = Int(text) else {
                        throw BIFLayoutError("\(fieldAt).fileSpecID must be an integer")
                    }
                    fileSpecID = value
                }
                parsedFields.append(Field(fileSpecID, name, required: field["required"]?.boolValue ?? false, format))
            }
            parsed.append(Row(kind: kind, code: code, fields: parsedFields))
        }
        try self.init(checking: parsed)
    }

    init(checking rows: [Row]) throws(BIFLayoutError) {
        for kind in BIFRowKind.allCases {
            let matching = rows.filter { $0.kind == kind }
            guard matching.count == 1 else { throw BIFLayoutError("the layout needs exactly one \(kind.rawValue) row") }
            let row = matching[0]
            guard row.fields.first?.name == "RowType" else {
                throw BIFLayoutError("the \(kind.rawValue) row's first field must be RowType")
            }
            for name in Self.fieldsRulesRead[kind] ?? [] where row.index(of: name) == nil {
                throw BIFLayoutError("the \(kind.rawValue) row lacks \(name), which the rules read")
            }
        }
        guard Set(rows.map(\.code)).count == rows.count else { throw BIFLayoutError("row codes must be distinct") }
        self.init(rows: rows)
    }

    /// The layout in its JSON form.
    public var json: JSONValue {
        .object([
            "rows": .array(
                rows.map { row in
                    .object([
                        "kind": .string(row.kind.rawValue), "code": .string(row.code),
                        "fields": .array(
                            row.fields.map { field in
                                .object([
                                    "fileSpecID": field.fileSpecID.map { .number(String($0)) } ?? .null,
                                    "name": .string(field.name),
                                    "required": .bool(field.required), "format": .string(field.format.rawValue),
                                ])
                            }),
                    ])
                })
        ])
    }
}

/// A layout file that cannot be used.
public struct BIFLayoutError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
