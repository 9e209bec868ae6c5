import Flows
import Wire
import Yams

/// Reads a scenario's IC→IMT steps.
///
/// ```yaml
/// steps:
///   - rtdr: {account: "20240903", invoice_type: "252"}     # invoice_type: under setting 81 MULTIENVIRONMENT
///   - datapump-payment:
///       {payment_id: "1001", account: "20240903", method: CC, amount: "128.95", convenience_fee: "3.95",
///        message: "APPROVED 0042", customer_name: "JESSICA SMITH", biller_id: "2984"}
///   - datapump-paperless: {account: "20240903", paperless: true}
///   - datapump-autopay: {account: "20240903", bill_mode: autopay}
///   - pdf-linking: {account: "20240903"}
///   - validate-settings: {}
///   - imt-request: {method: PATCH, path: settings/20240903/, body: '{"data": …}', service: paperless}
/// ```
struct IMTStepLoader {
    static let stepNames = [
        "rtdr", "datapump-payment", "datapump-paperless", "datapump-autopay", "pdf-linking", "validate-settings", "imt-request",
    ]
    /// The payment fields a step may give, with the ICPayment property each fills.
    static let paymentFields = [
        "biller_id", "payment_id", "account", "invoice_type", "method", "amount", "convenience_fee", "message",
        "customer_name", "address_1", "address_2", "city", "state", "zip", "phone", "email",
    ]
    /// The IC biller id a payment step uses when it names none: the seed's sample biller, BID 2984.
    static let defaultBillerID = "2984"

    let reader: YAMLReader

    func step(_ name: String, _ node: Node) throws(InputError) -> Scenario.Step {
        switch name {
        case "rtdr":
            let fields = try reader.mapping(
                node, what: "an rtdr step", allowed: ["account", "invoice_type"], required: ["account"])
            return .rtdr(account: try account(fields), invoiceType: try invoiceType(fields))
        case "datapump-payment":
            return .dataPumpPayment(try payment(node))
        case "datapump-paperless":
            let fields = try reader.mapping(
                node, what: "a datapump-paperless step", allowed: ["account", "paperless"], required: ["account", "paperless"])
            return .dataPumpEnrollment(
                account: try account(fields), change: .paperless(try reader.bool(fields["paperless"]!, what: "paperless")))
        case "datapump-autopay":
            let fields = try reader.mapping(
                node, what: "a datapump-autopay step", allowed: ["account", "bill_mode"], required: ["account", "bill_mode"])
            let modeNode = fields["bill_mode"]!
            guard let mode = PolicySettings.BillMode(rawValue: try reader.text(modeNode, what: "bill_mode")) else {
                throw reader.error("bill_mode must be autopay or direct", at: modeNode)
            }
            return .dataPumpEnrollment(account: try account(fields), change: .billMode(mode))
        case "pdf-linking":
            let fields = try reader.mapping(
                node, what: "a pdf-linking step", allowed: ["account", "invoice_type"], required: ["account"])
            return .pdfLinking(account: try account(fields), invoiceType: try invoiceType(fields))
        case "imt-request":
            return .imtRequest(try rawRequest(node))
        default:
            _ = try reader.mapping(node, what: "a validate-settings step", allowed: [])
            return .validateSettings
        }
    }

    /// `imt-request: {method, path, body, content_type, session (default true), service (default rtdr)}`.
    func rawRequest(_ node: Node) throws(InputError) -> RawIMTRequest {
        let fields = try reader.mapping(
            node, what: "an imt-request step", allowed: ["method", "path", "body", "content_type", "session", "service"],
            required: ["method", "path"])
        let method = try reader.nonEmptyText(fields["method"]!, what: "method")
        guard method.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw reader.error("method must be an HTTP method in capitals, e.g. PATCH", at: fields["method"]!)
        }
        let path = try reader.text(fields["path"]!, what: "path")
        guard !path.hasPrefix("/"), !path.contains("://") else {
            throw reader.error("path is relative to the data API URL, e.g. settings/20240903/", at: fields["path"]!)
        }
        let service = try fields["service"].map { node throws(InputError) in
            try reader.choice(node, what: "service", of: IMTService.self)
        }
        return RawIMTRequest(
            method: method, path: path,
            body: try fields["body"].map { node throws(InputError) in try reader.text(node, what: "body") },
            contentType: try fields["content_type"].map { node throws(InputError) in try reader.text(node, what: "content_type")
            },
            inSession: try fields["session"].map { node throws(InputError) in try reader.bool(node, what: "session") } ?? true,
            service: service ?? .rtdr)
    }

    func payment(_ node: Node) throws(InputError) -> ICPayment {
        let fields = try reader.mapping(
            node, what: "a datapump-payment step", allowed: Self.paymentFields,
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
        return ICPayment(
            billerID: fields["biller_id"] == nil ? Self.defaultBillerID : try text("biller_id"),
            paymentID: try reader.nonEmptyText(fields["payment_id"]!, what: "payment_id"),
            accountNumber: try account(fields), invoiceTypeID: try invoiceType(fields), method: method,
            paymentAmount: try money("amount"), convenienceFee: try money("convenience_fee"), paymentMessage: try text("message"),
            customerName: try text("customer_name"), address1: try text("address_1"), address2: try text("address_2"),
            city: try text("city"), state: try text("state"), zip: try text("zip"), phone: try text("phone"),
            email: try text("email"))
    }

    func account(_ fields: [String: Node]) throws(InputError) -> String {
        try reader.nonEmptyText(fields["account"]!, what: "account")
    }

    func invoiceType(_ fields: [String: Node]) throws(InputError) -> String? {
        try fields["invoice_type"].map { node throws(InputError) in try reader.nonEmptyText(node, what: "invoice_type") }
    }
}
