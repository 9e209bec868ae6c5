import Wire

/// What a Cloud Payments V2 run did: the calls in order, the `CloudPaymentURL`, the page it opened,
/// the receipt of the pay button; or the problems that stopped it.
public struct CloudPaymentResult: Sendable, Encodable {
    /// One error of IC's `{"Errors": [...]}` document (or of an error page).
    public struct Error: Sendable, Encodable, Hashable {
        public var code: String
        public var message: String
        public var field: String?
    }

    /// The page after the pay button.
    public struct Receipt: Sendable, Encodable, Hashable {
        /// Approved or Declined.
        public var result: String?
        public var payment: String?
        /// What was charged: the amount and the service fee.
        public var amount: String?
        public var fee: String?
        /// What IC's postback to `PostBackURL` got.
        public var postback: String?
        /// The Page User Result options the receipt shows (`AllowRegisterAccount`, `InvoiceOptions`).
        public var options: [String]?
    }

    /// `paid`, `declined`, `opened` (the page, no payment asked), `refused` (not sent) or `failed`.
    public var status = "failed"
    public var message: String?
    /// The problems the request had before it was sent.
    public var problems: [String]?
    public var calls: [String] = []
    public var httpStatus: Int?
    public var errors: [Error]?
    public var cloudPaymentURL: String?
    /// Whether the URL opens the Virtual Site (an unregistered payer's one-time payment).
    public var virtualSite: Bool?
    public var page: SSOPortalPage?
    public var receipt: Receipt?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case status, message, problems, calls, httpStatus = "http_status", errors, cloudPaymentURL = "cloud_payment_url"
        case virtualSite = "virtual_site", page, receipt
    }
}
