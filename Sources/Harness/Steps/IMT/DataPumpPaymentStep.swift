import Flows
import Support
import Wire
import Yams

/// `datapump-payment: {payment_id, account, method, amount, convenience_fee, message, customer_name, …}`:
/// DataPump posts a payment to IMT.
struct DataPumpPaymentStep: StepKind, Hashable {
    static let key = "datapump-payment"
    /// The payment fields a step may give.
    static let schema = MappingSchema(
        "DataPump posts a payment to IMT (POST payments/ or, for a Spectrum biller, online-receipts/; settings 11-13).",
        .optional("biller_id", .text, "IC's BillerID (default 2984, the seed's sample biller)."),
        .required("payment_id", .text, "IC's payment id."),
        .required("account", .text, "The policy number."),
        .optional(
            "invoice_type", .text, "The InvoiceTypeID that picks the IMT environment under setting 81 MULTIENVIRONMENT."),
        .required("method", .choice(of: PaymentPost.Method.self), "CC or ACH."),
        .required("amount", .formatted(.money), "PaymentAmount, fee included, as a decimal amount such as \"128.95\"."),
        .optional("convenience_fee", .formatted(.money), "The convenience fee within the amount (default 0.00)."),
        .required("message", .text, "PaymentMessage, e.g. \"A1B2C3D4 APPROVED\"."),
        .required("customer_name", .text, "The payer's name, e.g. \"JESSICA SMITH\"."),
        .optional("address_1", .text, "The payer's address, first line."),
        .optional("address_2", .text, "The payer's address, second line."),
        .optional("city", .text, "The payer's city."),
        .optional("state", .text, "The payer's state."),
        .optional("zip", .text, "The payer's ZIP code."),
        .optional("phone", .text, "The payer's phone number."),
        .optional("email", .text, "The payer's email address."),
        .optional(
            "spectrum_payment_service", .choice(of: PaymentService.self),
            "Biller option, imt-spectrum: payments (default: seed 000's payments/) or online-receipt (seed 002's 'OnlineReceipt' web services, posted to online-receipts/)."
        ))
    /// The IC biller id a payment step uses when it names none: the seed's sample biller, BID 2984.
    static let defaultBillerID = "2984"

    var payment: ICPayment
    var service = PaymentService.payments

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let reader = loading.reader
        let fields = try reader.mapping(node, what: "a datapump-payment step", schema: Self.schema)
        func text(_ name: String) throws(InputError) -> String {
            try fields[name].map { node throws(InputError) in try reader.text(node, what: name) } ?? ""
        }
        func money(_ name: String) throws(InputError) -> Money {
            guard let node = fields[name] else { return .zero }
            guard let amount = Money(parsing: try reader.text(node, what: name)) else {
                throw reader.error("\(name) must be a decimal amount such as \"125.00\"", at: node)
            }
            return amount
        }
        let methodNode = try reader.required("method", in: fields, at: node)
        guard let method = PaymentPost.Method(rawValue: try reader.text(methodNode, what: "method")) else {
            throw reader.error("method must be CC or ACH", at: methodNode)
        }
        payment = ICPayment(
            billerID: fields["biller_id"] == nil ? Self.defaultBillerID : try text("biller_id"),
            paymentID: try reader.nonEmptyText(reader.required("payment_id", in: fields, at: node), what: "payment_id"),
            accountNumber: try reader.nonEmptyText(reader.required("account", in: fields, at: node), what: "account"),
            invoiceTypeID: try loading.optionalText(fields["invoice_type"], what: "invoice_type"), method: method,
            paymentAmount: try money("amount"), convenienceFee: try money("convenience_fee"), paymentMessage: try text("message"),
            customerName: try text("customer_name"), address1: try text("address_1"), address2: try text("address_2"),
            city: try text("city"), state: try text("state"), zip: try text("zip"), phone: try text("phone"),
            email: try text("email"))
        if let node = fields["spectrum_payment_service"] {
            service = try reader.choice(node, what: "spectrum_payment_service", of: PaymentService.self)
            if service != .payments, loading.profile.rawValue != "imt-spectrum" {
                throw reader.error(
                    "spectrum_payment_service is an IMT Spectrum option; profile \(loading.profile.rawValue) posts to payments/ (seed 001: \"IMT ‘DataPump Payments’ web services\")",
                    at: node)
            }
        }
    }

    var needs: StepNeeds { [.imt] }
    var flow: IntegrationFlow? { .dataPumpPayment }

    func run(in context: inout ScenarioContext) async -> IMTCallOutput<Posted> {
        IMTCallOutput(step: Self.key, await DataPump(context.caller).post(payment, service: service)) { accepted in
            Posted(httpStatus: accepted.status, transactionID: accepted.reference)
        }
    }

    /// IMT's status and the transaction id posted.
    struct Posted: Encodable, Sendable {
        var httpStatus: Int
        var transactionID: String
    }
}
