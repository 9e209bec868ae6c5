extension CloudPaymentsRequest {
    /// Every problem of a request, each with the member's path: what the mock answers instead of a payment URL.
    public struct Problems: Error, Sendable, Hashable {
        public var list: [Problem]
    }

    /// One problem of a request: the member's path and what is wrong with it.
    public struct Problem: Sendable, Hashable {
        public var field: String
        public var message: String
    }

    /// The most customers, and invoices per customer, one request may carry: bounded work per request.
    public static let customerLimit = 100
    public static let invoiceLimit = 100

    /// Reads and checks a request: required `ViewMode` and `Customers`, `AccountNumber` per customer,
    /// `InvoiceNumber` per invoice, each member of the type the tables imply, no member the tables lack.
    public init(json: JSONValue) throws(Problems) {
        let sink = ProblemSink()
        let problem = sink.add
        guard let members = json.objectValue else {
            throw Problems(list: [Problem(field: "$", message: "the request must be a JSON object, not \(json.typeName)")])
        }
        let reader = MemberReader(members: members, path: "", sink: sink)
        let known =
            ["PostBackURL", "ReturnURL", "BillerReference", "ViewMode", "RemoteAuthenticationToken", "CssUrl", "Customers"]
            + Self.optionNames + Self.textNames
        reader.refuseUnknown(known)
        let viewMode = reader.integer("ViewMode", required: true)
        var customers: [Customer] = []
        if let list = reader.array("Customers", required: true) {
            if list.isEmpty { problem("Customers", "must list at least one customer") }
            if list.count > Self.customerLimit {
                problem("Customers", "lists \(list.count) customers; at most \(Self.customerLimit)")
            }
            for (i, element) in list.prefix(Self.customerLimit).enumerated() {
                if let customer = Customer(element, path: "Customers[\(i)]", sink: sink) { customers.append(customer) }
            }
        }
        self.init(viewMode: viewMode ?? 0, customers: customers)
        postBackURL = reader.url("PostBackURL")
        returnURL = reader.url("ReturnURL")
        billerReference = reader.text("BillerReference")
        remoteAuthenticationToken = reader.text("RemoteAuthenticationToken")
        cssURL = reader.url("CssUrl")
        for name in Self.optionNames { if let value = reader.bool(name) { options[name] = value } }
        for name in Self.textNames { if let value = reader.text(name) { texts[name] = value } }
        if !sink.list.isEmpty { throw Problems(list: sink.list) }
    }
}

extension CloudPaymentsRequest.Customer {
    init?(_ value: JSONValue, path: String, sink: ProblemSink) {
        let problem = sink.add
        guard let members = value.objectValue else {
            problem(path, "must be an object, not \(value.typeName)")
            return nil
        }
        let reader = MemberReader(members: members, path: path + ".", sink: sink)
        reader.refuseUnknown([
            "AccountNumber", "DisplayAccountNumber", "Name", "Address", "City", "State", "Zip", "EmailAddress", "Invoices",
        ])
        let account = reader.text("AccountNumber", required: true)
        var invoices: [CloudPaymentsRequest.Invoice] = []
        if let list = reader.array("Invoices") {
            let limit = CloudPaymentsRequest.invoiceLimit
            if list.count > limit { problem(path + ".Invoices", "lists \(list.count) invoices; at most \(limit)") }
            for (i, element) in list.prefix(limit).enumerated() {
                if let invoice = CloudPaymentsRequest.Invoice(element, path: "\(path).Invoices[\(i)]", sink: sink) {
                    invoices.append(invoice)
                }
            }
        }
        self.init(accountNumber: account ?? "", invoices: invoices)
        displayAccountNumber = reader.text("DisplayAccountNumber")
        name = reader.text("Name")
        address = reader.text("Address")
        city = reader.text("City")
        state = reader.text("State")
        zip = reader.text("Zip")
        emailAddress = reader.text("EmailAddress")
        if account == nil { return nil }
    }
}

extension CloudPaymentsRequest.Invoice {
    init?(_ value: JSONValue, path: String, sink: ProblemSink) {
        let problem = sink.add
        guard let members = value.objectValue else {
            problem(path, "must be an object, not \(value.typeName)")
            return nil
        }
        let reader = MemberReader(members: members, path: path + ".", sink: sink)
        reader.refuseUnknown([
            "InvoiceNumber", "TypeID", "InvoiceDate", "DueDate", "BalanceDue", "CCServiceFee", "ACHServiceFee",
            "MinimumAmountDue", "AllowPartialPayments",
        ])
        // Every member is read before giving up, so that each problem is listed.
        let number = reader.text("InvoiceNumber", required: true)
        let typeID = reader.integer("TypeID", numberOnly: true)
        let invoiceDate = reader.date("InvoiceDate")
        let dueDate = reader.date("DueDate")
        let balanceDue = reader.money("BalanceDue")
        let ccServiceFee = reader.money("CCServiceFee")
        let achServiceFee = reader.money("ACHServiceFee")
        let minimumAmountDue = reader.money("MinimumAmountDue")
        let allowPartialPayments = reader.bool("AllowPartialPayments")
        guard let number else { return nil }
        self.init(invoiceNumber: number, balanceDue: balanceDue)
        self.typeID = typeID
        self.invoiceDate = invoiceDate
        self.dueDate = dueDate
        self.ccServiceFee = ccServiceFee
        self.achServiceFee = achServiceFee
        self.minimumAmountDue = minimumAmountDue
        self.allowPartialPayments = allowPartialPayments
    }
}
