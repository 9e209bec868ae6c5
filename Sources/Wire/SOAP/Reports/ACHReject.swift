public import Foundation

/// An ACH payment the bank returned, as `ACHRejectReportingSOAP` and
/// `ACHRejectReportingDataSetFromGMT` list it: the payment, the NACHA return code
/// (`R01` insufficient funds, …) and when IC learned of it.
public struct ACHReject: ICReportRecord {
    public static let recordName = "ACHReject"
    public static let listName = "ACHRejects"
    public static let columns: [ICReportColumn] = [
        .init("PaymentGUID"), .init("AccountNumber"), .init("InvoiceNumber"), .init("Amount", .decimal),
        .init("ReturnCode"), .init("ReturnReason"), .init("RejectDate", .dateTime),
    ]

    public var paymentID: String
    public var accountNumber: String
    public var invoiceNumber: String
    public var amount: Money
    public var returnCode: String
    public var returnReason: String
    public var rejectDate: Date

    public init(
        paymentID: String, accountNumber: String, invoiceNumber: String, amount: Money, returnCode: String,
        returnReason: String, rejectDate: Date
    ) {
        self.paymentID = paymentID
        self.accountNumber = accountNumber
        self.invoiceNumber = invoiceNumber
        self.amount = amount
        self.returnCode = returnCode
        self.returnReason = returnReason
        self.rejectDate = rejectDate
    }

    public var values: [String] {
        [
            paymentID, accountNumber, invoiceNumber, amount.description, returnCode, returnReason,
            XMLDateTime.text(rejectDate),
        ]
    }

    public var date: Date { rejectDate }
    public var key: String { paymentID }

    public init(fields f: ICReportFields) throws(ICReportFields.Problem) {
        self.init(
            paymentID: try f.text("PaymentGUID"), accountNumber: try f.text("AccountNumber"),
            invoiceNumber: try f.text("InvoiceNumber"), amount: try f.money("Amount"), returnCode: try f.text("ReturnCode"),
            returnReason: try f.text("ReturnReason"), rejectDate: try f.date("RejectDate"))
    }
}
