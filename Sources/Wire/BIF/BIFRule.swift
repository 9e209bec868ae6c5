/// A rule the BIF validator checks, with the stable id that joins it to the requirement catalog.
public struct BIFRule: Sendable, Hashable, CustomStringConvertible {
    public let id: String
    /// What the rule demands, in one sentence.
    public let statement: String

    public var description: String { id }

    // Every profile.
    public static let fileHeaderFirst = BIFRule("BIF-COM-001", "The first line is the file header (FH), and there is only one.")
    public static let knownRow = BIFRule("BIF-COM-002", "Every line is a row of the layout; blank lines only at the end.")
    public static let invoiceNesting = BIFRule(
        "BIF-COM-003", "Each invoice header is followed by one customer record, then its invoice detail rows.")
    public static let fieldCount = BIFRule("BIF-COM-004", "Each row has the layout's number of fields; a value holds no pipe.")
    public static let requiredField = BIFRule("BIF-COM-005", "Required fields are present.")
    public static let fieldFormat = BIFRule(
        "BIF-COM-006", "Values have their format: dates mm/dd/yyyy, money with two decimals, integers, GUIDs, booleans.")
    public static let invoiceCount = BIFRule("BIF-COM-007", "The header's InvoiceCount equals the number of invoice headers.")
    public static let totalAmount = BIFRule(
        "BIF-COM-008", "The header's TotalInvoiceAmount equals the sum of the invoices' TotalAmountDue.")
    public static let text = BIFRule(
        "BIF-COM-009", "Lines are UTF-8 text without control characters, within the line length limit.")
    public static let recordType = BIFRule("BIF-COM-010", "RecordType is R or D.")

    // IMT MIPS/APPS.
    public static let mipsRecordType = BIFRule("BIF-MIPS-001", "RecordType is always R.")
    public static let mipsBalanceForward = BIFRule(
        "BIF-MIPS-002", "BalanceForward is 1: the integration requires balance forward.")
    public static let mipsInvoiceType = BIFRule("BIF-MIPS-003", "InvoiceTypeID is 252.")
    public static let mipsInvoiceNumber = BIFRule(
        "BIF-MIPS-004", "InvoiceNumber is AccountNumber-YYYY-MM-DD, the date being the InvoiceDate.")
    public static let mipsPartialPayments = BIFRule("BIF-MIPS-005", "AllowPartialPayments is false.")
    public static let mipsBlockFlags = BIFRule("BIF-MIPS-006", "BlockPaymentsCC and BlockPaymentsEFT are false.")
    public static let mipsMinimumPayment = BIFRule("BIF-MIPS-007", "MinimumAmountDue is the total amount due.")
    public static let mipsDescription = BIFRule("BIF-MIPS-008", "The invoice detail Description is 'Insurance'.")
    public static let mipsOneInvoice = BIFRule("BIF-MIPS-009", "An uploaded file holds exactly one invoice.")

    // IMT Spectrum.
    public static let spectrumOpenItem = BIFRule(
        "BIF-SPEC-001", "Open item billing: BalanceForward is absent or false.")
    public static let spectrumDeleteAmount = BIFRule(
        "BIF-SPEC-002", "A D record (an invoice no longer in existence) carries no amount: TotalAmountDue 0.00 (a warning).",
        warns: true)
    public static let spectrumMinimumPayment = BIFRule("BIF-SPEC-003", "MinimumAmountDue is the balance due (TotalAmountDue).")
    public static let spectrumPaymentOptions = BIFRule(
        "BIF-SPEC-004", "BlockPaymentsCC, BlockPaymentsEFT and AllowPartialPayments are given in the file.")
    public static let spectrumDates = BIFRule(
        "BIF-SPEC-005", "FirstNotifyRequestedDate and AutoPayCollectionDate are given on R records.")
    public static let spectrumFormatGuid = BIFRule(
        "BIF-SPEC-006", "InvoiceFormatGuid is a real GUID, not all zeros, for PDF extraction.")
    public static let spectrumLaterNotifyDates = BIFRule(
        "BIF-SPEC-008",
        "SecondNotifyRequestedDate and ThirdNotifyRequestedDate are left to BIF customization (a warning when given).",
        warns: true)

    // IC's invoices: a rule between an upload and the invoices IC already holds, checked by the
    // mock IC when it takes a file, not by the validator (which sees one file alone).
    public static let accountNumberKept = BIFRule(
        "IC-INV-003",
        "An upload never changes the AccountNumber of an invoice IC holds (seed 004: account numbers will not change).")

    public static let all: [BIFRule] = [
        fileHeaderFirst, knownRow, invoiceNesting, fieldCount, requiredField, fieldFormat, invoiceCount, totalAmount, text,
        recordType, mipsRecordType, mipsBalanceForward, mipsInvoiceType, mipsInvoiceNumber, mipsPartialPayments,
        mipsBlockFlags, mipsMinimumPayment, mipsDescription, mipsOneInvoice, spectrumOpenItem, spectrumDeleteAmount,
        spectrumMinimumPayment, spectrumPaymentOptions, spectrumDates, spectrumFormatGuid, spectrumLaterNotifyDates,
    ]

    /// Whether the rule's findings are warnings only: no seed sentence makes a file that breaks it one IC refuses.
    public let warns: Bool

    init(_ id: String, _ statement: String, warns: Bool = false) {
        (self.id, self.statement, self.warns) = (id, statement, warns)
    }
}

/// Which rules apply beyond the common ones.
public enum BIFProfile: String, Sendable, CaseIterable {
    /// The common rules only.
    case common
    case imtMipsApps = "imt-mips-apps"
    case imtSpectrum = "imt-spectrum"
}
