import Foundation
import Synchronization
import Transport
import Wire

/// Cloud Payments V2: the request that opens a payment page, the page (or the Virtual Site's for an
/// unregistered payer), the payment its pay button makes, and the postback to `PostBackURL`.
extension ICMock {
    /// `POST /cloudpaymentsapi/v2`: checks the key and the request, then answers `{"Data":{"CloudPaymentURL":…}}`.
    func cloudPayments(_ request: MockRequest) -> MockResponse {
        let state = portal.withLock { $0.state }
        guard RESTAnswer.authorized(request, key: state.apiKey) else { return RESTAnswer.unauthorized }
        let parsed: CloudPaymentsRequest
        switch RESTAnswer.body(request) {
        case .failure(let box): return box.response
        case .success(let members):
            do throws(CloudPaymentsRequest.Problems) {
                parsed = try CloudPaymentsRequest(json: .object(members))
            } catch {
                return RESTAnswer.errors(400, error.list.map { ("InvalidParameter", "\($0.field) \($0.message)", $0.field) })
            }
        }
        if let refusal = state.profile.refusal(viewMode: parsed.viewMode) {
            return RESTAnswer.error(400, "WrongViewMode", refusal, field: "ViewMode")
        }
        let host = request.header("Host") ?? "localhost"
        let now = clock.now
        return portal.withLock { portal -> MockResponse in
            if let token = parsed.remoteAuthenticationToken {
                if let problem = portal.tokenProblem(token, at: now) {
                    return RESTAnswer.error(401, problem.code, problem.message, field: "RemoteAuthenticationToken")
                }
                if let index = portal.tokens.firstIndex(where: { $0.value == token }) { portal.tokens[index].used = true }
            }
            let virtualSite = parsed.remoteAuthenticationToken == nil && parsed.createsCustomerRecord
            for (i, customer) in parsed.customers.enumerated() where portal.customer(customer.accountNumber) == nil {
                guard virtualSite, portal.state.customers.count < ICPortal.limit else {
                    return RESTAnswer.error(
                        404, "CustomerNotFound",
                        "account \(customer.accountNumber) has no customer record; set CreateCustomerRecord to true for an unregistered payer",
                        field: "Customers[\(i)].AccountNumber")
                }
                portal.state.customers.append(
                    .init(
                        accountNumber: customer.accountNumber, name: customer.name ?? "",
                        emailAddress: customer.emailAddress ?? ""))
            }
            let page = ICPortal.PaymentPage(id: portal.nextID("page"), request: parsed, virtualSite: virtualSite)
            portal.pages.append(page)
            if portal.pages.count > ICPortal.limit { portal.pages.removeFirst() }
            let path = virtualSite ? "virtualsite" : "cloudpayments"
            return RESTAnswer.data(.object(["CloudPaymentURL": .string("http://\(host)/\(path)/\(page.id)")]))
        }
    }

    /// `GET /cloudpayments/{id}` and `GET /virtualsite/{id}`: the payment page, with its pay button.
    func paymentPage(_ id: String, virtualSite: Bool) -> MockResponse {
        let (page, siteName) = portal.withLock { portal in (portal.pages.first { $0.id == id }, portal.state.siteName) }
        guard let page, page.virtualSite == virtualSite else {
            return PortalPage.error(status: 404, code: "PageNotFound", message: "no payment page \(id)")
        }
        return PaymentPageHTML(id: id, request: page.request, virtualSite: virtualSite, siteName: siteName, paid: page.paid)
            .response
    }

    /// `POST /cloudpayments/{id}/pay` (a form: `Amount`, `CardNumber`): makes the payment, then posts it
    /// back to `PostBackURL`; card 4111111111111111 is approved, 4000000000000002 declined.
    func pay(_ id: String, _ request: MockRequest) -> MockResponse {
        let form = MockRequest.decodeQuery(String(decoding: request.body.prefix(4096), as: UTF8.self))
        func field(_ name: String) -> String? { form.first { $0.name == name }?.value }
        guard let card = field("CardNumber"), let outcome = TestCard(rawValue: card) else {
            return PortalPage.error(
                status: 400, code: "InvalidCard",
                message: "CardNumber must be a test card: 4111111111111111 (approved) or 4000000000000002 (declined)")
        }
        guard let amountText = field("Amount"), let amount = Money(parsing: amountText), amount > .zero else {
            return PortalPage.error(
                status: 400, code: "InvalidAmount", message: "Amount must be a decimal amount above 0, e.g. 41.25")
        }
        let billerGUID = store.withLock { $0.state.billers.first?.guid ?? "" }
        let zone = store.withLock { $0.state.timeZone }
        let paid = clock.now
        let taken = portal.withLock { portal -> Result<(ICPortal.PaymentPage, String, Date), MockResponseBox> in
            guard let index = portal.pages.firstIndex(where: { $0.id == id }) else {
                return .failure(
                    MockResponseBox(PortalPage.error(status: 404, code: "PageNotFound", message: "no payment page \(id)")))
            }
            guard !portal.pages[index].paid else {
                return .failure(
                    MockResponseBox(PortalPage.error(status: 409, code: "AlreadyPaid", message: "page \(id) was paid")))
            }
            if outcome.approved { portal.pages[index].paid = true }
            return .success((portal.pages[index], portal.nextID("payment"), paid))
        }
        let (page, paymentGUID, now): (ICPortal.PaymentPage, String, Date)
        switch taken {
        case .failure(let box): return box.response
        case .success(let values): (page, paymentGUID, now) = values
        }
        let postback = Postback(
            billerGUID: billerGUID, request: page.request, paymentGUID: paymentGUID, amount: amount, approved: outcome.approved,
            date: now, zone: zone)
        var delivered = "no PostBackURL"
        if let url = page.request.postBackURL {
            let client = HTTPClient(configuration: .init(connectTimeout: .seconds(1), totalTimeout: .seconds(2)))
            let sent = client.sendWaiting(
                ClientRequest(
                    method: "POST", url: url, headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded")],
                    body: Array(SSOURL.query(postback.fields).utf8)))
            switch sent {
            case .success(let response): delivered = "HTTP \(response.status)"
            case .failure(let error): delivered = "not delivered: \(error)"
            }
        }
        portal.withLock { portal in
            portal.payments.append(
                .init(
                    paymentGUID: paymentGUID, page: id, accountNumber: page.request.customers.first?.accountNumber ?? "",
                    amount: amount, approved: outcome.approved, postback: postback.fields, postbackStatus: delivered))
            if portal.payments.count > ICPortal.limit { portal.payments.removeFirst() }
        }
        return PaymentPageHTML.receipt(postback: postback, delivered: delivered)
    }
}

/// The two test cards the payment page takes.
enum TestCard: String {
    case approved = "4111111111111111"
    case declined = "4000000000000002"

    var approved: Bool { self == .approved }
}
