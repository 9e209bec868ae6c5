import Flows
import Partners
import Support
import Wire
import Yams

/// `cloud-payments: {customers, token, pay, ...}`: a Cloud Payments V2 request built by the reference
/// flow, the page its CloudPaymentURL opens and, with `pay`, the payment and IC's postback to a
/// listener the step serves (journaled as partner `postback`, its origin `{postback.origin}`).
struct CloudPaymentsStep: StepKind, Hashable {
    static let key = "cloud-payments"
    static let schema = MappingSchema(
        "A Cloud Payments V2 request, the page its CloudPaymentURL opens, and with pay the payment and its postback.",
        .required(
            "customers", .list(.mapping(CloudPaymentsCustomers.customerSchema)), "The Customers, each with its AccountNumber."),
        .optional(
            "token", .choice(["session", "none"]),
            "session (default): the RemoteAuthenticationToken the last sso-login stored; none: no token (IC refuses it unless the biller option cpv2_unregistered_payers)."
        ),
        .optional("view_mode", .integer, "The ViewMode (default the profile's)."),
        .optional("biller_reference", .text, "BillerReference."),
        .optional("css_url", .text, "CssUrl."),
        .optional("return_url", .text, "ReturnURL."),
        .optional("postback", .boolean, "Whether PostBackURL points at the step's listener (default true)."),
        .optional("settings", .mapping(CloudPaymentsCustomers.settingsSchema), "Cloud Payment Settings and UI options by name."),
        .optional("omit", .list(.text), "Top-level members left out of the request as sent, to pin IC's refusal."),
        .optional("api_key", .text, "The API key sent (default portal.api_key; a secret)."),
        .optional(
            "key_encoding", .choice(of: ICRESTClient.KeyEncoding.self),
            "Basic of the key alone (key, default) or of key: (key-colon)."),
        .optional("wait", .integer, "Seconds the mock IC's clock moves on first (a token expires on it)."),
        .optional("pay", .mapping(payerSchema), "Press the pay button: the card and the amount."))

    static let payerSchema = MappingSchema(
        "What the payer types on the payment page: a card, or a routing and bank account number for ACH.",
        .optional("card", .text, "The card number: 4111111111111111 approved, 4000000000000002 declined."),
        .optional("routing", .text, "ACH: the routing number (9 digits, ABA check digit), e.g. 011000015."),
        .optional("bank_account", .text, "ACH: the bank account number: 1234567890 approved, 0000000002 declined."),
        .optional("amount", .formatted(.money), "The amount, decimal text (default the page's)."))

    /// The payment a `pay:` mapping describes.
    static func payment(_ node: Node, _ reader: YAMLReader) throws(InputError) -> CloudPayment.Payment {
        let p = try reader.mapping(node, what: "pay", schema: payerSchema)
        var amount: Money?
        if let node = p["amount"] {
            let text = try reader.text(node, what: "amount")
            guard let money = Money(parsing: text) else {
                throw reader.error("amount must be decimal text, e.g. \"41.25\"", at: node)
            }
            amount = money
        }
        let card = try p["card"].map { node throws(InputError) in try reader.text(node, what: "card") }
        let routing = try p["routing"].map { node throws(InputError) in try reader.text(node, what: "routing") }
        let account = try p["bank_account"].map { node throws(InputError) in try reader.text(node, what: "bank_account") }
        switch (card, routing, account) {
        case (let card?, nil, nil): return .init(amount: amount, method: .card(number: card))
        case (nil, let routing?, let account?):
            return .init(amount: amount, method: .ach(routingNumber: routing, accountNumber: account))
        default:
            throw reader.error("pay needs either card, or routing and bank_account (ACH)", at: node)
        }
    }

    var request: CloudPaymentsRequest
    var usesSessionToken: Bool
    var postback: Bool
    var omit: [String]
    var apiKey: String?
    var encoding: ICRESTClient.KeyEncoding
    var payment: CloudPayment.Payment?
    var wait: Int

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let reader = loading.reader
        let f = try reader.mapping(node, what: "a cloud-payments step", schema: Self.schema)
        let customers = try CloudPaymentsCustomers(reader: reader).customers(reader.required("customers", in: f, at: node))
        request = CloudPaymentsRequest(
            viewMode: try f["view_mode"].map { node throws(InputError) in try reader.integer(node, what: "view_mode") } ?? -1,
            customers: customers)
        request.billerReference = try loading.optionalText(f["biller_reference"], what: "biller_reference")
        request.cssURL = try loading.optionalText(f["css_url"], what: "css_url")
        request.returnURL = try loading.optionalText(f["return_url"], what: "return_url")
        if let node = f["settings"] {
            (request.options, request.texts) = try CloudPaymentsCustomers(reader: reader).settings(node)
        }
        usesSessionToken =
            try (f["token"].map { node throws(InputError) in try reader.text(node, what: "token") } ?? "session") == "session"
        postback = try f["postback"].map { node throws(InputError) in try reader.bool(node, what: "postback") } ?? true
        omit = try f["omit"].map { node throws(InputError) in try reader.strings(node, what: "omit") } ?? []
        apiKey = try loading.optionalText(f["api_key"], what: "api_key")
        encoding =
            try f["key_encoding"].map { node throws(InputError) in
                try reader.choice(node, what: "key_encoding", of: ICRESTClient.KeyEncoding.self)
            } ?? .key
        wait = try f["wait"].map { node throws(InputError) in try reader.integer(node, what: "wait") } ?? 0
        if wait < 0, let node = f["wait"] { throw reader.error("wait must be 0 or more seconds", at: node) }
        if let node = f["pay"] { payment = try Self.payment(node, reader) }
    }

    var needs: StepNeeds { [.ic] }
    var flow: IntegrationFlow? { .cloudPaymentsV2 }
    var secrets: [String] { apiKey.map { [$0] } ?? [] }

    func run(in context: inout ScenarioContext) async -> StepOutcome<Output> {
        guard let rest = context.icREST(apiKey: apiKey, encoding: encoding) else {
            return .failed(StepFailure(Self.key, SSOConnectStep.noKey))
        }
        if wait > 0 { context.ic?.mock.advanceClock(seconds: wait) }
        let profile = context.ssoProfile
        var request = request
        if request.viewMode < 0 { request.viewMode = profile.viewModes[0].rawValue }
        if usesSessionToken {
            guard let token = context.remoteAuthenticationToken else {
                return .failed(
                    StepFailure(Self.key, "no RemoteAuthenticationToken stored: run an sso-login step first, or give token: none")
                )
            }
            request.remoteAuthenticationToken = token
        }
        let flow = CloudPayment(rest: rest, profile: profile)
        guard postback else { return .done(Output(result: await flow.run(request, omit: omit, pay: payment))) }
        let listener = PostbackListener(journal: context.journal)
        do {
            let (result, origin) = try await MockServer.withRunning([listener.handler]) { ports in
                let origin = "http://127.0.0.1:\(ports[0])"
                var request = request
                request.postBackURL = origin + PostbackListener.path
                return (await flow.run(request, omit: omit, pay: payment), origin)
            }
            context.servedOrigins[origin] = "{postback.origin}"
            return .done(Output(result: result))
        } catch {
            return .failed(StepFailure(Self.key, "the postback listener did not start: \(error)"))
        }
    }

    /// The flow's result under the step's name.
    struct Output: Encodable, Sendable {
        var result: CloudPaymentResult
        var key = CloudPaymentsStep.key

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: StepKey.self)
            try container.encode(key, forKey: .step)
            try result.encode(to: encoder)
        }
    }
}
