import Flows
import Support
import Wire
import Yams

/// `rtdr: {account, invoice_type}`: IC's real-time balance retrieval for an account
/// (`invoice_type` under setting 81 MULTIENVIRONMENT).
struct RTDRStep: StepKind, Hashable {
    static let key = "rtdr"
    static let schema = MappingSchema(
        "IC's real-time balance retrieval (RTDR) for an account, in a session of its own.",
        .required("account", .text, "The policy number IC asks payments-due/ for."),
        .optional(
            "invoice_type", .text, "The InvoiceTypeID that picks the IMT environment under setting 81 MULTIENVIRONMENT."))
    var account: String
    var invoiceType: String?

    init(account: String, invoiceType: String? = nil) {
        self.account = account
        self.invoiceType = invoiceType
    }

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let fields = try loading.reader.mapping(node, what: "an rtdr step", schema: Self.schema)
        account = try loading.reader.nonEmptyText(loading.reader.required("account", in: fields, at: node), what: "account")
        invoiceType = try loading.optionalText(fields["invoice_type"], what: "invoice_type")
    }

    var needs: StepNeeds { [.imt] }
    var flow: IntegrationFlow? { .rtdr }

    func run(in context: inout ScenarioContext) async -> Output {
        Output(await RTDR(context.caller).run(account: account, invoiceTypeID: invoiceType))
    }

    /// The balance shown and the block flags set, or the failure.
    struct Output: Encodable, Sendable {
        var step = RTDRStep.key
        var account: String
        var status: String
        var balance: String?
        var blockFlags: BlockFlags?
        var failure: IMTFailure?
        var session: SessionOutput

        /// `update: false` leaves the customer's flags as they are.
        struct BlockFlags: Encodable, Sendable {
            var update: Bool
            var blockPaymentsCC: Bool?
            var blockPaymentsEFT: Bool?
            /// Setting 32: the customer profile's flags are read-only (only when they are updated).
            var readOnly: Bool?
        }

        init(_ result: RTDRResult) {
            account = result.account
            session = SessionOutput(result.closing)
            switch result.outcome {
            case .updated(let balance, let flags):
                status = "updated"
                self.balance = balance.description
                blockFlags = BlockFlags(
                    update: flags != nil, blockPaymentsCC: flags?.creditCard, blockPaymentsEFT: flags?.ach,
                    readOnly: flags?.readOnly)
            case .failed(let failure):
                status = "failed"
                self.failure = failure
            }
        }
    }
}
