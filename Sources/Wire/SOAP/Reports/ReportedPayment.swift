public import Foundation

/// A payment as IC's payment reporting lists it (`PaymentReportingSOAP`, `PaymentReportingDataSetFromGMT`).
///
/// `PaymentAmount` is what the payer paid, `ConvenienceFee` included; `Channel` is
/// the IC product that took it (`Portal`, `IVR`, `AgentConnect`, `CloudStore`, …).
/// Payment reporting never lists CloudStore payments (seed 004).
public struct ReportedPayment: ICReportRecord {
    public static let recordName = "Payment"
    public static let listName = "Payments"
    public static let columns: [ICReportColumn] = [
        .init("PaymentGUID"), .init("AccountNumber"), .init("InvoiceNumber"), .init("PaymentAmount", .decimal),
        .init("ConvenienceFee", .decimal), .init("PaymentMethod"), .init("PaymentDate", .dateTime), .init("Status"),
        .init("Channel"),
    ]
    /// The channel whose payments payment reporting leaves out.
    public static let cloudStore = "CloudStore"

    public var paymentID: String
    public var accountNumber: String
    public var invoiceNumber: String
    public var amount: Money
    public var convenienceFee: Money
    public var method: PaymentPost.Method
    public var paymentDate: Date
    /// E.g. `Approved`.
    public var status: String
    public var channel: String

    public init(
        paymentID: String, accountNumber: String, invoiceNumber: String, amount: Money, convenienceFee: Money = .zero,
        method: PaymentPost.Method, paymentDate: Date, status: String = "Approved", channel: String = "Portal"
    ) {
        self.paymentID = paymentID
        self.accountNumber = accountNumber
        self.invoiceNumber = invoiceNumber
        self.amount = amount
        self.convenienceFee = convenienceFee
        self.method = method
        self.paymentDate = paymentDate
        self.status = status
        self.channel = channel
    }

    public var values: [String] {
        [
            paymentID, accountNumber, invoiceNumber, amount.description, convenienceFee.description, method.rawValue,
            XMLDateTime.text(paymentDate), status, channel,
        ]
    }

    public var date: Date { paymentDate }
    public var key: String { paymentID }

    public init(fields f: ICReportFields) throws(ICReportFields.Problem) {
        let method = try f.text("PaymentMethod")
        guard let known = PaymentPost.Method(rawValue: method) else {
            throw ICReportFields.Problem(message: "Payment PaymentMethod '\(method)' is neither CC nor ACH")
        }
        self.init(
            paymentID: try f.text("PaymentGUID"), accountNumber: try f.text("AccountNumber"),
            invoiceNumber: try f.text("InvoiceNumber"), amount: try f.money("PaymentAmount"),
            convenienceFee: try f.money("ConvenienceFee"), method: known, paymentDate: try f.date("PaymentDate"),
            status: try f.text("Status"), channel: try f.text("Channel"))
    }
}
