/// A data flow between IC and a partner, named as the seeds' "Data Structure" tables name it.
///
/// Whether a profile has a flow is in ``IntegrationProfile``.
public enum IntegrationFlow: String, Sendable, CaseIterable, Hashable {
    /// Invoices as BIFs that the partner sends through IC's `UploadInvoice` web service.
    case invoiceUpload = "invoice-upload"
    /// IC's real-time balance refresh from the partner (IMT `payments-due`).
    case rtdr = "rtdr"
    /// IC posts each payment to the partner (IMT `payments` POST).
    case dataPumpPayment = "datapump-payment"
    /// IC posts a paperless enrollment change to the partner (IMT `settings` PATCH, `paperless`).
    case dataPumpPaperless = "datapump-paperless"
    /// IC posts an autopay enrollment change to the partner (IMT `settings` PATCH, `bill_mode`).
    case dataPumpAutoPay = "datapump-autopay"
    /// IC shows the partner's PDF of a bill, fetched on demand (IMT `bills/{policy_number}/`).
    case pdfLinking = "pdf-linking"
    /// IC links bill PDFs the partner sends over SFTP by file name.
    case pdfExtraction = "pdf-extraction"
    /// The partner polls IC for payments (`PaymentReportingSOAP`, `PaymentReportingDataSetFromGMT`).
    case paymentReporting = "payment-reporting"
    /// The partner polls IC for settled batches (`BillerSettledBatchDetailSOAP`, `BillerSettledBatchDetailDataSet`).
    case settlementReporting = "settlement-reporting"
    /// The partner polls IC for ACH rejects (`ACHRejectReportingSOAP`, `ACHRejectReportingDataSetFromGMT`).
    case achRejectReporting = "ach-reject-reporting"
    /// The partner polls IC for autopay enrollment changes (`BillerAutoPayCustomerReportSOAP`).
    case autoPayChangeLog = "autopay-change-log"
    /// The partner polls IC for paperless enrollment changes (`BillerPaperlessCustomerReportDataSet`).
    case paperlessChangeLog = "paperless-change-log"
    /// Voided payments passed to the partner.
    case void = "void"
    /// Cloud SSO Connect: the partner's portal signs a payer into IC's pages.
    case sso = "sso"
    /// Cloud Payments V2: the partner opens IC's payment page for an account.
    case cloudPaymentsV2 = "cloud-payments-v2"
}
