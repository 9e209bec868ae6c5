/// The `payments` resource IC posts to IMT for a payment (seed 000, "Data Pump: Payment").
///
/// Every attribute of the seed's mapping is sent, in its order. Amounts are decimal
/// strings, like IMT's own (`"1675.00"`); the hard-coded ones are `site_fee` `"0.00"`,
/// `interest_paid` `"0"`, `raw_payment` `"0"` and an empty `sort`.
public struct PaymentPost: Sendable, Hashable {
    public static let type = "payments"

    /// The payment methods IMT knows.
    public enum Method: String, Sendable, CaseIterable {
        case creditCard = "CC"
        case ach = "ACH"
    }

    /// The policy paid: the resource `id`, attribute `id` and `entity_identifier`.
    public var account: String
    public var method: Method
    public var siteFee: Money
    /// PaymentAmount − ConvenienceFee.
    public var billAmountPaid: Money
    /// PaymentAmount.
    public var totalPaid: Money
    public var interestPaid: Money
    public var approvalCode: String
    /// `BillerID&PaymentID`: IMT's key for refusing a payment posted twice.
    public var transactionID: String
    public var firstName: String
    public var lastName: String
    public var address1: String
    public var address2: String
    public var city: String
    public var state: String
    public var zipCode: String
    public var phone: String
    public var email: String
    public var rawPayment: Money
    public var sort: String

    public init(
        account: String, method: Method, billAmountPaid: Money, totalPaid: Money, approvalCode: String,
        transactionID: String, firstName: String, lastName: String, address1: String, address2: String, city: String,
        state: String, zipCode: String, phone: String, email: String
    ) {
        self.account = account
        self.method = method
        self.siteFee = .zero
        self.billAmountPaid = billAmountPaid
        self.totalPaid = totalPaid
        self.interestPaid = .zero
        self.approvalCode = approvalCode
        self.transactionID = transactionID
        self.firstName = firstName
        self.lastName = lastName
        self.address1 = address1
        self.address2 = address2
        self.city = city
        self.state = state
        self.zipCode = zipCode
        self.phone = phone
        self.email = email
        self.rawPayment = .zero
        self.sort = ""
    }

    /// The attributes in the seed's order.
    public var attributes: JSONValue {
        .object([
            "id": .string(account),
            "payment_method": .string(method.rawValue),
            "entity_identifier": .string(account),
            "site_fee": .string(siteFee.description),
            "bill_amount_paid": .string(billAmountPaid.description),
            "total_paid": .string(totalPaid.description),
            "interest_paid": .string(Self.integerText(interestPaid)),
            "approval_code": .string(approvalCode),
            "transaction_id": .string(transactionID),
            "first_name": .string(firstName),
            "last_name": .string(lastName),
            "address_1": .string(address1),
            "address_2": .string(address2),
            "city": .string(city),
            "state": .string(state),
            "zip_code": .string(zipCode),
            "phone": .string(phone),
            "email": .string(email),
            "raw_payment": .string(Self.integerText(rawPayment)),
            "sort": .string(sort),
        ])
    }

    /// The request document.
    public var document: JSONValue {
        .object(["data": JSONAPIResource(type: Self.type, id: account, attributes: attributes).json])
    }

    /// The seed writes `interest_paid` and `raw_payment` as `0`, not `0.00`.
    static func integerText(_ amount: Money) -> String {
        amount == .zero ? "0" : amount.description
    }

    /// Reads a request document as IMT does: every attribute present and well formed, none unknown
    /// (422), then the resource id equal to `id` (409), `entity_identifier` equal to `id` and
    /// `bill_amount_paid` at most `total_paid` (422). A request that breaks the contract's schema gets
    /// the schema's error before an id conflict, in the order `IMTContract` lists its rules.
    public init(document: JSONValue) throws(JSONAPIError) {
        var request = try JSONAPIRequest(document: document, type: Self.type)
        let account = try request.string("id", allowEmpty: false)
        self.account = account
        self.method = Method(rawValue: try request.choice("payment_method", Method.allCases.map(\.rawValue)))!
        let entityIdentifier = try request.string("entity_identifier")
        self.siteFee = try request.decimal("site_fee")
        self.billAmountPaid = try request.decimal("bill_amount_paid")
        self.totalPaid = try request.decimal("total_paid")
        self.interestPaid = try request.decimal("interest_paid")
        self.approvalCode = try request.string("approval_code")
        self.transactionID = try request.string("transaction_id", allowEmpty: false)
        self.firstName = try request.string("first_name")
        self.lastName = try request.string("last_name")
        self.address1 = try request.string("address_1")
        self.address2 = try request.string("address_2")
        self.city = try request.string("city")
        self.state = try request.string("state")
        self.zipCode = try request.string("zip_code")
        self.phone = try request.string("phone")
        self.email = try request.string("email")
        self.rawPayment = try request.decimal("raw_payment")
        self.sort = try request.string("sort")
        try request.rejectUnknownAttributes()
        try request.requireID(account)
        guard entityIdentifier == account else {
            throw request.invalid("entity_identifier", "must equal id \"\(account)\"")
        }
        guard billAmountPaid <= totalPaid else {
            throw request.invalid("bill_amount_paid", "\(billAmountPaid) exceeds total_paid \(totalPaid)")
        }
    }
}
