public import Flows
import Foundation
public import Partners
public import Wire

/// One conformance case: the partners' state, the IC settings, the steps to run and what to compare.
///
/// ```yaml
/// name: RTDR blocks CC when IMT offers ACH only
/// profile: imt-mips-apps
/// covers: [IMT-RTDR-003]
/// clock: 2024-11-18T17:05:28Z
/// settings: {88: "{imt.auth}/sessions/", 8: "{imt.api}/", 9: icuser, 10: secret}
/// imt:
///   users: {icuser: secret}
///   policies: [{policy_number: "20240903", current_due: "1675.00", payment_types: [ACH]}]
/// steps:
///   - rtdr: {account: "20240903"}
/// expect:
///   golden: [journal, result]
/// ```
public struct Scenario: Sendable {
    /// The file as it was named on the command line or found in a folder.
    public var file: String
    /// The path under the suite root without `.yaml`: the golden folder's path under `Golden/`.
    public var relativePath: String
    public var name: String
    public var description: String?
    public var profile: Profile
    /// The requirement ids this scenario covers, with where each is written.
    public var covers: [Located<String>]
    /// The fixed time of the run, with an explicit zone, as written.
    public var clock: String
    /// IC advanced settings; values may hold `{imt.auth}`, `{imt.api}` and `{imt.origin}`.
    public var settings: [Int: String]
    /// The mock IMT's state, when the scenario starts one.
    public var imt: IMTState?
    /// A second IMT instance (setting 81 `MULTIENVIRONMENT`), reached through `{imt2.auth}` and `{imt2.api}`.
    public var imt2: IMTState?
    /// The mock IC's billers, when the scenario starts it.
    public var ic: ICState?
    /// Which IMT instance serves each InvoiceTypeID, under `MULTIENVIRONMENT`.
    public var routing = EnvironmentRouting()
    /// The longest one HTTP exchange of IC's may take; IC's client default otherwise.
    public var timeout: Duration?
    public var steps: [Step]
    /// The outputs compared with golden files.
    public var golden: [GoldenOutput]
    /// BIF files written in the scenario, by name.
    public var files: [String: String] = [:]

    /// The integration profiles of the seeds.
    public enum Profile: String, Sendable, CaseIterable {
        case imtMipsApps = "imt-mips-apps"
        case imtSpectrum = "imt-spectrum"
        case aiMyMeter = "ai-mymeter"
    }

    /// One action of the system under test.
    public enum Step: Sendable, Hashable {
        /// IC's real-time balance retrieval for an account.
        case rtdr(account: String, invoiceType: String?)
        /// DataPump posts a payment.
        case dataPumpPayment(ICPayment)
        /// DataPump changes paperless or autopay enrollment.
        case dataPumpEnrollment(account: String, change: PolicySettings.Change)
        /// Remote PDF linking fetches a bill.
        case pdfLinking(account: String, invoiceType: String?)
        /// Checks the advanced settings' rules.
        case validateSettings
        /// Sends one request of the scenario's own to the mock IMT's data API, to pin its contract.
        case imtRequest(RawIMTRequest)
        /// IMT's upload of a BIF to the mock IC's UploadInvoice, as the scenario's profile sends it.
        case invoiceUpload(InvoiceUploadStep)
        /// Validates a BIF (a file of the scenario or one a step wrote) with a profile's rules.
        case bifValidate(file: String, profile: BIFProfile)
        /// Consolidates single-invoice BIFs into the output file.
        case bifMerge(files: [String], output: String, date: BIFDate)
        /// Generates a synthetic BIF of the scenario's profile.
        case bifGenerate(invoices: Int, seed: UInt64, output: String)
        /// Compares two BIFs field by field.
        case bifDiff(expected: String, actual: String)
        /// Calls one report operation of the mock IC, as IMT does.
        case icReport(ICReportStep)
        /// IMT Spectrum's report polling, on a virtual clock starting at the scenario's clock.
        case spectrumPoll(SpectrumPollStep)
        /// Reconciles the records of the last `spectrum-poll` with the payments the mock IMT holds.
        case reconcile
        /// IMT Spectrum's PDF extraction: a PDF per invoice of a BIF, to a folder or over SFTP.
        case pdfExtraction(PDFExtractionStep)

        /// The BIF file the step writes, if any.
        public var output: String? {
            switch self {
            case .bifMerge(_, let output, _), .bifGenerate(_, _, let output): output
            default: nil
            }
        }

        /// The integration flow the step exercises, checked against the profile's feature matrix.
        public var flow: IntegrationFlow? {
            switch self {
            case .rtdr: .rtdr
            case .dataPumpPayment: .dataPumpPayment
            case .dataPumpEnrollment(_, .paperless): .dataPumpPaperless
            case .dataPumpEnrollment(_, .billMode): .dataPumpAutoPay
            case .pdfLinking: .pdfLinking
            case .invoiceUpload: .invoiceUpload
            case .icReport(let report): IntegrationFlow(reportKind: report.report.kind)
            case .spectrumPoll: .paymentReporting
            case .pdfExtraction: .pdfExtraction
            default: nil
            }
        }

