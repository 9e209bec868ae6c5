/// The matrices, one table per profile, read from the seed documents.
///
/// A supported or unsupported row's note is the seed's own words (table cells joined by "; ").
/// Where seeds disagree, the row follows the later page and a comment names the other.
extension IntegrationProfile {
    private static let seed000 = "000_65f71bf3b937da3c.txt"
    private static let seed001 = "001_64e454685f3adcde.txt"
    private static let seed002 = "002_b63b7a4e49c08a94.txt"
    private static let seed003 = "003_f0e64856cc3b6e4b.txt"
    private static let seed004 = "004_6814e3e7e613e7cb.txt"

    /// IMT MIPS/APPS: seeds 000 (technical design), 001 (software details), 004 (comparison, "Current").
    public static let imtMipsApps = IntegrationProfile(
        id: "imt-mips-apps", name: "IMT MIPS/APPS",
        features: [
            .init(
                "Invoices", .invoiceUpload, .supported, seed004,
                "BIF format via web services UploadInvoice; Sent to IC immediately"),
            .init("Adjustments/Balances", .rtdr, .supported, seed001, "IMT ‘payments-due’ web services; RTDR"),
            .init("Payments", .dataPumpPayment, .supported, seed001, "IMT ‘DataPump Payments’ web services; Data Pump"),
            .init(
                "Paperless Enrollment", .dataPumpPaperless, .supported, seed001,
                "IC posts the paperless T/F indicator to the IMT account/policy number"),
            .init(
                "AutoPay Enrollment", .dataPumpAutoPay, .supported, seed001,
                "IC posts the autopay T/F indicator to the IMT account/policy number"),
            .init("PDF Linking", .pdfLinking, .supported, seed001, "IC uses the IMT web service to render PDFs via PDF Linking"),
            .init("PDF Extraction", .pdfExtraction, .unsupported, seed001, "PDF Extraction - Not Supported"),
            .init(
                "Payment reporting", .paymentReporting, .unspecified, seed004,
                "the comparison lists the payment reporting services under Spectrum only; MIPS/APPS payments go by data pump"),
            .init(
                "Batch settlement reporting", .settlementReporting, .unspecified, seed004,
                "the comparison lists the batch settlement services under Spectrum only"),
            .init("ACH Rejects Posting", .achRejectReporting, .unsupported, seed001, "ACH Rejects Posting; Not Supported"),
            .init(
                "Change Log - AutoPay report", .autoPayChangeLog, .unspecified, seed001,
                "the change log goes by data pump (“See autopay and paperless below”); no IC report service is named"),
            .init(
                "Change Log - Paperless report", .paperlessChangeLog, .unspecified, seed001,
                "the change log goes by data pump (“See autopay and paperless below”); no IC report service is named"),
            .init("Void", .void, .unsupported, seed001, "Void; Not Supported"),
            // 001 and 004 say "SSO Not Supported"; 000 describes SSOConnect for IMT, by the biller's preference.
            .init(
                "SSO", .sso, .billerOption, seed000,
                "Integration can also be setup to use SSOConnect with IMT. This will depend on the Biller’s preference.",
                against: .init(seed001, "SSO; Not Supported")),
            .init(
                "Cloud Payments V2", .cloudPaymentsV2, .unspecified, seed001,
                "not named; the products table has “CloudPay Web Services” Not Supported"),
            .init("Template", nil, .unsupported, seed001, "Template - Not Supported"),
            .init("Change Log - Phone Number", nil, .unspecified, seed001, "no phone number change log is listed"),
            .init("Change Log - Email Address", nil, .unspecified, seed001, "no email address change log is listed"),
            .init("Outbound Payments", nil, .unsupported, seed004, "Outbound Payments; Not Supported"),
            .init("AgentConnect", nil, .supported, seed001, "AgentConnect is used for agent payments"),
            .init("Check Free - FISERV - Cash", nil, .unsupported, seed001, "Check Free - FISERV - Cash; Not Supported"),
            .init("CloudPay", nil, .unsupported, seed001, "CloudPay; Not Supported"),
            .init("CloudPay Web Services", nil, .unsupported, seed001, "CloudPay Web Services; Not Supported"),
            .init("CloudStore", nil, .unsupported, seed001, "CloudStore; Not Supported"),
            .init("CSRConnect", nil, .unsupported, seed001, "CSRConnect; Not Supported"),
            .init("EMV", nil, .unsupported, seed001, "EMV; Not Supported"),
            .init("IVR", nil, .supported, seed001, "IVR search by accountnumber."),
            .init("Kiosk", nil, .unsupported, seed001, "Kiosk; Not Supported"),
            .init("Online Bank Direct - OBD", nil, .supported, seed001, "Standard OBD setup"),
            .init("Outbound IVR", nil, .unsupported, seed001, "Outbound IVR; Not Supported"),
            .init("POSConnect", nil, .unsupported, seed001, "POSConnect; Not Supported"),
            .init("Account Linking", nil, .supported, seed001, "Account Linking; Supported; Standard"),
            .init("Multi-User Log In", nil, .unsupported, seed001, "Multi-User Log In; Not Supported"),
            .init("Co-Owner Registration", nil, .unsupported, seed001, "Co-Owner Registration; Not Supported"),
            .init("AutoPay Collection Date", nil, .supported, seed001, "AutoPay Collection Date; Supported; in BIF"),
            .init("Batch Closure", nil, .supported, seed001, "Batch Closure; Custom"),
            .init("Bill Processor", nil, .unsupported, seed001, "Bill Processor; Not Supported"),
            .init(
                "Balance Forward", nil, .supported, seed001,
                "Balance forward is required for the integration and is sent by IMT in the BIF"),
            .init("Open Item Billing", nil, .unsupported, seed001, "Open Item Billing; Not Supported"),
            .init(
                "Block Payment", nil, .supported, seed001,
                "Managed in the IC biller portal - blocks always set to false in the BIF"),
            .init("Conveyance", nil, .unsupported, seed001, "Conveyance; Not Supported"),
            .init(
                "Data Conversions", nil, .supported, seed001,
                "IMT supports autopay conversions and will provide IC the data for conversion"),
            .init(
                "Email Notification Schedule", nil, .supported, seed001,
                "Email Notification Schedule; Supported; BIF customization"),
            .init("Expire Bill for Payment", nil, .unsupported, seed001, "Expire Bill for Payment; Not Supported"),
            .init("Flex Pay", nil, .unsupported, seed001, "Flex Pay; Not Supported"),
            .init("Minimum Payment", nil, .supported, seed001, "in BIF - always set to IMT BalanceDue"),
            .init("Paperless", nil, .supported, seed001, "Paperless; Supported"),
            .init(
                "Partial Payments", nil, .unsupported, seed001, "Partial Payments; Not Supported; in BIF - always set to false"),
            .init("Past Due Payments", nil, .unsupported, seed001, "Past Due Payments; Not Supported"),
            .init("Scheduled Payments", nil, .supported, seed001, "Scheduled Payments; Supported"),
        ])

