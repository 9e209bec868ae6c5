/// What a biller may have either way where the seeds differ, with the seeds' defaults.
///
/// - `alphanumericAccounts`: seed 000 maps AccountNumber as "Int"; seeds 001 and 002 say "Some
///   billers have alphanumeric policy/account numbers". Default false (seed 000); true accepts
///   letters, digits and hyphens.
/// - `paymentOptionsInFile` (IMT MIPS/APPS): seed 001 puts AllowPartialPayments ("in BIF -
///   always set to false") and the minimum payment ("in BIF - always set to IMT BalanceDue") in
///   the file; seed 000's BIF customizations say "MinimumAmountDue N/A" and "AllowPartialPayments
///   on biller questionnaire". Default true (seed 001); false lets the two fields be empty, and a
///   value that is given still follows seed 001.
/// - `invoiceTypeIDs` (IMT MIPS/APPS): seed 000's field mapping fixes InvoiceTypeID at "IC Value -
///   ‘252’" (BIF-MIPS-003), while its advanced setting 81 posts a MULTIENVIRONMENT biller's data "to
///   two endpoints (based on InvoiceTypeID)". Default ["252"]; a multi-environment biller lists
///   each environment's InvoiceTypeID (e.g. 252 and 253).
public struct BIFBillerOptions: Sendable, Hashable {
    public var alphanumericAccounts: Bool
    public var paymentOptionsInFile: Bool
    public var invoiceTypeIDs: [String]

    /// Seed 000's only InvoiceTypeID for MIPS/APPS.
    public static let standardInvoiceTypeIDs = ["252"]

    public init(
        alphanumericAccounts: Bool = false, paymentOptionsInFile: Bool = true, invoiceTypeIDs: [String] = standardInvoiceTypeIDs
    ) {
        (self.alphanumericAccounts, self.paymentOptionsInFile) = (alphanumericAccounts, paymentOptionsInFile)
        self.invoiceTypeIDs = invoiceTypeIDs
    }

    /// The seeds' defaults.
    public static let standard = BIFBillerOptions()

    /// `layout` with AccountNumber's format as these options say.
    public func applied(to layout: BIFLayout) -> BIFLayout {
        guard alphanumericAccounts else { return layout }
        var changed = layout
        for (r, row) in changed.rows.enumerated() {
            for (f, field) in row.fields.enumerated() where field.name == "AccountNumber" {
                changed.rows[r].fields[f].format = .alphanumeric
            }
        }
        return changed
    }
}
