import Wire

/// The payment page a CloudPaymentURL opens (or the Virtual Site's one-time payment): the accounts
/// and invoices of the request, and a form whose pay button makes the payment.
struct PaymentPageHTML {
    var id: String
    var request: CloudPaymentsRequest
    var virtualSite: Bool
    var siteName: String
    var paid: Bool

    /// The amount the form proposes: the invoices' balances, or nothing to fill in.
    var amount: String {
        let balances = request.customers.flatMap(\.invoices).compactMap(\.balanceDue)
        return balances.isEmpty ? "" : balances.reduce(Money.zero, +).description
    }

    var response: MockResponse {
        let e = XMLText.escaped
        let title = virtualSite ? "\(siteName) - One Time Payment" : "Cloud Payments"
        let rows = request.customers.map { customer in
            let invoices = customer.invoices.map { "<li class=\"invoice\">\(e($0.invoiceNumber))</li>" }.joined()
            return "<li class=\"account\">\(e(customer.displayAccountNumber ?? customer.accountNumber))<ul>\(invoices)</ul></li>"
        }.joined()
        let css = request.cssURL.map { "<link rel=\"stylesheet\" href=\"\(e($0))\">" } ?? ""
        return PortalPage.html(
            200,
            """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>\(e(title))</title>\(css)</head>
            <body data-view-mode="\(request.viewMode)" data-virtual-site="\(virtualSite)">
            <h1 id="page">\(e(title))</h1>
            <ul id="accounts">\(rows)</ul>
            <form id="pay" method="post" action="/cloudpayments/\(e(id))/pay">
            <label>Amount <input id="amount" name="Amount" value="\(e(amount))"></label>
            <label>Card number <input id="card-number" name="CardNumber" value=""></label>
            <button id="pay-button" type="submit"\(paid ? " disabled" : "")>Pay</button>
            </form>
            </body></html>

            """)
    }

    /// The page after the pay button: approved or declined, and what the postback got.
    static func receipt(postback: Postback, delivered: String) -> MockResponse {
        let e = XMLText.escaped
        return PortalPage.html(
            200,
            """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>Payment \(postback.approved ? "approved" : "declined")</title></head>
            <body><h1 id="result">\(postback.approved ? "Approved" : "Declined")</h1>
            <p>Payment <span id="payment">\(e(postback.paymentGUID))</span> of <span id="amount">\(e(postback.amount.description))</span></p>
            <p>Postback: <span id="postback">\(e(delivered))</span></p></body></html>

            """)
    }
}
