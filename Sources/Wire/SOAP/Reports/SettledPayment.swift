public import Foundation

/// One payment of a settled batch.
public struct SettledPayment: ICReportRecord {
    public static let recordName = "SettledPayment"
    public static let listName = "SettledPayments"
    public static let columns: [ICReportColumn] = [
        .init("BatchID"), .init("SettlementDate", .dateTime), .init("PaymentGUID"), .init("AccountNumber"),
        .init("InvoiceNumber"), .init("Amount", .decimal), .init("PaymentMethod"), .init("Channel"),
    ]

    public var batchID: String
    public var settlementDate: Date
    public var paymentID: String
    public var accountNumber: String
    public var invoiceNumber: String
    public var amount: Money
    public var method: PaymentPost.Method
    public var channel: String

    public init(
        batchID: String, settlementDate: Date, paymentID: String, accountNumber: String, invoiceNumber: String,
        amount: Money, method: PaymentPost.Method, channel: String = "Portal"
    ) {
        self.batchID = batchID
        self.settlementDate = settlementDate
        self.paymentID = paymentID
        self.accountNumber = accountNumber
        self.invoiceNumber = invoiceNumber
        self.amount = amount
        self.method = method
        self.channel = channel
    }

    public var values: [String] {
        [
            batchID, XMLDateTime.text(settlementDate), paymentID, accountNumber, invoiceNumber, amount.description,
            method.rawValue, channel,
        ]
    }

    public var date: Date { settlementDate }
    public var key: String { batchID + "/" + paymentID }

    public init(fields f: ICReportFields) throws(ICReportFields.Problem) {
        let method = try f.text("PaymentMethod")
        guard let known = PaymentPost.Method(rawValue: method) else {
            throw ICReportFields.Problem(message: "SettledPayment PaymentMethod '\(method)' is neither CC nor ACH")
        }
        self.init(
            batchID: try f.text("BatchID"), settlementDate: try f.date("SettlementDate"), paymentID: try f.text("PaymentGUID"),
            accountNumber: try f.text("AccountNumber"), invoiceNumber: try f.text("InvoiceNumber"),
            amount: try f.money("Amount"), method: known, channel: try f.text("Channel"))
    }
}
