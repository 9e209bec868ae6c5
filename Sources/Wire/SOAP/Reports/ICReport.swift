/// The report operations of IC's CloudInvoicing service that IMT Spectrum polls (seeds 002 and 004).
///
/// Each operation takes `Req` with `BillerGUID`, `WebServiceKey`, `StartDate` and
/// `EndDate` (`xs:dateTime`, the window `[StartDate, EndDate)`). A date written with
/// a zone (`Z`, `-05:00`) means that instant; one written without a zone is GMT for
/// the `…FromGMT` operations and the biller's local time for the others.
///
/// `…SOAP` operations answer typed records inside a result with `Success` and
/// `ErrorMessage`; `…DataSet…` operations answer an ADO.NET DataSet (an inline
/// `xs:schema` then a `diffgr:diffgram`), as .NET services do, which carries no
/// `Success`: a wrong key is a `Sender` SOAP Fault there.
public enum ICReport: String, Sendable, CaseIterable {
    case paymentReportingSOAP = "PaymentReportingSOAP"
    case paymentReportingDataSetFromGMT = "PaymentReportingDataSetFromGMT"
    case billerSettledBatchDetailSOAP = "BillerSettledBatchDetailSOAP"
    case billerSettledBatchDetailDataSet = "BillerSettledBatchDetailDataSet"
    case achRejectReportingSOAP = "ACHRejectReportingSOAP"
    case achRejectReportingDataSetFromGMT = "ACHRejectReportingDataSetFromGMT"
    case billerAutoPayCustomerReportSOAP = "BillerAutoPayCustomerReportSOAP"
    case billerPaperlessCustomerReportDataSet = "BillerPaperlessCustomerReportDataSet"

    /// What a report lists.
    public enum Kind: String, Sendable, CaseIterable {
        case payments
        case settlement
        case achRejects = "ach-rejects"
        case autoPayChanges = "autopay-changes"
        case paperlessChanges = "paperless-changes"

        /// The operations that report this kind.
        public var operations: [ICReport] { ICReport.allCases.filter { $0.kind == self } }
    }

    public var kind: Kind {
        switch self {
        case .paymentReportingSOAP, .paymentReportingDataSetFromGMT: .payments
        case .billerSettledBatchDetailSOAP, .billerSettledBatchDetailDataSet: .settlement
        case .achRejectReportingSOAP, .achRejectReportingDataSetFromGMT: .achRejects
        case .billerAutoPayCustomerReportSOAP: .autoPayChanges
        case .billerPaperlessCustomerReportDataSet: .paperlessChanges
        }
    }

    /// Whether the answer is an ADO.NET DataSet rather than typed records.
    public var isDataSet: Bool { rawValue.contains("DataSet") }

    /// Whether a date without a zone is GMT (else the biller's local time).
    public var datesInGMT: Bool { rawValue.hasSuffix("FromGMT") }

    /// The SOAP 1.1 `SOAPAction` and SOAP 1.2 `action`.
    public var action: String { CloudInvoicingMessage.namespace + rawValue }
}
