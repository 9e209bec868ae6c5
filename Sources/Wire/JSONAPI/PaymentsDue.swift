/// A `payments-due` resource of the IMT API: what RTDR reads of a policy's balance.
///
/// Seed 000, "RTDR: Balance Update": IC reads `current_due` as the balance and,
/// under advanced setting 131, `payment_types` as the payment methods IMT allows.
public struct PaymentsDue: Sendable, Hashable {
    public static let type = "payments-due"

    public var id: String
    public var policyNumber: String
    public var currentDue: Money
    /// The payment methods IMT allows, e.g. `["ACH", "CC"]`; an absent one is blocked.
    public var paymentTypes: [String]

    /// Reads the attributes IC uses, naming the pointer of the first one that is wrong.
    public init(resource: JSONAPIResource, at pointer: String) throws(JSONAPIDocument.Violation) {
        guard resource.type == Self.type else {
            throw .init(pointer: pointer + "/type", message: "expected type \"\(Self.type)\", got \"\(resource.type)\"")
        }
        let attributes = pointer + "/attributes"
        guard let policy = resource.attributes["policy_number"]?.stringValue else {
            throw .init(pointer: attributes + "/policy_number", message: "policy_number must be a string")
        }
        guard let dueText = resource.attributes["current_due"]?.stringValue else {
            throw .init(pointer: attributes + "/current_due", message: "current_due must be a decimal string")
        }
        guard let due = Money(parsing: dueText) else {
            throw .init(pointer: attributes + "/current_due", message: "current_due \"\(dueText)\" is not a decimal amount")
        }
        guard let types = resource.attributes["payment_types"]?.arrayValue else {
            throw .init(pointer: attributes + "/payment_types", message: "payment_types must be an array")
        }
        var paymentTypes: [String] = []
        for (i, element) in types.enumerated() {
            guard let name = element.stringValue else {
                throw .init(pointer: attributes + "/payment_types/\(i)", message: "a payment type must be a string")
            }
            paymentTypes.append(name)
        }
        self.id = resource.id ?? ""
        self.policyNumber = policy
        self.currentDue = due
        self.paymentTypes = paymentTypes
    }

    /// The attributes of the seed's full example response, in its order: the template
    /// a mock policy starts from before a scenario sets its own values.
    public static let seedExampleAttributes: JSONValue = .object([
        "cc_fee": "0",
        "transaction_fee": "0",
        "partial_payment": false,
        "payment_types": ["CC"],
        "redirect_url": "",
        "payment_vendor": "invoicecloud",
        "creation_time": "2024-09-03T15:37:51-05:00",
        "pending_payment_amount": "686.70",
        "pending_payment_date": "2024-11-06T15:45:23.333851Z",
        "allow_pay_full": false,
        "cc_fee_percent": "0",
        "transaction_fee_percent": "0",
        "redirect_id": "24a83e03-8e77-40ed-b4c8-89a6f4acdd70",
        "last_update_time": "2024-11-18T11:05:28.339032-06:00",
        "policy_number": "20240903",
        "current_due": "1675.00",
        "total_unpaid": "1675.00",
        "last_name": "SMITH",
        "first_name": "JESSICA",
        "first_name_2": "",
        "last_name_2": "",
        "first_name_3": "",
        "last_name_3": "",
        "zip_code": "50265-0000",
        "downpayment": false,
        "bill_date": "2024-09-01",
        "due_date": "2024-09-23",
        "company_name": "JESSICA'S MUTUAL INSURANCE ASSOCIATION",
        "address_one": "4445 CORPORATE DRIVE",
        "address_two": "",
        "address_three": "",
        "city": "WEST DES MOINES",
        "state": "IA",
        "account_number": "",
        "policy_type": "CUSTOM FARM (RC 54)",
        "policy_type_code": "CU",
        "policy_status": "",
        "email": "",
        "agency": "001",
        "agency_name": "MCMURRAY INSURANCE AGENCY",
        "transaction_type": "New Business",
        "notice_type": "Premium",
        "pay_plan": "Annual",
        "bill_mode": "Direct Bill",
        "allow_payments": true,
    ])

    /// The `id` of the seed's example resource.
    public static let seedExampleID = "41703"
}
