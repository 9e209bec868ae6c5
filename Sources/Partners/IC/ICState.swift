public import Foundation
public import Wire

/// What the mock IC knows: the billers allowed to call it, and the records its reports list.
///
/// The records belong to the mock as a whole: every authenticated biller's reports
/// list them (a scenario serves one biller's data).
public struct ICState: Sendable {
    /// A biller as IC's web services authenticate it.
    public struct Biller: Sendable, Hashable {
        public var guid: String
        public var webServiceKey: String
        /// The rules its uploads are validated with.
        public var profile: BIFProfile
        /// Advanced setting 105 "Batch Single Invoice Imports": a single-invoice file sent
        /// to `UploadInvoiceFile` is held with the `UploadInvoice` uploads (seed 000: off, no longer used).
        public var batchSingleInvoiceImports: Bool
        /// Where the seeds allow a biller either way (alphanumeric accounts, MIPS/APPS payment options).
        public var options: BIFBillerOptions

        public init(
            guid: String, webServiceKey: String, profile: BIFProfile, batchSingleInvoiceImports: Bool = false,
            options: BIFBillerOptions = .standard
        ) {
            self.guid = guid
            self.webServiceKey = webServiceKey
            self.profile = profile
            self.batchSingleInvoiceImports = batchSingleInvoiceImports
            self.options = options
        }
    }

    public var billers: [Biller]
    /// The billers' local time, for report dates sent without a zone to operations not `…FromGMT`.
    public var timeZone: TimeZone
    /// Every payment IC took, CloudStore ones included (payment reporting leaves those out).
    public var payments: [ReportedPayment]
    public var settledBatches: [SettledBatch]
    public var settledPayments: [SettledPayment]
    public var achRejects: [ACHReject]
    public var autoPayChanges: [EnrollmentChange]
    public var paperlessChanges: [EnrollmentChange]
    /// Faults by route `POST /CloudInvoicing.asmx/<Operation>`.
    public var faults: [Fault]
    /// The REST services: Cloud SSO Connect and Cloud Payments V2.
    public var portal = ICPortalState()

    /// IC's own zone (Eastern), the default of `timeZone`.
    public static let defaultTimeZone = TimeZone(identifier: "America/New_York")!

    public init(
        billers: [Biller] = [], timeZone: TimeZone = defaultTimeZone, payments: [ReportedPayment] = [],
        settledBatches: [SettledBatch] = [], settledPayments: [SettledPayment] = [], achRejects: [ACHReject] = [],
        autoPayChanges: [EnrollmentChange] = [], paperlessChanges: [EnrollmentChange] = [], faults: [Fault] = []
    ) {
        self.billers = billers
        self.timeZone = timeZone
        self.payments = payments
        self.settledBatches = settledBatches
        self.settledPayments = settledPayments
        self.achRejects = achRejects
        self.autoPayChanges = autoPayChanges
        self.paperlessChanges = paperlessChanges
        self.faults = faults
    }

    /// The answer tables of `report` for `window`: each record dated in `[start, end)`,
    /// CloudStore payments left out of payment reporting.
    public func tables(for report: ICReport, in window: DateInterval) -> [ICReportTable] {
        func within<Record: ICReportRecord>(_ records: [Record]) -> ICReportTable {
            ICReportTable(records.filter { $0.date >= window.start && $0.date < window.end })
        }
        switch report.kind {
        case .payments: return [within(payments.filter { $0.channel != ReportedPayment.cloudStore })]
        case .settlement: return [within(settledBatches), within(settledPayments)]
        case .achRejects: return [within(achRejects)]
        case .autoPayChanges: return [within(autoPayChanges)]
        case .paperlessChanges: return [within(paperlessChanges)]
        }
    }
}
