import Flows
import Support
import Wire
import Yams

/// `invoice-upload: {file, soap, biller, key, operation}`: IMT's upload of a BIF to the mock IC,
/// as the scenario's profile sends it (MIPS/APPS one file per invoice, Spectrum whole).
///
/// `biller` and `key` default to the `ic:` block's first biller; `soap` to 1.1; `operation`
/// to UploadInvoice.
struct InvoiceUploadStep: StepKind, Hashable {
    static let key = "invoice-upload"
    static let schema = MappingSchema(
        "IMT's upload of a BIF to the mock IC, as the scenario's profile sends it (MIPS/APPS one file per invoice, Spectrum whole).",
        .required("file", .text, "The BIF to upload: of the files: block or an earlier step's output."),
        .optional("soap", .choice(of: SOAPVersion.self), "The SOAP version (default 1.1)."),
        .optional("biller", .text, "The BillerGUID (default the ic: block's first biller's)."),
        .optional("key", .text, "The web service key (default the ic: block's first biller's)."),
        .optional("operation", .choice(of: UploadInvoiceRequest.Operation.self), "The upload operation (default UploadInvoice)."))
    var file: String
    var billerGUID: String?
    var webServiceKey: String?
    var version: SOAPVersion
    var operation: UploadInvoiceRequest.Operation
    var profile: BIFProfile

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let reader = loading.reader
        let fields = try reader.mapping(node, what: "an invoice-upload step", schema: Self.schema)
        version = try loading.soapVersion(fields["soap"])
        file = try loading.file(reader.required("file", in: fields, at: node))
        billerGUID = try loading.optionalText(fields["biller"], what: "biller")
        webServiceKey = try loading.optionalText(fields["key"], what: "key")
        operation =
            try fields["operation"].map { node throws(InputError) in
                try reader.choice(node, what: "upload operation", of: UploadInvoiceRequest.Operation.self)
            } ?? .uploadInvoice
        profile = loading.bifProfile
    }

    var needs: StepNeeds { [.ic] }
    var flow: IntegrationFlow? { .invoiceUpload }
    var secrets: [String] { webServiceKey.map { [$0] } ?? [] }

    func run(in context: inout ScenarioContext) async -> StepOutcome<Output> {
        guard let service = context.icService(billerGUID: billerGUID, key: webServiceKey) else {
            return .failed(StepFailure(Self.key, ScenarioContext.noBiller))
        }
        let bif: BIFFile
        switch context.bif(file) {
        case .success(let read): bif = read
        case .failure(let failure): return .failed(failure.named(Self.key))
        }
        let flow = InvoiceUpload(
            serviceURL: service.url, billerGUID: service.guid, webServiceKey: service.key, version: version,
            client: context.client, operation: operation)
        let uploads = await flow.upload(bif, name: file, profile: profile)
        return .done(
            Output(file: file, operation: operation.rawValue, soap: version.rawValue, uploads: uploads.map(Output.Upload.init)))
    }

    /// Each file sent and what IC answered.
    struct Output: Encodable, Sendable {
        var step = InvoiceUploadStep.key
        var file: String
        var operation: String
        var soap: String
        var uploads: [Upload]

        /// One file's upload: accepted with its invoice count, refused with the rules broken, or failed.
        struct Upload: Encodable, Sendable {
            var file: String
            var status: String
            var invoices: Int?
            var message: String?
            var rules: [String]?

            init(_ upload: InvoiceUpload.Upload) {
                file = upload.fileName
                switch upload.outcome {
                case .accepted(let invoices): (status, self.invoices) = ("accepted", invoices)
                case .refused(let message, let rules): (status, self.message, self.rules) = ("refused", message, rules)
                case .failed(let message): (status, self.message) = ("failed", message)
                }
            }
        }
    }
}
