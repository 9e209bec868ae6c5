import Wire

/// The payment page a CloudPaymentURL opens (or the Virtual Site's one-time payment): the accounts
/// and invoices of the request, a line for each setting and option that shapes the page
/// (`data-option` names it), and a form with the methods offered whose pay button makes the payment.
struct PaymentPageHTML {
    var id: String
    var request: CloudPaymentsRequest
    var virtualSite: Bool
    var siteName: String
    var paid: Bool
    /// The accounts whose customer record the request created (`CreateCustomerRecord`).
    var createdRecords: [String] = []

    /// The amount the form proposes: the invoices' balances, or nothing to fill in.
    var amount: String {
        let balances = request.customers.flatMap(\.invoices).compactMap(\.balanceDue)
        return balances.isEmpty ? "" : balances.reduce(Money.zero, +).description
    }

    var response: MockResponse {
        let e = XMLText.escaped
        let terms = PaymentTerms(request: request)
        let title = virtualSite ? "\(siteName) - One Time Payment" : "Cloud Payments"
        let actions = PaymentTerms.invoiceActions.filter { request.options[$0.0] == true }
        let rows = request.customers.map { customer in
            let invoices = customer.invoices.map { invoice in
                let buttons = actions.map { "<button class=\"invoice-action\" data-option=\"\($0.0)\">\(e($0.1))</button>" }
                return "<li class=\"invoice\">\(e(invoice.invoiceNumber))\(buttons.joined())</li>"
            }.joined()
            return "<li class=\"account\">\(e(customer.displayAccountNumber ?? customer.accountNumber))<ul>\(invoices)</ul></li>"
        }.joined()
        let created = createdRecords.map { ("CreateCustomerRecord", "Customer record created: \($0)") }
        let options = (created + terms.pageLines).map { "<li data-option=\"\(e($0.0))\">\(e($0.1))</li>" }.joined()
        var inputs = ""
        let methods = [PaymentTerms.Method.card, .ach].filter(terms.offers)
        if methods.count == 1 {
            inputs += "<input type=\"hidden\" id=\"method\" name=\"PaymentMethod\" value=\"\(methods[0].rawValue)\">"
        } else if methods.count == 2 {
            inputs += "<label>Pay by <select id=\"method\" name=\"PaymentMethod\"><option value=\"CC\">Card</option>"
            inputs += "<option value=\"ACH\">Bank account (ACH)</option></select></label>"
        }
        if terms.offers(.card) {
            inputs += "<label>Card number <input id=\"card-number\" name=\"CardNumber\" value=\"\"></label>"
        }
        if terms.offers(.ach) {
            inputs += "<label>Routing number <input id=\"routing-number\" name=\"RoutingNumber\" value=\"\"></label>"
            inputs += "<label>Bank account number <input id=\"bank-account\" name=\"BankAccountNumber\" value=\"\"></label>"
        }
        let css = request.cssURL.map { "<link rel=\"stylesheet\" href=\"\(e($0))\">" } ?? ""
        return PortalPage.html(
            200,
            """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>\(e(title))</title>\(css)</head>
            <body data-view-mode="\(request.viewMode)" data-virtual-site="\(virtualSite)">
            <h1 id="page">\(e(title))</h1>
            <ul id="accounts">\(rows)</ul>
            <ul id="options">\(options)</ul>
            <form id="pay" method="post" action="/cloudpayments/\(e(id))/pay">
            <label>Amount <input id="amount" name="Amount" value="\(e(amount))"></label>
            \(inputs)
            <button id="pay-button" type="submit"\(paid || methods.isEmpty ? " disabled" : "")>Pay</button>
            </form>
            </body></html>

            """)
    }

    /// The page after the pay button: approved or declined, the amount charged with its service fee,
    /// what the postback got, and the Page User Result options.
    static func receipt(postback: Postback, delivered: String, terms: PaymentTerms) -> MockResponse {
        let e = XMLText.escaped
        let options = terms.receiptLines.map { "<li data-option=\"\(e($0.0))\">\(e($0.1))</li>" }.joined()
        return PortalPage.html(
            200,
            """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>Payment \(postback.approved ? "approved" : "declined")</title></head>
            <body><h1 id="result">\(postback.approved ? "Approved" : "Declined")</h1>
            <p>Payment <span id="payment">\(e(postback.paymentGUID))</span> of <span id="amount">\(e(postback.total.description))</span>, service fee <span id="fee">\(e(postback.fee.description))</span></p>
            <p>Postback: <span id="postback">\(e(delivered))</span></p>
            <ul id="options">\(options)</ul></body></html>

            """)
    }
}
