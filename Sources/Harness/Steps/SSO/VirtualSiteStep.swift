import Flows
import Partners
import Support
import Wire
import Yams

/// `virtual-site: {account, biller, pay}`: the payer's browser at the biller's Virtual Site, where a
/// partner redirects an unregistered payer for a one-time payment (seed 003: "AI will redirect Payer to
/// InvoiceCloud Virtual Site"); with `pay`, the payment. No API key and no token: the site is public.
struct VirtualSiteStep: StepKind, Hashable {
    static let key = "virtual-site"
    static let schema = MappingSchema(
        "Opens the biller's Virtual Site for an unregistered payer's one-time payment, and with pay makes it.",
        .required("account", .text, "The account number the payer pays."),
        .optional("biller", .text, "The BillerGUID (default the ic: block's first biller's)."),
        .optional(
            "pay", .mapping(CloudPaymentsStep.payerSchema), "Press the pay button: the card or bank account and the amount."))

    var account: String
    var billerGUID: String?
    var payment: CloudPayment.Payment?

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let reader = loading.reader
        let f = try reader.mapping(node, what: "a virtual-site step", schema: Self.schema)
        account = try reader.nonEmptyText(reader.required("account", in: f, at: node), what: "account")
        billerGUID = try loading.optionalText(f["biller"], what: "biller")
        if let node = f["pay"] { payment = try CloudPaymentsStep.payment(node, reader) }
    }

    var needs: StepNeeds { [.ic] }
    var flow: IntegrationFlow? { .cloudPaymentsV2 }

    func run(in context: inout ScenarioContext) async -> StepOutcome<CloudPaymentsStep.Output> {
        guard let guid = billerGUID ?? context.scenario.ic?.billers.first?.guid,
            let rest = context.icREST(apiKey: context.scenario.ic?.portal.apiKey ?? "")
        else { return .failed(StepFailure(Self.key, ScenarioContext.noBiller)) }
        let flow = CloudPayment(rest: rest, profile: context.ssoProfile)
        return .done(
            CloudPaymentsStep.Output(
                result: await flow.virtualSite(billerGUID: guid, account: account, pay: payment), key: Self.key))
    }
}
