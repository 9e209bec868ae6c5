public import Foundation

/// A record a report operation lists: written as an element of its columns (typed
/// answers) or as a DataSet row, and read back from either.
public protocol ICReportRecord: Sendable, Hashable {
    /// The element of one record and the DataSet table's name, e.g. `Payment`.
    static var recordName: String { get }
    /// The element listing the records in a typed answer, e.g. `Payments`.
    static var listName: String { get }
    static var columns: [ICReportColumn] { get }
    /// The values in column order, as XML writes them.
    var values: [String] { get }
    /// The instant a report window selects the record by.
    var date: Date { get }
    /// What identifies the record across polls.
    var key: String { get }
    init(fields: ICReportFields) throws(ICReportFields.Problem)
}

/// The fields of one record as read from XML, by column name, with typed accessors.
public struct ICReportFields: Sendable {
    /// A field missing or not of its column's type.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public let record: String
    public let values: [String: String]

    public init(record: String, values: [String: String]) {
        self.record = record
        self.values = values
    }

    public func text(_ name: String) throws(Problem) -> String {
        guard let value = values[name] else { throw Problem(message: "\(record) has no \(name)") }
        return value
    }

    public func money(_ name: String) throws(Problem) -> Money {
        guard let money = Money(parsing: try text(name)) else {
            throw Problem(message: "\(record) \(name) '\(values[name] ?? "")' is not a decimal amount")
        }
        return money
    }

    public func date(_ name: String) throws(Problem) -> Date {
        guard let date = XMLDateTime.date(try text(name), zoneIfNone: TimeZone(identifier: "UTC")!) else {
            throw Problem(message: "\(record) \(name) '\(values[name] ?? "")' is not an xs:dateTime")
        }
        return date
    }

    public func bool(_ name: String) throws(Problem) -> Bool {
        switch try text(name).lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw Problem(message: "\(record) \(name) '\(values[name] ?? "")' is not a boolean")
        }
    }

    public func int(_ name: String) throws(Problem) -> Int {
        guard let value = Int(try text(name)) else {
            throw Problem(message: "\(record) \(name) '\(values[name] ?? "")' is not an integer")
        }
        return value
    }
}
