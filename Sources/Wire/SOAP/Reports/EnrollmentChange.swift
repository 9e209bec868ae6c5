public import Foundation

/// A customer's autopay or paperless enrollment change, as
/// `BillerAutoPayCustomerReportSOAP` and `BillerPaperlessCustomerReportDataSet` list it:
/// the account, whether it is now enrolled, when, and where the change was made
/// (`Portal`, `IVR`, `CSR`, …).
public struct EnrollmentChange: ICReportRecord {
    public static let recordName = "EnrollmentChange"
    public static let listName = "EnrollmentChanges"
    public static let columns: [ICReportColumn] = [
        .init("AccountNumber"), .init("Enrolled", .boolean), .init("ChangeDate", .dateTime), .init("Source"),
    ]

    public var accountNumber: String
    public var enrolled: Bool
    public var changeDate: Date
    public var source: String

    public init(accountNumber: String, enrolled: Bool, changeDate: Date, source: String = "Portal") {
        self.accountNumber = accountNumber
        self.enrolled = enrolled
        self.changeDate = changeDate
        self.source = source
    }

    public var values: [String] { [accountNumber, String(enrolled), XMLDateTime.text(changeDate), source] }
    public var date: Date { changeDate }
    public var key: String { accountNumber + "@" + XMLDateTime.text(changeDate) }

    public init(fields f: ICReportFields) throws(ICReportFields.Problem) {
        self.init(
            accountNumber: try f.text("AccountNumber"), enrolled: try f.bool("Enrolled"), changeDate: try f.date("ChangeDate"),
            source: try f.text("Source"))
    }
}
