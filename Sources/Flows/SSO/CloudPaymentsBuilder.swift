public import Wire

/// The checks a partner portal makes before sending a Cloud Payments V2 request, after seed 003's
/// tables: `ViewMode` one of the profile's, `Customers` not empty, `AccountNumber` per customer,
/// `InvoiceNumber` per invoice, the URLs absolute.
public enum CloudPaymentsBuilder {
    /// Every problem of `request` for `profile`, each `Field message`; empty when it can be sent.
    public static func problems(_ request: CloudPaymentsRequest, profile: SSOProfile) -> [String] {
        var problems: [String] = []
        if let refusal = profile.refusal(viewMode: request.viewMode) { problems.append("ViewMode: \(refusal)") }
        if request.customers.isEmpty { problems.append("Customers is required: at least one customer with its AccountNumber") }
        for (i, customer) in request.customers.enumerated() {
            if customer.accountNumber.isEmpty { problems.append("Customers[\(i)].AccountNumber is required") }
            for (j, invoice) in customer.invoices.enumerated() where invoice.invoiceNumber.isEmpty {
                problems.append("Customers[\(i)].Invoices[\(j)].InvoiceNumber is required")
            }
        }
        for (name, url) in [("PostBackURL", request.postBackURL), ("ReturnURL", request.returnURL), ("CssUrl", request.cssURL)] {
            if let url, !SSOURL.isWebURL(url) { problems.append("\(name) must be an absolute http or https URL, not '\(url)'") }
        }
        return problems
    }
}
