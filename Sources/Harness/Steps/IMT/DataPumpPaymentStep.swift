import Flows
import Wire
import Yams

/// `datapump-payment: {payment_id, account, method, amount, convenience_fee, message, customer_name, …}`:
/// DataPump posts a payment to IMT.
struct DataPumpPaymentStep: StepKind, Hashable {
    static let key = "datapump-payment"
    /// The payment fields a step may give.
    static let fields = [
        "biller_id", "payment_id", "account", "invoice_type", "method", "amount", "convenience_fee", "message",
        "customer_name", "address_1", "address_2", "city", "state", "zip", "phone", "email",
    ]
    /// The IC biller id a payment step uses when it names none: the seed's sample biller, BID 2984.
    static let defaultBillerID = "2984"

    var payment: ICPayment

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let reader = loading.reader
        let fields = try reader.mapping(
            node, what: "a datapump-payment step", allowed: Self.fields,
            required: ["payment_id", "account", "method", "amount", "message", "customer_name"])
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
        let methodNode = fields["method"]!
        guard let method = PaymentPost.Method(rawValue: try reader.text(methodNode, what: "method")) else {
            throw reader.error("method must be CC or ACH", at: methodNode)
        }
        payment = ICPayment(
            billerID: fields["biller_id"] == nil ? Self.defaultBillerID : try text("biller_id"),
            paymentID: try reader.nonEmptyText(fields["payment_id"]!, what: "payment_id"),
            accountNumber: try reader.nonEmptyText(fields["account"]!, what: "account"),
            invoiceTypeID: try loading.optionalText(fields["invoice_type"], what: "invoice_type"), method: method,
            paymentAmount: try money("amount"), convenienceFee: try money("convenience_fee"), paymentMessage: try text("message"),
            customerName: try text("customer_name"), address1: try text("address_1"), address2: try text("address_2"),
            city: try text("city"), state: try text("state"), zip: try text("zip"), phone: try text("phone"),
            email: try text("email"))
    }

    var needs: StepNeeds { [.imt] }
    var flow: IntegrationFlow? { .dataPumpPayment }

    func run(in context: inout ScenarioContext) async -> IMTCallOutput<Posted> {
        IMTCallOutput(step: Self.key, await DataPump(context.caller).post(payment)) { accepted in
            Posted(httpStatus: accepted.status, transactionID: accepted.reference)
        }
    }

    /// IMT's status and the transaction id posted.
    struct Posted: Encodable, Sendable {
        var httpStatus: Int
        var transactionID: String
    }
}
