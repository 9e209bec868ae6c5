import Transport
public import Wire

/// IC's DataPump to IMT: payments, paperless and autopay enrollment (seed 000, "Data Pump").
///
/// Each call opens a session (setting 88), makes one request, and closes the session,
/// also on failure. "Fail DP if the API call returns an exception": any transport error,
/// non-2xx status or unreadable answer is a failed result. Nothing is retried: a payment
/// POST is not idempotent, and a retry after a lost answer could post it twice.
public struct DataPump: Sendable {
    public var caller: IMTCaller

    public init(_ caller: IMTCaller) { self.caller = caller }

    /// What IMT answered a successful call.
    public struct Accepted: Sendable, Hashable {
        public var status: Int
        /// The request's key: the payment's `transaction_id`, or the changed setting.
        public var reference: String
    }

    /// `POST payments/` (settings 11-13), or the `online-receipts/` resource of a Spectrum biller whose
    /// IMT takes payments through its 'OnlineReceipt' service (`service`).
    public func post(_ payment: ICPayment, service: PaymentService = .payments) async -> IMTCallResult<Accepted> {
        let post = payment.post
        return await caller.call(.payments, account: payment.accountNumber, invoiceTypeID: payment.invoiceTypeID) { session in
            await Self.send(session, .payment, "POST", service.path, post.document, reference: post.transactionID)
        }
    }

    /// `PATCH settings/{AccountNumber}/` with `paperless` (settings 14-16) or `bill_mode` (17-19).
    ///
    /// Under `MULTIENVIRONMENT` the account's invoice type, when known, picks the environment;
    /// otherwise the environment the account was last answered from does.
    public func enroll(
        account: String, invoiceTypeID: String? = nil, _ change: PolicySettings.Change
    ) async -> IMTCallResult<Accepted> {
        let (service, reference): (IMTService, String) =
            switch change {
            case .paperless(let on): (.paperless, "paperless=\(on)")
            case .billMode(let mode): (.autopay, "bill_mode=\(mode.rawValue)")
            }
        let path = "settings/\(IMTSession.pathSegment(account))/"
        return await caller.call(service, account: account, invoiceTypeID: invoiceTypeID) { session in
            await Self.send(session, .settings, "PATCH", path, change.document(account: account), reference: reference)
        }
    }

    /// Sends one DataPump request; a 2xx answer with a body must be a JSON:API document.
    static func send(
        _ session: IMTSession, _ stage: IMTFailure.Stage, _ method: String, _ path: String, _ document: JSONValue,
        reference: String
    ) async -> Result<Accepted, IMTFailure> {
        switch await session.send(stage, method: method, path: path, document: document) {
        case .failure(let failure):
            return .failure(failure)
        case .success(let response):
            if !response.body.isEmpty {
                do {
                    try JSONAPIDocument.checkTopLevel(try JSONParser.parse(response.body))
                } catch {
                    return .failure(
                        .init(
                            stage: stage, kind: .invalidResponse, status: response.status,
                            message: "the answer is not a JSON:API document: \(error)"))
                }
            }
            return .success(Accepted(status: response.status, reference: reference))
        }
    }
}
