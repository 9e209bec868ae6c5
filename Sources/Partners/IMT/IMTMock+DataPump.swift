import Synchronization
import Wire

extension IMTMock {
    /// `POST payments/`: stores a valid payment and answers 201 with it.
    ///
    /// A `transaction_id` already stored is refused with 409 and nothing is stored:
    /// IMT's guard against a payment posted twice. A policy IMT does not know is 422.
    func postPayment(_ request: MockRequest) -> MockResponse {
        guard authenticatedUser(request) != nil else { return notAuthenticated() }
        if let rejected = rejectUnknownParameters(request, allowed: []) { return rejected }
        let payment: PaymentPost
        do {
            payment = try PaymentPost(document: try readDocument(request).get())
        } catch {
            return refused(error, request, type: PaymentPost.type)
        }
        let refusal: JSONAPIError? = store.withLock { store in
            guard store.policies.contains(where: { $0.policyNumber == payment.account }) else {
                return JSONAPIError(
                    status: 422, code: "unknown-policy", title: "Unknown policy",
                    detail: "no policy \(payment.account)", source: .pointer("/data/attributes/entity_identifier"))
            }
            guard !store.payments.contains(where: { $0.transactionID == payment.transactionID }) else {
                return JSONAPIError(
                    status: 409, code: "duplicate-transaction", title: "Payment already posted",
                    detail: "transaction_id \(payment.transactionID) was posted before",
                    source: .pointer("/data/attributes/transaction_id"))
            }
            store.payments.append(payment)
            return nil
        }
        if let refusal {
            let miss =
                refusal.code == "unknown-policy"
                ? policyMiss(payment.account, .body, "data.attributes.entity_identifier") : nil
            return MockResponse.error(refusal).missing(miss)
        }
        return .jsonAPI(201, payment.document)
    }

    /// `PATCH settings/{policy}/`: changes paperless or bill mode; attributes left out stay as they are.
    func patchSettings(_ request: MockRequest, account: String) -> MockResponse {
        guard authenticatedUser(request) != nil else { return notAuthenticated() }
        if let rejected = rejectUnknownParameters(request, allowed: []) { return rejected }
        guard let current = store.withLock({ $0.settings[account] }) else {
            return .error(
                JSONAPIError(
                    status: 404, code: "not-found", title: "No such policy", detail: "no policy-settings for policy \(account)")
            ).missing(policyMiss(account, .path, nil))
        }
        let patched: PolicySettings
        do {
            patched = try current.patched(by: try readDocument(request).get())
        } catch {
            return refused(error, request, type: PolicySettings.type)
        }
        store.withLock { $0.settings[account] = patched }
        return .jsonAPI(200, .object(["data": patched.resource.json]))
    }

    /// `GET bills/{policy}/`: the bill's PDF bytes as `application/pdf`; 404 when there is none.
    func bill(_ request: MockRequest, policy: String) -> MockResponse {
        guard authenticatedUser(request) != nil else { return notAuthenticated() }
        if let rejected = rejectUnknownParameters(request, allowed: []) { return rejected }
        guard let pdf = store.withLock({ $0.bills[policy] }) else {
            return .error(
                JSONAPIError(status: 404, code: "not-found", title: "No bill", detail: "no bill for policy \(policy)")
            ).missing(billMiss(policy))
        }
        return MockResponse(status: 200, headers: [("Content-Type", "application/pdf")], body: pdf)
    }
}
