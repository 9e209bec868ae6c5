/// The records of one type in a report answer, as rows of lexical values in column order.
public struct ICReportTable: Sendable, Hashable {
    /// The record's element and DataSet table name, e.g. `Payment`.
    public var name: String
    /// The typed answer's list element, e.g. `Payments`.
    public var listName: String
    public var columns: [ICReportColumn]
    /// Values in column order; nil for a column a row lacks.
    public var rows: [[String?]]

    public init(name: String, listName: String, columns: [ICReportColumn], rows: [[String?]] = []) {
        self.name = name
        self.listName = listName
        self.columns = columns
        self.rows = rows
    }

    /// The table of `records`.
    public init<Record: ICReportRecord>(_ records: [Record]) {
        self.init(
            name: Record.recordName, listName: Record.listName, columns: Record.columns,
            rows: records.map { $0.values.map(Optional.some) })
    }

    /// An empty table of `type`'s shape.
    public init(of type: any ICReportRecord.Type) {
        self.init(name: type.recordName, listName: type.listName, columns: type.columns)
    }

    /// The rows read as records of `type`.
    public func records<Record: ICReportRecord>(as type: Record.Type) throws(ICReportFields.Problem) -> [Record] {
        var records: [Record] = []
        for row in rows {
            var values: [String: String] = [:]
            for (column, value) in zip(columns, row) { values[column.name] = value }
            records.append(try Record(fields: ICReportFields(record: name, values: values)))
        }
        return records
    }

    /// The rows of the elements `xpath` selects: the texts of their child elements by column name.
    static func rows(
        in document: XMLDocument, at xpath: String, namespaces: [String: String], columns: [ICReportColumn], record: String
    ) throws(XMLError) -> [[String?]] {
        var rows: [[String: String]] = []
        for node in try document.select("\(xpath) | \(xpath)/*", namespaces: namespaces) where node.kind == .element {
            if node.name == record {
                rows.append([:])
            } else if !rows.isEmpty {
                rows[rows.count - 1][node.name] = node.text
            }
        }
        return rows.map { row in columns.map { row[$0.name] } }
    }
}

extension ICReport.Kind {
    /// The record types a report of this kind lists, in answer order.
    public var recordTypes: [any ICReportRecord.Type] {
        switch self {
        case .payments: [ReportedPayment.self]
        case .settlement: [SettledBatch.self, SettledPayment.self]
        case .achRejects: [ACHReject.self]
        case .autoPayChanges, .paperlessChanges: [EnrollmentChange.self]
        }
    }
}
