/// A Cloud Payments V2 request (`POST /cloudpaymentsapi/v2`), after seed 003's four parameter tables.
///
/// The reference flow builds it (`json`); the mock IC reads and checks it (`init(json:profile:)`),
/// collecting every problem with the member's path, e.g. `Customers[0].AccountNumber`.
public struct CloudPaymentsRequest: Sendable, Hashable {
    /// One `Customers` element: "AccountNumber True", the rest optional.
    public struct Customer: Sendable, Hashable {
        public var accountNumber: String
        public var displayAccountNumber: String?
        public var name: String?
        public var address: String?
        public var city: String?
        public var state: String?
        public var zip: String?
        public var emailAddress: String?
        public var invoices: [Invoice]

        public init(accountNumber: String, name: String? = nil, emailAddress: String? = nil, invoices: [Invoice] = []) {
            self.accountNumber = accountNumber
            self.name = name
            self.emailAddress = emailAddress
            self.invoices = invoices
        }
    }

    /// One `Invoices` element of a customer: "InvoiceNumber True", the rest optional.
    public struct Invoice: Sendable, Hashable {
        public var invoiceNumber: String
        public var typeID: Int?
        /// `MM/dd/yyyy`.
        public var invoiceDate: String?
        /// `MM/dd/yyyy`.
        public var dueDate: String?
        public var balanceDue: Money?
        public var ccServiceFee: Money?
        public var achServiceFee: Money?
        public var minimumAmountDue: Money?
        public var allowPartialPayments: Bool?

        public init(invoiceNumber: String, balanceDue: Money? = nil) {
            self.invoiceNumber = invoiceNumber
            self.balanceDue = balanceDue
        }
    }

    public var postBackURL: String?
    public var returnURL: String?
    public var billerReference: String?
    public var viewMode: Int
    public var remoteAuthenticationToken: String?
    public var cssURL: String?
    public var customers: [Customer]
    /// The Cloud Payment Settings and UI options that are true or false, by parameter name
    /// (`AllowCCPayment`, `CreateCustomerRecord`, `AllowRemindMe` ...).
    public var options: [String: Bool]
    /// The settings that are text: `EMVDeviceID`, `EMVLocationID`, `CashierName`, `InvoiceOptions`.
    public var texts: [String: String]

    public init(viewMode: Int, customers: [Customer]) {
        self.viewMode = viewMode
        self.customers = customers
        self.options = [:]
        self.texts = [:]
    }

    /// The true-or-false parameters of the Cloud Payment Settings and the UI options tables.
    public static let optionNames = [
        "AllowSwipe", "AllowEMV", "AllowCCPayment", "AllowACHPayment", "CreateCustomerRecord", "PageLoadOverride",
        "AllowRegisterAccount", "AllowViewStatement", "AllowRemove", "AllowViewRelated", "AllowRemindMe",
    ]
    /// The text parameters of the Cloud Payment Settings and the UI options tables.
    public static let textNames = ["EMVDeviceID", "EMVLocationID", "CashierName", "InvoiceOptions"]

    /// Whether `CreateCustomerRecord` is true: the unregistered payer's path to the Virtual Site.
    public var createsCustomerRecord: Bool { options["CreateCustomerRecord"] == true }

    /// The request as JSON, members in the seed's order.
    public var json: JSONValue {
        var members: [JSONValue.Member] = []
        func add(_ name: String, _ value: String?) { if let value { members.append(.init(name, .string(value))) } }
        add("PostBackURL", postBackURL)
        add("ReturnURL", returnURL)
        add("BillerReference", billerReference)
        members.append(.init("ViewMode", .string(String(viewMode))))
        add("RemoteAuthenticationToken", remoteAuthenticationToken)
        add("CssUrl", cssURL)
        members.append(.init("Customers", .array(customers.map(\.json))))
        for name in Self.optionNames { if let value = options[name] { members.append(.init(name, .bool(value))) } }
        for name in Self.textNames { add(name, texts[name]) }
        return .object(members)
    }
}

extension CloudPaymentsRequest.Customer {
    var json: JSONValue {
        var members: [JSONValue.Member] = [.init("AccountNumber", .string(accountNumber))]
        for (name, value) in [
            ("DisplayAccountNumber", displayAccountNumber), ("Name", name), ("Address", address), ("City", city),
            ("State", state), ("Zip", zip), ("EmailAddress", emailAddress),
        ] {
            if let value { members.append(.init(name, .string(value))) }
        }
        if !invoices.isEmpty { members.append(.init("Invoices", .array(invoices.map(\.json)))) }
        return .object(members)
    }
}

extension CloudPaymentsRequest.Invoice {
    var json: JSONValue {
        var members: [JSONValue.Member] = [.init("InvoiceNumber", .string(invoiceNumber))]
        if let typeID { members.append(.init("TypeID", .number(String(typeID)))) }
        if let invoiceDate { members.append(.init("InvoiceDate", .string(invoiceDate))) }
        if let dueDate { members.append(.init("DueDate", .string(dueDate))) }
        for (name, value) in [
            ("BalanceDue", balanceDue), ("CCServiceFee", ccServiceFee), ("ACHServiceFee", achServiceFee),
            ("MinimumAmountDue", minimumAmountDue),
        ] {
            if let value { members.append(.init(name, .number(value.description))) }
        }
        if let allowPartialPayments { members.append(.init("AllowPartialPayments", .bool(allowPartialPayments))) }
        return .object(members)
    }
}
