import Wire

extension ICStateLoader {
    /// The `ic:` block (and a `serve ic --state` file).
    static let schema = MappingSchema(
        "The mock IC's state: the billers it serves, the records its reports list, and its faults.",
        .required(
            "billers", .list(.mapping(billerSchema)), "The billers IC's web services authenticate; steps default to the first."),
        .optional(
            "time_zone", .text, "The IANA zone of report dates sent without a zone (default America/New_York)."),
        .optional("payments", .list(.mapping(paymentSchema)), "Every payment IC took."),
        .optional("settlements", .list(.mapping(settlementSchema)), "Settled batches of the payments above; totals computed."),
        .optional("ach_rejects", .list(.mapping(rejectSchema)), "ACH payments above, returned."),
        .optional("autopay_changes", .list(.mapping(changeSchema)), "Autopay enrollment changes."),
        .optional("paperless_changes", .list(.mapping(changeSchema)), "Paperless enrollment changes."),
        .optional(
            "faults", .list(.mapping(IMTStateLoader.faultSchema(route: route))),
            "Injected faults, per operation; effects as for the mock IMT."),
        .optional("portal", .mapping(ICPortalLoader.schema), "The REST services: Cloud SSO Connect and Cloud Payments V2."))

    /// What the route of a mock IC fault names.
    static let route =
        "POST /CloudInvoicing.asmx/<Operation>, one of " + CloudInvoicingWSDL.operations.joined(separator: ", ") + "."

    static let billerSchema = MappingSchema(
        "A biller as IC's web services authenticate it.",
        [
            .required("guid", .text, "The BillerGUID."),
            .required("key", .text, "The biller's web service key (a secret: redacted in every output)."),
            .required("profile", .choice(of: BIFProfile.self), "The BIF profile IC checks the biller's uploads with."),
            .optional(
                "batch_single_invoice_imports", .boolean,
                "Advanced setting 105: hold single-invoice uploads for one import file (default false)."),
        ] + BillerOptionsReader.members)

    static let paymentSchema = MappingSchema(
        "A payment IC took.",
        .required("id", .text, "The payment id, which settlements and ACH rejects name."),
        .required("account", .text, "The account number."),
        .required("invoice", .text, "The invoice number."),
        .required("amount", .formatted(.money), "The amount, fee included, as a decimal amount such as \"102.95\"."),
        .optional("fee", .formatted(.money), "The convenience fee (default 0.00)."),
        .required("method", .choice(of: PaymentPost.Method.self), "CC or ACH."),
        .required("date", .formatted(.dateTime), "When it was paid: a date and time with its zone, e.g. 2024-09-03T13:05:00Z."),
        .optional("status", .text, "Its status (default Approved)."),
        .optional("channel", .text, "Where it was made (default Portal)."))

    static let settlementSchema = MappingSchema(
        "A settled batch of payments.",
        .required("batch", .text, "The batch id."),
        .required("settled", .formatted(.dateTime), "When it settled: a date and time with its zone."),
        .required("payments", .list(.text), "The ids of its payments, from ic.payments."))

    static let rejectSchema = MappingSchema(
        "An ACH payment returned.",
        .required("payment", .text, "The id of an ACH payment of ic.payments."),
        .required("code", .formatted(.nachaReturnCode), "The NACHA return code, e.g. R01."),
        .optional("reason", .text, "The return reason."),
        .required("date", .formatted(.dateTime), "When it was returned: a date and time with its zone."))

    static let changeSchema = MappingSchema(
        "An enrollment change.",
        .required("account", .text, "The account number."),
        .required("enrolled", .boolean, "Enrolled after the change."),
        .required("date", .formatted(.dateTime), "When it changed: a date and time with its zone."),
        .optional("source", .text, "Where it changed (default Portal)."))
}
