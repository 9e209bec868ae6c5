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
        if let refusal = SSOProfile.icRefusal(viewMode: parsed.viewMode) {
            return RESTAnswer.error(400, "WrongViewMode", refusal, field: "ViewMode")
        }
        let host = request.header("Host") ?? "localhost"
        if parsed.remoteAuthenticationToken == nil, !state.unregisteredCloudPayments {
            let guid = store.withLock { $0.state.billers.first?.guid ?? "" }
            return RESTAnswer.error(
                403, "RegisteredPayersOnly",
                "Cloud Payments V2 is for registered payers (seed 003: \"City of Boulder is only using the CPV2 payment page for registered user\"): send the session's RemoteAuthenticationToken, or redirect an unregistered payer to the Virtual Site, http://\(host)/virtualsite?BillerGUID=\(guid)&AccountNumber=…",
                field: "RemoteAuthenticationToken")
        }
        let now = clock.now
        return portal.withLock { portal -> MockResponse in
            if let token = parsed.remoteAuthenticationToken, let problem = portal.tokenProblem(token, at: now) {
                return RESTAnswer.error(401, problem.code, problem.message, field: "RemoteAuthenticationToken")
            }
            var created: [String] = []
            for (i, customer) in parsed.customers.enumerated() where portal.customer(customer.accountNumber) == nil {
                guard parsed.createsCustomerRecord, portal.state.customers.count < ICPortal.limit else {
                    return RESTAnswer.error(
                        404, "CustomerNotFound",
                        "account \(customer.accountNumber) has no customer record; set CreateCustomerRecord to true to create it",
                        field: "Customers[\(i)].AccountNumber")
                }
                portal.state.customers.append(
                    .init(
                        accountNumber: customer.accountNumber, name: customer.name ?? "",
                        emailAddress: customer.emailAddress ?? ""))
                created.append(customer.accountNumber)
            }
            let virtualSite = parsed.remoteAuthenticationToken == nil
            let page = ICPortal.PaymentPage(
                id: portal.nextID("page"), request: parsed, virtualSite: virtualSite, createdRecords: created)
            portal.pages.append(page)
            if portal.pages.count > ICPortal.limit { portal.pages.removeFirst() }
            let path = virtualSite ? "virtualsite" : "cloudpayments"
            return RESTAnswer.data(.object(["CloudPaymentURL": .string("http://\(host)/\(path)/\(page.id)")]))
        }
    }

    /// `GET /virtualsite?BillerGUID=&AccountNumber=`: the biller's Virtual Site, where a partner redirects an
    /// unregistered payer for a one-time payment (seed 003, SSO-AI-014: "AI will redirect Payer to
    /// InvoiceCloud Virtual Site"). Opens a one-time payment page for the account, creating its customer
    /// record if IC has none (seed 003: "Set ‘CreateCustomerRecord’ to TRUE"); no API key, no token.
    func virtualSite(_ request: MockRequest) -> MockResponse {
        func value(_ name: String) -> String? {
            request.query.first { $0.name.lowercased() == name.lowercased() }.flatMap { $0.value.isEmpty ? nil : $0.value }
        }
        guard let guid = value("BillerGUID"), let account = value("AccountNumber") else {
            return PortalPage.error(
                status: 400, code: "MissingParameter", message: "the Virtual Site needs BillerGUID and AccountNumber")
        }
        guard store.withLock({ $0.state.billers.contains { $0.guid.lowercased() == guid.lowercased() } }) else {
            return PortalPage.error(status: 404, code: "BillerNotFound", message: "no biller \(guid)")
        }
        let opened = portal.withLock { portal -> ICPortal.PaymentPage? in
            var created: [String] = []
            if portal.customer(account) == nil {
                guard portal.state.customers.count < ICPortal.limit else { return nil }
                portal.state.customers.append(.init(accountNumber: account))
                created.append(account)
            }
            var oneTime = CloudPaymentsRequest(
                viewMode: SSOViewMode.redirect.rawValue, customers: [.init(accountNumber: account)])
            oneTime.options["CreateCustomerRecord"] = true
            let page = ICPortal.PaymentPage(
                id: portal.nextID("page"), request: oneTime, virtualSite: true, createdRecords: created)
            portal.pages.append(page)
            if portal.pages.count > ICPortal.limit { portal.pages.removeFirst() }
            return page
        }
        guard let opened else {
            return PortalPage.error(
                status: 503, code: "TooManyCustomers", message: "the mock keeps at most \(ICPortal.limit) customers")
        }
        let siteName = portal.withLock { $0.state.siteName }
        return PaymentPageHTML(
            id: opened.id, request: opened.request, virtualSite: true, siteName: siteName, paid: false,
            createdRecords: opened.createdRecords
        ).response
    }

    /// `GET /cloudpayments/{id}` and `GET /virtualsite/{id}`: the payment page, with its pay button.
    func paymentPage(_ id: String, virtualSite: Bool) -> MockResponse {
        let (page, siteName) = portal.withLock { portal in (portal.pages.first { $0.id == id }, portal.state.siteName) }
        guard let page, page.virtualSite == virtualSite else {
            return PortalPage.error(status: 404, code: "PageNotFound", message: "no payment page \(id)")
        }
        return PaymentPageHTML(
            id: id, request: page.request, virtualSite: virtualSite, siteName: siteName, paid: page.paid,
            createdRecords: page.createdRecords
        ).response
    }

    /// `POST /cloudpayments/{id}/pay` (a form: `Amount`, `PaymentMethod` CC or ACH, `CardNumber` or
    /// `RoutingNumber` and `BankAccountNumber`): makes the payment the page's settings allow, then posts
    /// it back to `PostBackURL`. Card 4111111111111111 and bank account 1234567890 are approved,
    /// 4000000000000002 and 0000000002 declined.
    func pay(_ id: String, _ request: MockRequest) -> MockResponse {
        let form = MockRequest.decodeQuery(String(decoding: request.body.prefix(4096), as: UTF8.self))
        func field(_ name: String) -> String? { form.first { $0.name == name }?.value }
        guard let method = PaymentTerms.Method(rawValue: field("PaymentMethod") ?? "CC") else {
            return PortalPage.error(status: 400, code: "InvalidPaymentMethod", message: "PaymentMethod must be CC or ACH")
        }
        let approved: Bool
        switch method {
        case .card:
            guard let card = field("CardNumber"), let outcome = TestCard(rawValue: card) else {
                return PortalPage.error(
                    status: 400, code: "InvalidCard",
                    message: "CardNumber must be a test card: 4111111111111111 (approved) or 4000000000000002 (declined)")
            }
            approved = outcome == .approved
        case .ach:
            guard let routing = field("RoutingNumber"), Self.isRoutingNumber(routing) else {
                return PortalPage.error(
                    status: 400, code: "InvalidRoutingNumber",
                    message: "RoutingNumber must be 9 digits with a valid ABA check digit, e.g. 011000015")
            }
            guard let account = field("BankAccountNumber"), let outcome = TestBankAccount(rawValue: account) else {
                return PortalPage.error(
                    status: 400, code: "InvalidBankAccount",
                    message: "BankAccountNumber must be a test account: 1234567890 (approved) or 0000000002 (declined)")
            }
            approved = outcome == .approved
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
            if let refusal = PaymentTerms(request: portal.pages[index].request).refusal(amount: amount, method: method) {
                return .failure(
                    MockResponseBox(PortalPage.error(status: refusal.status, code: refusal.code, message: refusal.message)))
            }
            if approved { portal.pages[index].paid = true }
            return .success((portal.pages[index], portal.nextID("payment"), paid))
        }
        let (page, paymentGUID, now): (ICPortal.PaymentPage, String, Date)
        switch taken {
        case .failure(let box): return box.response
        case .success(let values): (page, paymentGUID, now) = values
        }
        let terms = PaymentTerms(request: page.request)
        let postback = Postback(
            billerGUID: billerGUID, request: page.request, paymentGUID: paymentGUID, amount: amount, fee: terms.fee(method),
            method: method, approved: approved, date: now, zone: zone)
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
                    amount: postback.total, approved: approved, postback: postback.fields, postbackStatus: delivered))
            if portal.payments.count > ICPortal.limit { portal.payments.removeFirst() }
        }
        return PaymentPageHTML.receipt(postback: postback, delivered: delivered, terms: terms)
    }

    /// Whether `text` is 9 digits whose ABA check digit is right (3, 7, 1 weights, sum a multiple of 10).
    static func isRoutingNumber(_ text: String) -> Bool {
        let digits = text.compactMap(\.wholeNumberValue)
        guard text.count == 9, digits.count == 9, text.allSatisfy(\.isASCII) else { return false }
        let weights = [3, 7, 1, 3, 7, 1, 3, 7, 1]
        return zip(digits, weights).map { $0 * $1 }.reduce(0, +) % 10 == 0
    }
}

/// The two test cards the payment page takes.
enum TestCard: String {
    case approved = "4111111111111111"
    case declined = "4000000000000002"
}

/// The two test bank accounts the payment page takes for ACH (decision).
enum TestBankAccount: String {
    case approved = "1234567890"
    case declined = "0000000002"
}
