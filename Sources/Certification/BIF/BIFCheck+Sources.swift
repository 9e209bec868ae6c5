/// The seed text each BIF rule rests on, copied from `Scenarios/requirements.yaml` so that a report
/// reads without the repository (a test keeps the two equal).
extension BIFCheck {
    /// Seed, section and quote by rule id.
    static let sources: [String: (seed: String, section: String, quote: String)] = [
        "BIF-COM-001": (
            "000_65f71bf3b937da3c.txt", "Field Mapping",
            "1 RowType Y TRUE n/a - always FH File Header"
        ),
        "BIF-COM-002": (
            "000_65f71bf3b937da3c.txt", "Field Mapping",
            "Record Type: File Header, Invoice Header, Customer Record, Invoice Detail"
        ),
        "BIF-COM-003": (
            "000_65f71bf3b937da3c.txt", "Field Mapping",
            "7 RowType IC Value Invoice Header; 58 RowType IC Value Customer Record; 70 RowType IC Value Invoice Detail"
        ),
        "BIF-COM-004": (
            "000_65f71bf3b937da3c.txt", "File Mapping",
            "File Extension: bif ... File Delimiter: pipe"
        ),
        "BIF-COM-005": (
            "000_65f71bf3b937da3c.txt", "Field Mapping",
            "Required (T/F): 2 BillerGuid TRUE; 4 FileCreationDate TRUE; 10 InvoiceNumber TRUE; 59 AccountNumber TRUE; 60 CustomerName TRUE"
        ),
        "BIF-COM-006": (
            "000_65f71bf3b937da3c.txt", "Field Mapping",
            "11 InvoiceDate mm/dd/yyyy; 12 InvoiceDueDate mm/dd/yyyy; 13 TotalAmountDue Money; 59 AccountNumber Int"
        ),
        "BIF-COM-007": (
            "000_65f71bf3b937da3c.txt", "Field Mapping",
            "5 InvoiceCount Y TRUE Total amount of invoices in the file"
        ),
        "BIF-COM-008": (
            "000_65f71bf3b937da3c.txt", "Field Mapping",
            "6 TotalInvoiceAmount Y TRUE Total invoice amount in the file"
        ),
        "BIF-COM-009": (
            "000_65f71bf3b937da3c.txt", "File Mapping",
            "Invoice File ... File Delimiter: pipe (a text file of pipe-delimited lines)"
        ),
        "BIF-COM-010": (
            "004_6814e3e7e613e7cb.txt", "Invoice Data",
            "If the Invoice is still in existence, it would be \"R\" record - $0.00. If the Invoice is no longer in existence ... it would be \"D\" record."
        ),
        "BIF-MIPS-001": (
            "000_65f71bf3b937da3c.txt", "Field Mapping",
            "8 RecordType Y TRUE 'R' - Static Invoice Header"
        ),
        "BIF-MIPS-002": (
            "001_64e454685f3adcde.txt", "Billing Options",
            "Balance Forward Supported - Balance forward is required for the integration and is sent by IMT in the BIF (194 BalanceForward IC Value - '1')"
        ),
        "BIF-MIPS-003": (
            "000_65f71bf3b937da3c.txt", "Field Mapping",
            "252 InvoiceTypeID Y TRUE IC Value - '252'"
        ),
        "BIF-MIPS-004": (
            "000_65f71bf3b937da3c.txt", "Field Mapping",
            "10 InvoiceNumber Y TRUE Policy ID AcctNum-YYYY-MM-DD"
        ),
        "BIF-MIPS-005": (
            "001_64e454685f3adcde.txt", "Partial Payments",
            "Partial Payments Not Supported in BIF - always set to false"
        ),
        "BIF-MIPS-006": (
            "001_64e454685f3adcde.txt", "Block Payment",
            "Block Payment Supported Managed in the IC biller portal - blocks always set to false in the BIF"
        ),
        "BIF-MIPS-007": (
            "001_64e454685f3adcde.txt", "Minimum Payment",
            "Minimum Payment Supported in BIF - always set to IMT BalanceDue"
        ),
        "BIF-MIPS-008": (
            "000_65f71bf3b937da3c.txt", "Field Mapping",
            "72 Description Y FALSE Static Value - 'Insurance' Invoice Detail"
        ),
        "BIF-MIPS-009": (
            "004_6814e3e7e613e7cb.txt", "Invoice Data",
            "Sent to IC immediately (IC takes files with individual invoice records and consolidates the records into one BIF for import)"
        ),
        "BIF-SPEC-001": (
            "002_b63b7a4e49c08a94.txt", "Billing Options",
            "Balance Forward Not Supported; Open Item Billing Supported"
        ),
        "BIF-SPEC-002": (
            "004_6814e3e7e613e7cb.txt", "Invoice Data",
            "If the Invoice is no longer in existence, due to a full plan change, rewrite, etc., it would be \"D\" record."
        ),
        "BIF-SPEC-003": (
            "002_b63b7a4e49c08a94.txt", "Minimum Payment",
            "BalanceDue is sent in the 'MinimumPayment' due field via the BIF"
        ),
        "BIF-SPEC-004": (
            "002_b63b7a4e49c08a94.txt", "Block Payment, Partial Payments",
            "BlockPaymentsCC and BlockPaymentsEFT are available in the BIF; Partial Payments Supported in BIF"
        ),
        "BIF-SPEC-005": (
            "002_b63b7a4e49c08a94.txt", "AutoPay Collection Date, Email Notification Schedule",
            "AutoPayCollectionDate will be provided in BIF; FirstNotifyRequestedDate provided in BIF"
        ),
        "BIF-SPEC-006": (
            "004_6814e3e7e613e7cb.txt", "Bill Images",
            "IMT already has the invoice format GUID for PDF Extraction that needs to be provided in the BIF"
        ),
        "BIF-SPEC-008": (
            "002_b63b7a4e49c08a94.txt", "Features (Email Notification Schedule)",
            "FirstNotifyRequestedDate provided in BIF. Second and Third request dates need to be set via BIF Customization"
        ),
    ]
}
