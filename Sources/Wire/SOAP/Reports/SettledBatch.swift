public import Foundation

/// A batch the processor settled, as settlement reporting lists it
/// (`BillerSettledBatchDetailSOAP`, `BillerSettledBatchDetailDataSet`), with totals;
/// its payments are `SettledPayment` records carrying its `BatchID`.
public struct SettledBatch: ICReportRecord {
    public static let recordName = "SettledBatch"
    public static let listName = "SettledBatches"
    public static let columns: [ICReportColumn] = [
        .init("BatchID"), .init("SettlementDate", .dateTime), .init("PaymentCount", .int), .init("TotalAmount", .decimal),
    ]

    public var batchID: String
    public var settlementDate: Date
    public var paymentCount: Int
    public var totalAmount: Money

    public init(batchID: String, settlementDate: Date, paymentCount: Int, totalAmount: Money) {
        self.batchID = batchID
        self.settlementDate = settlementDate
        self.paymentCount = paymentCount
        self.totalAmount = totalAmount
    }

    public var values: [String] {
        [batchID, XMLDateTime.text(settlementDate), String(paymentCount), totalAmount.description]
    }

    public var date: Date { settlementDate }
    public var key: String { batchID }

    public init(fields f: ICReportFields) throws(ICReportFields.Problem) {
        self.init(
            batchID: try f.text("BatchID"), settlementDate: try f.date("SettlementDate"), paymentCount: try f.int("PaymentCount"),
            totalAmount: try f.money("TotalAmount"))
    }
}
