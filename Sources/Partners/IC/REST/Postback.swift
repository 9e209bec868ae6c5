import Foundation
import Wire

/// What IC posts to `PostBackURL` after a payment: the form fields of WIRE-FACTS, in that order, with
/// the first customer's `AccountNumber` after `InvoiceNumber` (seed 003, IC-CPV2-004: "Post back URL
/// (Per a Prod request, AccountNumber is available now)").
struct Postback {
    var billerGUID: String
    var request: CloudPaymentsRequest
    var paymentGUID: String
    /// The amount toward the invoices, as the payer typed it.
    var amount: Money
    /// The service fee of the method (`CCServiceFee` or `ACHServiceFee`), added to the amount.
    var fee: Money
    var method: PaymentTerms.Method
    var approved: Bool
    var date: Date
    var zone: TimeZone

    /// The payment's date as IC's forms write it: `MM/dd/yyyy HH:mm:ss` in the biller's zone.
    var paymentDate: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "MM/dd/yyyy HH:mm:ss"
        return formatter.string(from: date)
    }

    /// What the payer was charged: the amount and the fee. Seed 000 reads the postback's amount the
    /// same way ("bill_amount_paid = PaymentAmount - ConvenienceFee").
    var total: Money { amount + fee }

    /// PaymentTypeID 1 with the card type for a card, 2 with no card type for ACH (decision).
    var fields: [(String, String)] {
        let customer = request.customers.first
        let invoice = customer?.invoices.first
        return [
            ("BillerGUID", billerGUID), ("PaymentDate", paymentDate), ("InvoiceNumber", invoice?.invoiceNumber ?? ""),
            ("AccountNumber", customer?.accountNumber ?? ""),
            ("Approved", approved ? "True" : "False"), ("CustomerName", customer?.name ?? ""),
            ("CustomerAddress", customer?.address ?? ""), ("CustomerCity", customer?.city ?? ""),
            ("CustomerState", customer?.state ?? ""), ("CustomerZip", customer?.zip ?? ""), ("PaymentGUID", paymentGUID),
            ("PaymentAmount", total.description),
            ("PaymentDescription", "Payment for account \(customer?.accountNumber ?? "")"),
            ("PaymentTypeID", method == .card ? "1" : "2"),
            ("CardType", method == .card ? "Visa" : ""),
            (
                "PaymentMessage",
                approved
                    ? "Approved" : method == .card ? "Declined: the card was refused" : "Declined: the bank account was refused"
            ),
            ("BillerReference", request.billerReference ?? ""), ("ConvenienceFee", fee.description),
            ("RemoteIP", "127.0.0.1"),
        ]
    }
}
