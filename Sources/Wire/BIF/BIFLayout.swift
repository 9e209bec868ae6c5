/// The field layout of a BIF: which rows exist, and the fields of each in order.
///
/// The layout is data: `standard` is Bifrost's reading of seed 000's field
/// mapping, and a biller's own layout can be loaded from JSON with
/// `init(json:)`. The rules refer to fields by name, never by position.
public struct BIFLayout: Sendable, Equatable {
    /// One field of a row.
    public struct Field: Sendable, Equatable {
        /// IC's FileSpecID, when the seeds give one.
        public var fileSpecID: Int?
        public var name: String
        public var required: Bool
        public var format: BIFFieldFormat

        public init(_ fileSpecID: Int?, _ name: String, required: Bool, _ format: BIFFieldFormat) {
            (self.fileSpecID, self.name, self.required, self.format) = (fileSpecID, name, required, format)
        }
    }

    /// One row type: its code (the first field of the line) and its fields, the code included.
    public struct Row: Sendable, Equatable {
        public var kind: BIFRowKind
        public var code: String
        public var fields: [Field]

        public init(kind: BIFRowKind, code: String, fields: [Field]) {
            (self.kind, self.code, self.fields) = (kind, code, fields)
        }

        /// The position (0-based) of the field named `name`.
        public func index(of name: String) -> Int? { fields.firstIndex { $0.name == name } }
    }

    public var rows: [Row]

    /// A layout as given; `init(json:)` is the checked way in from outside.
    init(rows: [Row]) { self.rows = rows }

    /// The row of a kind; every layout has one of each kind.
    public func row(_ kind: BIFRowKind) -> Row { rows.first { $0.kind == kind }! }

    /// The row whose code is `code`.
    public func row(code: String) -> Row? { rows.first { $0.code == code } }
}

/// The four kinds of row of a BIF, in the order they nest.
public enum BIFRowKind: String, Sendable, CaseIterable {
    case fileHeader = "file-header"
    case invoiceHeader = "invoice-header"
    case customer = "customer-record"
    case detail = "invoice-detail"

    /// As findings and diffs name it: "invoice header".
    public var label: String { String(rawValue.map { $0 == "-" ? " " : $0 }) }

    /// The label with its article: "an invoice header", "a customer record".
    public var labelWithArticle: String { (self == .invoiceHeader || self == .detail ? "an " : "a ") + label }
}

extension BIFLayout {
    /// Bifrost's standard layout, from seed 000's field mapping and BIF customizations.
    ///
    /// The seeds give the FileSpecIDs, names, required flags and formats but
    /// not the row codes of the invoice rows nor where the customization
    /// fields go: Bifrost's decision is the codes `IH`, `CR`, `ID`, the
    /// FileSpecID order within each row, then the customization fields on the
    /// invoice header in the order below. FileSpecID 71 is not in the seeds:
    /// Bifrost places an optional `DetailAmount` there.
    public static let standard = BIFLayout(rows: [
        Row(
            kind: .fileHeader, code: "FH",
            fields: [
                Field(1, "RowType", required: true, .string),
                Field(2, "BillerGuid", required: true, .guid),
                Field(3, "ThirdPartyFileReference", required: false, .string),
                Field(4, "FileCreationDate", required: true, .date),
                Field(5, "InvoiceCount", required: true, .integer),
                Field(6, "TotalInvoiceAmount", required: true, .money),
            ]),
        Row(
            kind: .invoiceHeader, code: "IH",
            fields: [
                Field(7, "RowType", required: true, .string),
                Field(8, "RecordType", required: true, .string),
                Field(9, "InvoiceFormatGuid", required: true, .guid),
                Field(10, "InvoiceNumber", required: true, .string),
                Field(11, "InvoiceDate", required: true, .date),
                Field(12, "InvoiceDueDate", required: true, .date),
                Field(13, "TotalAmountDue", required: true, .money),
                Field(194, "BalanceForward", required: false, .boolean),
                Field(252, "InvoiceTypeID", required: true, .integer),
                Field(nil, "MinimumAmountDue", required: false, .money),
                Field(nil, "AllowPartialPayments", required: false, .boolean),
                Field(nil, "BlockPaymentsCC", required: false, .boolean),
                Field(nil, "BlockPaymentsEFT", required: false, .boolean),
                Field(nil, "AutoPayCollectionDate", required: false, .date),
                Field(nil, "FirstNotifyRequestedDate", required: false, .date),
                Field(nil, "SecondNotifyRequestedDate", required: false, .date),
                Field(nil, "ThirdNotifyRequestedDate", required: false, .date),
                Field(nil, "LateFeeDate", required: false, .date),
                Field(nil, "PaymentExpirationDate", required: false, .date),
                Field(nil, "PaymentExpirationMessage", required: false, .string),
                Field(nil, "PromptPayExpirationDate", required: false, .date),
                Field(nil, "AchServiceFee", required: false, .money),
                Field(nil, "CreditCardServiceFee", required: false, .money),
                Field(nil, "LocationReference", required: false, .string),
                Field(nil, "RegistrationValue", required: false, .string),
            ]),
        Row(
            kind: .customer, code: "CR",
            fields: [
                Field(58, "RowType", required: true, .string),
                Field(59, "AccountNumber", required: true, .integer),
                Field(60, "CustomerName", required: true, .string),
            ]),
        Row(
            kind: .detail, code: "ID",
            fields: [
                Field(70, "RowType", required: true, .string),
                Field(71, "DetailAmount", required: false, .money),
                Field(72, "Description", required: false, .string),
            ]),
    ])

    /// The fields the validator's rules read; a layout must name each of them.
    public static let fieldsRulesRead: [BIFRowKind: [String]] = [
        .fileHeader: ["InvoiceCount", "TotalInvoiceAmount"],
        .invoiceHeader: [
            "RecordType", "InvoiceFormatGuid", "InvoiceNumber", "InvoiceDate", "TotalAmountDue", "BalanceForward",
            "InvoiceTypeID", "MinimumAmountDue", "AllowPartialPayments", "BlockPaymentsCC", "BlockPaymentsEFT",
            "AutoPayCollectionDate", "FirstNotifyRequestedDate",
        ],
        .customer: ["AccountNumber", "CustomerName"],
        .detail: ["Description"],
    ]
}