        /// Whether the step is run against the mock IC.
        public var callsIC: Bool {
            switch self {
            case .invoiceUpload, .icReport, .spectrumPoll, .reconcile, .pdfExtraction: true
            default: false
            }
        }

        /// Whether the step calls IMT.
        public var callsIMT: Bool {
            switch self {
            case .imtRequest: true
            case .invoiceUpload, .icReport, .spectrumPoll, .pdfExtraction: false
            default: flow != nil
            }
        }
    }

    /// An output a scenario compares with its golden file: `journal.json`, `result.json`, or a BIF a step wrote.
    public struct GoldenOutput: Sendable, Hashable, CustomStringConvertible {
        public let fileName: String

        public init(fileName: String) { self.fileName = fileName }

        /// Every exchange the mock partners had.
        public static let journal = GoldenOutput(fileName: "journal.json")
        /// What each step produced.
        public static let result = GoldenOutput(fileName: "result.json")
        /// The mock IMT's state after the steps.
        public static let imtState = GoldenOutput(fileName: "imt-state.json")
        /// The second mock IMT's state after the steps.
        public static let imt2State = GoldenOutput(fileName: "imt2-state.json")
        /// The import file the mock IC consolidates from the uploads it held.
        public static let icImport = GoldenOutput(fileName: "ic-import.bif")
        /// The mock IC's state after the steps: billers, files taken, report records.
        public static let icState = GoldenOutput(fileName: "ic-state.json")
        /// The last `reconcile` step's report.
        public static let reconciliation = GoldenOutput(fileName: "reconciliation.json")

        /// Whether the output is a BIF, compared with the field-aware diff.
        public var isBIF: Bool { fileName.hasSuffix(".bif") }
        public var description: String { fileName }
    }

    /// Every secret the scenario holds (passwords of settings and users, web service keys), to scrub from outputs.
    public var secrets: [String] {
        let keys =
            (ic?.billers.map(\.webServiceKey) ?? [])
            + steps.compactMap { step in
                switch step {
                case .invoiceUpload(let upload): upload.key
                case .icReport(let report): report.key
                default: nil
                }
            }
        return AdvancedSettings.secretIDs.sorted().compactMap { settings[$0] }
            + [imt, imt2].flatMap { $0.map { Array($0.users.values) } ?? [] } + keys
    }
}

/// A request a scenario sends to the mock IMT as it is: any method, path, body and Content-Type.
public struct RawIMTRequest: Sendable, Hashable {
    public var method: String
    /// Relative to the data API URL of the service's setting, e.g. `settings/20240903/`.
    public var path: String
    public var body: String?
    /// Nil: the JSON:API media type.
    public var contentType: String?
    /// Whether to send it in a session opened with the service's credentials.
    public var inSession: Bool
    /// Whose URL and credentials to use.
    public var service: IMTService
}

/// An `invoice-upload` step: which file, as which biller, through which operation, in which SOAP version.
public struct InvoiceUploadStep: Sendable, Hashable {
    public var file: String
    /// Nil: the first biller of the `ic:` block, with its key.
    public var billerGUID: String?
    public var key: String?
    public var version: SOAPVersion
    public var operation: UploadInvoiceRequest.Operation = .uploadInvoice
}

/// An `ic-report` step: one report operation for a window given as the request carries it.
public struct ICReportStep: Sendable, Hashable {
    public var report: ICReport
    /// `xs:dateTime` texts, sent as written (a zone may be left out).
    public var from: String
    public var to: String
    public var version: SOAPVersion
    /// Nil: the first biller of the `ic:` block, with its key.
    public var billerGUID: String?
    public var key: String?
}

/// A `pdf-extraction` step: which BIF, the biller id naming the files, and where they go.
public struct PDFExtractionStep: Sendable, Hashable {
    public enum Destination: String, Sendable, CaseIterable {
        /// A temporary local folder, the embedded default.
        case folder
        /// A real OpenSSH server started on loopback for the step.
        case sftp
    }

    public var file: String
    public var billerID: String
    public var destination: Destination
    /// Logs in to the SFTP server with a key it does not accept.
    public var refusedLogin: Bool
}

/// A `spectrum-poll` step: how long to run the schedule, and any change to it.
public struct SpectrumPollStep: Sendable, Hashable {
    public var hours: Int
    public var schedules: [SpectrumPoller.Schedule]
    public var version: SOAPVersion
}

/// A value with the position it was read from.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var line: Int
    public var column: Int
}
