import Foundation
import Wire

/// What IC posts to `PostBackURL` after a payment: the form fields of WIRE-FACTS, in that order.
struct Postback {
    var billerGUID: String
    var request: CloudPaymentsRequest
    var paymentGUID: String
    var amount: Money
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

    var fields: [(String, String)] {
        let customer = request.customers.first
        let invoice = customer?.invoices.first
        return [
            ("BillerGUID", billerGUID), ("PaymentDate", paymentDate), ("InvoiceNumber", invoice?.invoiceNumber ?? ""),
            ("Approved", approved ? "True" : "False"), ("CustomerName", customer?.name ?? ""),
            ("CustomerAddress", customer?.address ?? ""), ("CustomerCity", customer?.city ?? ""),
            ("CustomerState", customer?.state ?? ""), ("CustomerZip", customer?.zip ?? ""), ("PaymentGUID", paymentGUID),
            ("PaymentAmount", amount.description),
            ("PaymentDescription", "Payment for account \(customer?.accountNumber ?? "")"), ("PaymentTypeID", "1"),
            ("CardType", "Visa"), ("PaymentMessage", approved ? "Approved" : "Declined: the card was refused"),
            ("BillerReference", request.billerReference ?? ""), ("ConvenienceFee", (invoice?.ccServiceFee ?? .zero).description),
            ("RemoteIP", "127.0.0.1"),
        ]
    }
}
