import Flows
import Support
import Wire
import Yams

/// Reads the `customers:` and `settings:` of a `cloud-payments` step into the request's values.
struct CloudPaymentsCustomers {
    let reader: YAMLReader

    static let customerSchema = MappingSchema(
        "A Customers element (seed 003's Customer Data Object).",
        .optional("account", .text, "AccountNumber (required by IC; leave out to see the refusal)."),
        .optional("display_account", .text, "DisplayAccountNumber."),
        .optional("name", .text, "Name."), .optional("address", .text, "Address."), .optional("city", .text, "City."),
        .optional("state", .text, "State."), .optional("zip", .text, "Zip."), .optional("email", .text, "EmailAddress."),
        .optional("invoices", .list(.mapping(invoiceSchema)), "Invoices."))

    static let invoiceSchema = MappingSchema(
        "An Invoices element (seed 003's Optional Invoice Data Object).",
        .optional("number", .text, "InvoiceNumber (required by IC)."), .optional("type_id", .integer, "TypeID."),
        .optional("invoice_date", .text, "InvoiceDate, MM/dd/yyyy."), .optional("due_date", .text, "DueDate, MM/dd/yyyy."),
        .optional("balance_due", .formatted(.money), "BalanceDue, decimal text."),
        .optional("cc_service_fee", .formatted(.money), "CCServiceFee."),
        .optional("ach_service_fee", .formatted(.money), "ACHServiceFee."),
        .optional("minimum_amount_due", .formatted(.money), "MinimumAmountDue."),
        .optional("allow_partial_payments", .boolean, "AllowPartialPayments."))

    static let settingsSchema = MappingSchema(
        "Cloud Payment Settings and UI options, by seed 003's names.",
        CloudPaymentsRequest.optionNames.map { .optional($0, .boolean, "\($0), true or false.") }
            + CloudPaymentsRequest.textNames.map { .optional($0, .text, "\($0), text.") })

    func customers(_ node: Node) throws(InputError) -> [CloudPaymentsRequest.Customer] {
        var customers: [CloudPaymentsRequest.Customer] = []
        for element in try reader.sequence(node, what: "customers") {
            let c = try reader.mapping(element, what: "a customer", schema: Self.customerSchema)
            var customer = CloudPaymentsRequest.Customer(accountNumber: try text(c["account"]) ?? "")
            customer.displayAccountNumber = try text(c["display_account"])
            customer.name = try text(c["name"])
            customer.address = try text(c["address"])
            customer.city = try text(c["city"])
            customer.state = try text(c["state"])
            customer.zip = try text(c["zip"])
            customer.emailAddress = try text(c["email"])
            for invoiceNode in try c["invoices"].map({ node throws(InputError) in try reader.sequence(node, what: "invoices") })
                ?? []
            {
                customer.invoices.append(try invoice(invoiceNode))
            }
            customers.append(customer)
        }
        return customers
    }

    func invoice(_ node: Node) throws(InputError) -> CloudPaymentsRequest.Invoice {
        let i = try reader.mapping(node, what: "an invoice", schema: Self.invoiceSchema)
        var invoice = CloudPaymentsRequest.Invoice(
            invoiceNumber: try text(i["number"]) ?? "", balanceDue: try money(i["balance_due"]))
        invoice.typeID = try i["type_id"].map { node throws(InputError) in try reader.integer(node, what: "type_id") }
        invoice.invoiceDate = try text(i["invoice_date"])
        invoice.dueDate = try text(i["due_date"])
        invoice.ccServiceFee = try money(i["cc_service_fee"])
        invoice.achServiceFee = try money(i["ach_service_fee"])
        invoice.minimumAmountDue = try money(i["minimum_amount_due"])
        invoice.allowPartialPayments = try i["allow_partial_payments"].map { node throws(InputError) in
            try reader.bool(node, what: "allow_partial_payments")
        }
        return invoice
    }

    func settings(_ node: Node) throws(InputError) -> (options: [String: Bool], texts: [String: String]) {
        let s = try reader.mapping(node, what: "settings", schema: Self.settingsSchema)
        var options: [String: Bool] = [:]
        var texts: [String: String] = [:]
        for name in CloudPaymentsRequest.optionNames {
            if let node = s[name] { options[name] = try reader.bool(node, what: name) }
        }
        for name in CloudPaymentsRequest.textNames { if let node = s[name] { texts[name] = try reader.text(node, what: name) } }
        return (options, texts)
    }

    private func text(_ node: Node?) throws(InputError) -> String? {
        try node.map { node throws(InputError) in try reader.text(node, what: "a customer member") }
    }

    private func money(_ node: Node?) throws(InputError) -> Money? {
        guard let node else { return nil }
        let text = try reader.text(node, what: "an amount")
        guard let money = Money(parsing: text) else {
            throw reader.error("an amount must be decimal text, e.g. \"41.25\"", at: node)
        }
        return money
    }
}
