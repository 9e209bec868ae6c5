import Synchronization
import Wire

extension IMTMock {
    /// `POST payments/`: stores a valid payment and answers 201 with it.
    ///
    /// Seed 000 says nothing of a payment for a policy IMT does not hold, nor of a `transaction_id`
    /// posted twice: such a payment is stored and answered 201 with a warning in the journal
    /// (`unknown-policy`, `duplicate-transaction`), unless the state's `refuse:` names the code; then
    /// it is refused (422, 409) and nothing is stored.
    func postPayment(_ request: MockRequest) -> MockResponse {
        guard authenticatedUser(request) != nil else { return notAuthenticated() }
        if let rejected = rejectUnknownParameters(request, allowed: []) { return rejected }
        let payment: PaymentPost
        do {
            payment = try PaymentPost(document: try readDocument(request).get())
        } catch {
            return refused(error, request, type: PaymentPost.type)
        }
        let (refusal, warnings) = store.withLock { store -> (JSONAPIError?, [(code: String, detail: String)]) in
            var warnings: [(code: String, detail: String)] = []
            if !store.policies.contains(where: { $0.policyNumber == payment.account }) {
                let detail = "no policy \(payment.account)"
                guard !store.refuse.contains("unknown-policy") else {
                    return (
                        JSONAPIError(
                            status: 422, code: "unknown-policy", title: "Unknown policy", detail: detail,
                            source: .pointer("/data/attributes/entity_identifier")), []
                    )
                }
                warnings.append(("unknown-policy", detail + "; stored all the same"))
            }
            if store.payments.contains(where: { $0.transactionID == payment.transactionID }) {
                let detail = "transaction_id \(payment.transactionID) was posted before"
                guard !store.refuse.contains("duplicate-transaction") else {
                    return (
                        JSONAPIError(
                            status: 409, code: "duplicate-transaction", title: "Payment already posted", detail: detail,
                            source: .pointer("/data/attributes/transaction_id")), []
                    )
                }
                warnings.append(("duplicate-transaction", detail + "; stored again"))
            }
            store.payments.append(payment)
            return (nil, warnings)
        }
        let unknownPolicy = refusal?.code == "unknown-policy" || warnings.contains { $0.code == "unknown-policy" }
        let miss = unknownPolicy ? policyMiss(payment.account, .body, "data.attributes.entity_identifier") : nil
        if let refusal { return MockResponse.error(refusal).missing(miss) }
        var response = MockResponse.jsonAPI(201, payment.document)
        for warning in warnings { response = response.warned(warning.code, warning.detail) }
        return response.missing(miss)
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