    /// IMT Spectrum: seeds 002 (software details), 004 (comparison, "Future") and 000.
    public static let imtSpectrum = IntegrationProfile(
        id: "imt-spectrum", name: "IMT Spectrum",
        features: [
            .init(
                "Invoices", .invoiceUpload, .supported, seed002,
                "BIF will be sent hourly to IC (frequency may increase, if needed)."),
            .init(
                "Adjustments/Balances", .rtdr, .supported, seed002, "There is also a RTDR web service to update invoice balances."
            ),
            .init("Payments", .dataPumpPayment, .supported, seed002, "IC posts payments via data pump"),
            .init(
                "Paperless Enrollment", .dataPumpPaperless, .unsupported, seed004,
                "Data Pump configuration for paperless will need to be disabled"),
            .init(
                "AutoPay Enrollment", .dataPumpAutoPay, .unsupported, seed004,
                "Data Pump configuration for autopay will need to be disabled"),
            .init(
                "PDF Linking", .pdfLinking, .unsupported, seed002,
                "The integration does not support PDF Linking between IC and IMT Spectrum."),
            .init(
                "PDF Extraction", .pdfExtraction, .supported, seed002,
                "PDF Extraction (linking by file name) supported by IMT by file name (BID_ACCOUNTNUMBER_INVOICENUMBER)"),
            .init(
                "Payment reporting", .paymentReporting, .supported, seed002,
                "PaymentReportingSOAP; Polling every two hours to record payments made on IC"),
            .init(
                "Batch settlement reporting", .settlementReporting, .supported, seed002,
                "BillerSettledBatchDetailSOAP; Polling batch settlement details every four hours"),
            .init(
                "ACH Rejects Posting", .achRejectReporting, .supported, seed002,
                "called from the IMT system to retrieve ACH Rejects. Polling rejects every three hours"),
            .init(
                "Change Log - AutoPay Enrollment", .autoPayChangeLog, .supported, seed002,
                "BillerAutoPayCustomerReportSOAP; called from the IMT system to gather changes"),
            .init(
                "Change Log - Paperless Enrollment", .paperlessChangeLog, .supported, seed002,
                "BillerPaperlessCustomerReportDataSet; called from the IMT system to gather changes"),
            .init("Void", .void, .unsupported, seed002, "Void; Not Supported"),
            // 002 and 004 say "SSO Not Supported"; 000 says Spectrum can use SSOConnect, by the biller's preference.
            .init(
                "SSO", .sso, .billerOption, seed000,
                "IMT Spectrum can integrate with Invoice Cloud with Customer Portal/Virtual Site "
                    + "or newly added functionality of SSOConnect.",
                against: .init(seed002, "SSO; Not Supported")),
            .init(
                "Cloud Payments V2", .cloudPaymentsV2, .unspecified, seed002,
                "not named; the products table has “CloudPay Web Services” Not Supported"),
            .init("Template", nil, .unsupported, seed002, "Template - Not Supported"),
            .init("Change Log - Phone Number", nil, .unsupported, seed002, "Change Log - Phone Number; Not Supported"),
            .init("Change Log - Email Address", nil, .unsupported, seed002, "Change Log - Email Address; Not Supported"),
            .init("Outbound Payments", nil, .unsupported, seed004, "Outbound Payments; Not Supported; Phase 3 - No ETA"),
            .init(
                "AgentConnect", nil, .supported, seed002, "Used by Agent’s in Spectrum policy admin system (“Pay Now” button)"),
            .init("Check Free - FISERV - Cash", nil, .supported, seed002, "*Product dependency on OBD"),
            .init("CloudPay", nil, .unsupported, seed002, "CloudPay; Not Supported"),
            .init("CloudPay Web Services", nil, .unsupported, seed002, "CloudPay Web Services; Not Supported"),
            .init(
                "CloudStore", nil, .supported, seed002,
                "Standard CloudStore can be implemented - no payment posting facilitated by IC."),
            .init("CSRConnect", nil, .unsupported, seed002, "CSRConnect; Not Supported"),
            .init("EMV", nil, .supported, seed002, "EMV; Supported"),
            .init("IVR", nil, .supported, seed002, "Standard IVRT call flow can be implemented."),
            .init("Kiosk", nil, .supported, seed002, "Kiosk; Supported"),
            .init("Online Bank Direct - OBD", nil, .supported, seed002, "Standard OBD can be implemented."),
            .init("Outbound IVR", nil, .supported, seed002, "Standard Outbound IVR product can be implemented."),
            .init("POSConnect", nil, .unsupported, seed002, "POSConnect; Not Supported"),
            .init("Account Linking", nil, .supported, seed002, "Standard account registration in IC Customer Portal."),
            // 004 says "Multi-User Login: Not Supported" for both;
            // 000: "Multiuser is available to be used and preferred by IMT Spectrum".
            .init("Multi-User Log In", nil, .supported, seed002, "Multi-User Log In; Supported"),
            .init("Co-Owner Registration", nil, .supported, seed002, "Co-Owner Registration; Supported"),
            .init("AutoPay Collection Date", nil, .supported, seed002, "AutoPayCollectionDate will be provided in BIF"),
            .init("Batch Closure", nil, .supported, seed002, "Batch Closure; Auto or Custom"),
            .init("Bill Processor", nil, .unsupported, seed002, "Bill Processor; Not Supported"),
            .init("Balance Forward", nil, .unsupported, seed002, "Balance Forward; Not Supported"),
            .init("Open Item Billing", nil, .supported, seed002, "Open Item Billing; Supported"),
            .init(
                "Block Payment", nil, .supported, seed002, "BlockPaymentsCC and BlockPaymentsEFT are available in the BIF"),
            .init("Conveyance", nil, .unsupported, seed002, "Conveyance; Not Supported"),
            .init("Data Conversions", nil, .supported, seed002, "Data Conversions; Supported"),
            .init("Email Notification Schedule", nil, .supported, seed002, "FirstNotifyRequestedDate provided in BIF."),
            .init("Expire Bill for Payment", nil, .unsupported, seed002, "Expire Bill for Payment; Not Supported"),
            .init("Flex Pay", nil, .supported, seed002, "Flex Pay; Supported"),
            .init(
                "Minimum Payment", nil, .supported, seed002, "BalanceDue is sent in the ‘MinimumPayment’ due field via the BIF"),
            .init("Paperless", nil, .supported, seed002, "Paperless; Supported"),
            .init("Partial Payments", nil, .supported, seed002, "Partial Payments; Supported; in BIF"),
            .init("Past Due Payments", nil, .unsupported, seed002, "Past Due Payments; Not Supported"),
            .init("Scheduled Payments", nil, .supported, seed002, "Scheduled Payments; Supported"),
        ])

