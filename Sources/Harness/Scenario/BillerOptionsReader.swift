import Support
import Wire
import Yams

/// The biller options where the seeds allow either way (`BIFBillerOptions`), as the `ic:`
/// billers and the `bif-validate` step write them.
enum BillerOptionsReader {
    /// The optional members, with the seeds' defaults in their descriptions.
    static let members: [MappingSchema.Member] = [
        .optional(
            "alphanumeric_accounts", .boolean,
            "AccountNumber may hold letters, digits and hyphens (seeds 001, 002); default false: an integer (seed 000)."),
        .optional(
            "payment_options_in_bif", .boolean,
            "MIPS/APPS: AllowPartialPayments and MinimumAmountDue are in the file (default true, seed 001); false leaves them to the biller questionnaire (seed 000)."
        ),
        .optional(
            "invoice_type_ids", .list(.text),
            "MIPS/APPS: the InvoiceTypeIDs the biller's files carry; default [\"252\"] (seed 000's field mapping); a MULTIENVIRONMENT biller lists one per environment (seed 000, setting 81: \"based on InvoiceTypeID\")."
        ),
    ]

    /// The options a mapping's members give; the seeds' defaults for those left out.
    static func options(_ fields: [String: Node], _ reader: YAMLReader) throws(InputError) -> BIFBillerOptions {
        var options = BIFBillerOptions.standard
        if let node = fields["alphanumeric_accounts"] {
            options.alphanumericAccounts = try reader.bool(node, what: "alphanumeric_accounts")
        }
        if let node = fields["payment_options_in_bif"] {
            options.paymentOptionsInFile = try reader.bool(node, what: "payment_options_in_bif")
        }
        if let node = fields["invoice_type_ids"] {
            let ids = try reader.strings(node, what: "invoice_type_ids")
            guard !ids.isEmpty, ids.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil }) else {
                throw reader.error("invoice_type_ids must list whole numbers as text, e.g. [\"252\", \"253\"]", at: node)
            }
            options.invoiceTypeIDs = ids
        }
        return options
    }
}
