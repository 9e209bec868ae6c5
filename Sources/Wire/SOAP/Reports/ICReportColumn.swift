/// A field of a report record: its element (and DataSet column) name and XSD type.
public struct ICReportColumn: Sendable, Hashable {
    /// The XSD types report fields use.
    public enum XSDType: String, Sendable {
        case string, decimal, dateTime, boolean, int
    }

    public var name: String
    public var type: XSDType

    public init(_ name: String, _ type: XSDType = .string) {
        self.name = name
        self.type = type
    }
}
