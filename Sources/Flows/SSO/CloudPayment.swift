import Transport
public import Wire

/// Cloud Payments V2 as a partner portal uses it (seed 003): builds and checks the request, POSTs it
/// to `cloudpaymentsapi/v2`, opens the `CloudPaymentURL` as the payer's browser does (the payment page,
/// or the Virtual Site for an unregistered payer with `CreateCustomerRecord` true) and, when asked,
/// presses the pay button, after which IC posts the payment back to `PostBackURL`.
public struct CloudPayment: Sendable {
    public var rest: ICRESTClient
    public var profile: SSOProfile

    public init(rest: ICRESTClient, profile: SSOProfile) {
        self.rest = rest
        self.profile = profile
    }

    /// What the payer types on the payment page.
    public struct Payment: Sendable, Hashable {
        /// A card, or a bank account for ACH.
        public enum Method: Sendable, Hashable {
            case card(number: String)
            case ach(routingNumber: String, accountNumber: String)
        }

        /// nil: the amount the page proposes.
        public var amount: Money?
        public var method: Method

        public init(amount: Money? = nil, method: Method) {
            self.amount = amount
            self.method = method
        }

        /// The pay form's fields besides the amount.
        var fields: [(String, String)] {
            switch method {
            case .card(let number): [("PaymentMethod", "CC"), ("CardNumber", number)]
            case .ach(let routing, let account):
                [("PaymentMethod", "ACH"), ("RoutingNumber", routing), ("BankAccountNumber", account)]
            }
        }
    }

    /// Sends `request` (members named in `omit` left out, to pin IC's refusal), then opens the page and pays.
    public func run(_ request: CloudPaymentsRequest, omit: [String] = [], pay: Payment?) async -> CloudPaymentResult {
        var result = CloudPaymentResult()
        let problems = CloudPaymentsBuilder.problems(request, profile: profile)
        if !problems.isEmpty {
            (result.status, result.problems) = ("refused", problems)
            return result
        }
        var body = request.json
        if case .object(let members) = body { body = .object(members.filter { !omit.contains($0.key) }) }
        result.calls.append("Cloud Payments V2")
        guard let answer = await record(rest.post("cloudpaymentsapi/v2", body), into: &result),
            let url = answer.json?["Data"]?["CloudPaymentURL"]?.stringValue
        else { return result }
        result.cloudPaymentURL = url
        result.virtualSite = url.contains("/virtualsite/")
        result.calls.append(result.virtualSite == true ? "Virtual Site" : "Payment Page")
        return await self.pay(opening: url, pay, into: result)
    }

    /// The payer's browser at the Virtual Site (seed 003: "AI will redirect Payer to InvoiceCloud Virtual
    /// Site"): opens `origin/virtualsite?BillerGUID=&AccountNumber=` for a one-time payment and, when asked, pays.
    public func virtualSite(billerGUID: String, account: String, pay: Payment?) async -> CloudPaymentResult {
        var result = CloudPaymentResult()
        let url = rest.origin + "/virtualsite?" + SSOURL.query([("BillerGUID", billerGUID), ("AccountNumber", account)])
        result.cloudPaymentURL = url
        result.virtualSite = true
        result.calls.append("Virtual Site")
        return await self.pay(opening: url, pay, into: result)
    }

    /// Opens the page at `url` and, with `pay`, fills in and submits its pay form.
    private func pay(opening url: String, _ pay: Payment?, into result: CloudPaymentResult) async -> CloudPaymentResult {
        var result = result
        guard let page = await record(rest.open(url), into: &result) else { return result }
        result.page = SSOPortalPage(html: page.text)
        result.status = "opened"
        guard let pay else { return result }
        let proposed = SSOPortalPage.attribute("value", ofID: "amount", in: page.text).flatMap { Money(parsing: $0) }
        guard let action = SSOPortalPage.attribute("action", ofID: "pay", in: page.text), let amount = pay.amount ?? proposed
        else {
            (result.status, result.message) = ("failed", "the payment page has no pay form with an amount")
            return result
        }
        result.calls.append("Pay")
        let target = rest.origin + action
        guard
            let receipt = await record(
                rest.submit(target, form: [("Amount", amount.description)] + pay.fields), into: &result)
        else { return result }
        let read = SSOPortalPage(html: receipt.text)
        result.receipt = .init(
            result: read.name, payment: SSOPortalPage.text(ofID: "payment", in: receipt.text),
            amount: SSOPortalPage.text(ofID: "amount", in: receipt.text),
            fee: SSOPortalPage.text(ofID: "fee", in: receipt.text),
            postback: SSOPortalPage.text(ofID: "postback", in: receipt.text), options: read.options)
        result.status = read.name == "Approved" ? "paid" : "declined"
        return result
    }

    /// The answer when it is a 2xx; otherwise the failure recorded and nil.
    private func record(
        _ exchange: Result<ICRESTClient.Answer, TransportError>, into result: inout CloudPaymentResult
    ) -> ICRESTClient.Answer? {
        switch exchange {
        case .failure(let error):
            (result.status, result.message) = ("failed", error.description)
            return nil
        case .success(let answer) where !(200..<300).contains(answer.status):
            result.status = "failed"
            result.httpStatus = answer.status
            if let errors = answer.json?["Errors"]?.arrayValue {
                result.errors = errors.map {
                    .init(
                        code: $0["Code"]?.stringValue ?? "", message: $0["Message"]?.stringValue ?? "",
                        field: $0["Field"]?.stringValue)
                }
            } else {
                let page = SSOPortalPage(html: answer.text)
                result.errors = [.init(code: page.name ?? "", message: page.message ?? answer.text, field: nil)]
            }
            return nil
        case .success(let answer):
            return answer
        }
    }
}
