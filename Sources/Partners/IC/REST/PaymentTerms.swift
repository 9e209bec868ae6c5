import Wire

/// What a Cloud Payments V2 request's settings and invoice options make of its payment page (seed 003's
/// tables, IC-CPV2-007..010): the payment methods offered, the service fee of each, whether a partial
/// payment is taken and its minimum, and the lines the page shows for each option given.
///
/// Where the seed gives no default (decision, docs/sso-cpv2.md): `AllowCCPayment` and
/// `AllowACHPayment` left out offer the method; `AllowPartialPayments` left out takes a partial
/// payment; the fees and minimums of the invoices add up.
struct PaymentTerms {
    var request: CloudPaymentsRequest

    /// How the payer pays.
    enum Method: String {
        case card = "CC"
        case ach = "ACH"

        /// The setting that offers it.
        var option: String { self == .card ? "AllowCCPayment" : "AllowACHPayment" }
        /// The invoice option that sets its fee.
        var feeOption: String { self == .card ? "CCServiceFee" : "ACHServiceFee" }
        var name: String { self == .card ? "Card" : "Bank account (ACH)" }
    }

    /// A refused payment: the option that refuses it, in its code and message.
    struct Refusal: Error {
        var status: Int
        var code: String
        var message: String
    }

    var invoices: [CloudPaymentsRequest.Invoice] { request.customers.flatMap(\.invoices) }

    func offers(_ method: Method) -> Bool { request.options[method.option] ?? true }

    /// The invoices' `BalanceDue` added up; nil when none gives one.
    var balance: Money? { total(invoices.compactMap(\.balanceDue)) }
    /// The invoices' `MinimumAmountDue` added up; nil when none gives one.
    var minimum: Money? { total(invoices.compactMap(\.minimumAmountDue)) }
    /// False when an invoice says `AllowPartialPayments: false`.
    var partialAllowed: Bool { !invoices.contains { $0.allowPartialPayments == false } }

    /// The service fee `method` adds: the invoices' `CCServiceFee` or `ACHServiceFee` added up.
    func fee(_ method: Method) -> Money {
        let fees = invoices.compactMap { method == .card ? $0.ccServiceFee : $0.achServiceFee }
        return total(fees) ?? .zero
    }

    /// Why a payment of `amount` by `method` is refused, naming the option; nil when it is taken.
    func refusal(amount: Money, method: Method) -> Refusal? {
        guard offers(method) else {
            return Refusal(
                status: 403, code: "PaymentMethodNotAllowed",
                message: "\(method.option) is false: this page takes no \(method.name) payment")
        }
        if let balance, amount < balance, !partialAllowed {
            return Refusal(
                status: 400, code: "PartialPaymentNotAllowed",
                message: "AllowPartialPayments is false: pay the balance due, \(balance), not \(amount)")
        }
        if let minimum, amount < minimum {
            return Refusal(
                status: 400, code: "BelowMinimumAmountDue",
                message: "MinimumAmountDue is \(minimum): pay at least that, not \(amount)")
        }
        return nil
    }

    /// The payment page's line for each option that shapes it, `(option, text)`, in the seed's order.
    var pageLines: [(String, String)] {
        var lines: [(String, String)] = []
        for method in [Method.card, .ach] {
            guard offers(method) else {
                lines.append((method.option, "\(method.name): not offered"))
                continue
            }
            lines.append((method.option, "\(method.name): accepted"))
            if invoices.contains(where: { (method == .card ? $0.ccServiceFee : $0.achServiceFee) != nil }) {
                lines.append((method.feeOption, "\(method.name) service fee: \(fee(method))"))
            }
        }
        if invoices.contains(where: { $0.allowPartialPayments != nil }) {
            lines.append(
                ("AllowPartialPayments", partialAllowed ? "Partial payment: allowed" : "Partial payment: not allowed"))
        }
        if let minimum { lines.append(("MinimumAmountDue", "Minimum amount due: \(minimum)")) }
        let o = request.options
        let t = request.texts
        if let swipe = o["AllowSwipe"] { lines.append(("AllowSwipe", "Card swipe: \(swipe ? "on" : "off")")) }
        if let emv = o["AllowEMV"] {
            let device = [t["EMVDeviceID"].map { "device \($0)" }, t["EMVLocationID"].map { "location \($0)" }]
                .compactMap { $0 }.joined(separator: ", ")
            lines.append(("AllowEMV", "EMV: \(emv ? "on" : "off")\(device.isEmpty ? "" : " (\(device))")"))
        } else {
            if let device = t["EMVDeviceID"] { lines.append(("EMVDeviceID", "EMV device: \(device)")) }
            if let location = t["EMVLocationID"] { lines.append(("EMVLocationID", "EMV location: \(location)")) }
        }
        if let cashier = t["CashierName"] { lines.append(("CashierName", "Cashier: \(cashier)")) }
        if let override = o["PageLoadOverride"] {
            lines.append(("PageLoadOverride", "Page load override: \(override ? "on" : "off")"))
        }
        for (name, action) in Self.invoiceActions {
            if let shown = o[name] { lines.append((name, "\(action): \(shown ? "shown" : "not shown") for each invoice")) }
        }
        return lines
    }

    /// The Invoice User Experience options and the button each shows beside every invoice.
    static let invoiceActions = [
        ("AllowViewStatement", "View statement"), ("AllowRemove", "Remove"), ("AllowViewRelated", "View related"),
        ("AllowRemindMe", "Remind me"),
    ]

    /// The receipt's line for each Page User Result option given.
    var receiptLines: [(String, String)] {
        var lines: [(String, String)] = []
        if let register = request.options["AllowRegisterAccount"] {
            lines.append(("AllowRegisterAccount", "Register an account: \(register ? "offered" : "not offered")"))
        }
        if let invoiceOptions = request.texts["InvoiceOptions"] {
            lines.append(("InvoiceOptions", "Invoice options: \(invoiceOptions)"))
        }
        return lines
    }

    private func total(_ amounts: [Money]) -> Money? {
        amounts.isEmpty ? nil : amounts.reduce(Money.zero, +)
    }
}
