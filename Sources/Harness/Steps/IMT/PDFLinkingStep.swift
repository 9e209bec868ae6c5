import Flows
import Support
import Yams

/// `pdf-linking: {account, invoice_type}`: remote PDF linking fetches a bill from IMT.
struct PDFLinkingStep: StepKind, Hashable {
    static let key = "pdf-linking"
    static let schema = MappingSchema(
        "Remote PDF linking: IC fetches an account's bill from IMT (GET bills/{account}/).",
        .required("account", .text, "The policy number whose bill IC fetches."),
        .optional(
            "invoice_type", .text, "The InvoiceTypeID that picks the IMT environment under setting 81 MULTIENVIRONMENT."))
    var account: String
    var invoiceType: String?

    init(account: String, invoiceType: String? = nil) {
        self.account = account
        self.invoiceType = invoiceType
    }

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let fields = try loading.reader.mapping(node, what: "a pdf-linking step", schema: Self.schema)
        account = try loading.reader.nonEmptyText(loading.reader.required("account", in: fields, at: node), what: "account")
        invoiceType = try loading.optionalText(fields["invoice_type"], what: "invoice_type")
    }

    var needs: StepNeeds { [.imt] }
    var flow: IntegrationFlow? { .pdfLinking }

    func run(in context: inout ScenarioContext) async -> IMTCallOutput<Fetched> {
        let result = await PDFLinking(context.caller).fetch(account: account, invoiceTypeID: invoiceType)
        return IMTCallOutput(step: Self.key, result) { bill in Fetched(bytes: bill.bytes.count, version: bill.version) }
    }

    /// The PDF's size and version.
    struct Fetched: Encodable, Sendable {
        var bytes: Int
        var version: String
    }
}