    private static let noProducts = "the technical design has no products table"
    private static let noFeatures = "the technical design has no supported-features table"
    private static let unsized = "its integration sizing rows are left “Y/N”"

    /// Accelerated Innovations MyMeter: seed 003 (technical design, draft).
    public static let aiMyMeter = IntegrationProfile(
        id: "ai-mymeter", name: "Accelerated Innovations MyMeter",
        features: [
            .init("Invoices", .invoiceUpload, .unspecified, seed003, "“Data Flow - Invoice” is an empty heading; \(unsized)"),
            .init("Balance Refresh", .rtdr, .unspecified, seed003, "“Data Flow - Adjustments” is an empty heading; \(unsized)"),
            .init(
                "Payments", .dataPumpPayment, .unspecified, seed003,
                "“Data Flow - Payment” is an empty heading; Cloud Payments V2 posts back to a MyMeter “PostBackURL”"),
            .init(
                "Paperless Enrollment", .dataPumpPaperless, .unspecified, seed003,
                "payers enroll on IC’s page (SSO redirect 2); “Data Flow - Change Log” is an empty heading"),
            .init(
                "AutoPay Enrollment", .dataPumpAutoPay, .unspecified, seed003,
                "payers enroll on IC’s page (SSO redirect 3); “Data Flow - Change Log” is an empty heading"),
            .init(
                "PDF Linking", .pdfLinking, .unspecified, seed003,
                "“Data Flow - Bill Presentment” is an empty heading; \(unsized)"),
            .init(
                "PDF Extraction", .pdfExtraction, .unspecified, seed003,
                "“Data Flow - Bill Presentment” is an empty heading; \(unsized)"),
            .init("Payment reporting", .paymentReporting, .unspecified, seed003, "no IC reporting service is named"),
            .init("Batch settlement reporting", .settlementReporting, .unspecified, seed003, "no IC reporting service is named"),
            .init("ACH Rejects", .achRejectReporting, .unspecified, seed003, "“Data Flow - ACH Reject” is an empty heading"),
            .init(
                "Change Log - AutoPay", .autoPayChangeLog, .unspecified, seed003, "“Data Flow - Change Log” is an empty heading"),
            .init(
                "Change Log - Paperless", .paperlessChangeLog, .unspecified, seed003,
                "“Data Flow - Change Log” is an empty heading"),
            .init("Void", .void, .unspecified, seed003, "“Data Flow - Void” is an empty heading"),
            .init(
                "SSO", .sso, .supported, seed003,
                "Always 1 = iFrame; AI redirects (iFrame) to Customer Portal Recent Bill Listing"),
            .init(
                "Cloud Payments V2", .cloudPaymentsV2, .supported, seed003,
                "City of Boulder is only using the CPV2 payment page for registered user."),
            .init(
                "Account Registration", nil, .supported, seed003,
                "LogintypeID (REST- Remote Authentication- Register Accounts) is always = 5"),
            .init(
                "Co-Owner Registration", nil, .supported, seed003,
                "If they have or will have other users on the account, we will treat them as co-owner on IC side."),
            .init(
                "User permissions", nil, .unsupported, seed003,
                "AI can set user permissions on their platform, but we don’t support that way."),
            .init(
                "Multi-User Log In", nil, .unspecified, seed003,
                "“AI doesn’t have the owner/co-owner login type for multi-user registration”; other users become co-owners"),
            .init(
                "Unregistered User Payment", nil, .supported, seed003,
                "MyMeter will redirect Payer to InvoiceCloud Virtual Site."),
            .init(
                "Paperless", nil, .supported, seed003, "AI redirects (iFrame) to Customer Portal Paperless Settings screen"),
            .init(
                "AutoPay", nil, .supported, seed003, "AI redirects (iFrame) to Customer Portal AutoPay Settings screen"),
            .init("Scheduled Payments", nil, .supported, seed003, "AI redirects (iFrame) to Scheduled Payments screen"),
            .init("Payment Methods", nil, .supported, seed003, "AI redirects (iFrame) to Payment Methods screen"),
            .init("Partial Payments", nil, .supported, seed003, "AllowPartialPayments; Yes"),
            .init("Template", nil, .unspecified, seed003, "“Data Flow - Bill Presentment” is an empty heading; \(unsized)"),
            .init("Change Log - Phone Number", nil, .unspecified, seed003, "“Data Flow - Change Log” is an empty heading"),
            .init("Change Log - Email Address", nil, .unspecified, seed003, "“Data Flow - Change Log” is an empty heading"),
            .init("Outbound Payments", nil, .unspecified, seed003, noFeatures),
            .init("AgentConnect", nil, .unspecified, seed003, "“Agent Experience” is an empty heading"),
            .init("Check Free - FISERV - Cash", nil, .unspecified, seed003, noProducts),
            .init("CloudPay", nil, .unspecified, seed003, "\(noProducts); see Cloud Payments V2"),
            .init("CloudPay Web Services", nil, .unspecified, seed003, "\(noProducts); see Cloud Payments V2"),
            .init("CloudStore", nil, .unspecified, seed003, noProducts),
            .init("CSRConnect", nil, .unspecified, seed003, noProducts),
            .init("EMV", nil, .unspecified, seed003, "\(noProducts); Cloud Payments V2 lists “AllowEMV” without a value"),
            .init("IVR", nil, .unspecified, seed003, noProducts),
            .init("Kiosk", nil, .unspecified, seed003, noProducts),
            .init("Online Bank Direct - OBD", nil, .unspecified, seed003, noProducts),
            .init("Outbound IVR", nil, .unspecified, seed003, noProducts),
            .init("POSConnect", nil, .unspecified, seed003, noProducts),
            .init("Account Linking", nil, .unspecified, seed003, noFeatures),
            .init("AutoPay Collection Date", nil, .unspecified, seed003, "listed under BIF customizations without a value"),
            .init("Batch Closure", nil, .unspecified, seed003, noFeatures),
            .init("Bill Processor", nil, .unspecified, seed003, noFeatures),
            .init("Balance Forward", nil, .unspecified, seed003, "listed under BIF customizations without a value"),
            .init("Open Item Billing", nil, .unspecified, seed003, noFeatures),
            .init("Block Payment", nil, .unspecified, seed003, noFeatures),
            .init("Conveyance", nil, .unspecified, seed003, "“Data Flow - Conveyance” is an empty heading"),
            .init("Data Conversions", nil, .unspecified, seed003, noFeatures),
            .init(
                "Email Notification Schedule", nil, .unspecified, seed003,
                "notify dates listed under BIF customizations without a value"),
            .init(
                "Expire Bill for Payment", nil, .unspecified, seed003,
                "PaymentExpirationDate listed under BIF customizations without a value"),
            .init("Flex Pay", nil, .unspecified, seed003, noFeatures),
            .init(
                "Minimum Payment", nil, .unspecified, seed003, "MinimumAmountDue listed under BIF customizations without a value"),
            .init("Past Due Payments", nil, .unspecified, seed003, noFeatures),
        ])
}

extension IntegrationProfile.Feature {
    fileprivate init(
        _ name: String, _ flow: IntegrationFlow?, _ support: IntegrationProfile.Support, _ seed: String, _ note: String,
        against: IntegrationProfile.Citation? = nil
    ) {
        self.init(name: name, flow: flow, support: support, seed: seed, note: note, against: against)
    }
}
