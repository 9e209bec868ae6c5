public import Wire

/// A payment as IC holds it, the source of a DataPump post (seed 000, "Data Pump: Payment").
public struct ICPayment: Sendable, Hashable {
    /// IC's biller id (`BID`), the first half of `transaction_id`.
    public var billerID: String
    public var paymentID: String
    public var accountNumber: String
    /// Picks the IMT instance under setting 81 `MULTIENVIRONMENT`.
    public var invoiceTypeID: String?
    public var method: PaymentPost.Method
    /// What the payer paid, convenience fee included.
    public var paymentAmount: Money
    public var convenienceFee: Money
    /// The processor's message; its first 8 characters are the approval code.
    public var paymentMessage: String
    public var customerName: String
    public var address1: String
    public var address2: String
    public var city: String
    public var state: String
    public var zip: String
    public var phone: String
    public var email: String

    public init(
        billerID: String, paymentID: String, accountNumber: String, invoiceTypeID: String? = nil,
        method: PaymentPost.Method, paymentAmount: Money, convenienceFee: Money = .zero, paymentMessage: String,
        customerName: String, address1: String = "", address2: String = "", city: String = "", state: String = "",
        zip: String = "", phone: String = "", email: String = ""
    ) {
        self.billerID = billerID
        self.paymentID = paymentID
        self.accountNumber = accountNumber
        self.invoiceTypeID = invoiceTypeID
        self.method = method
        self.paymentAmount = paymentAmount
        self.convenienceFee = convenienceFee
        self.paymentMessage = paymentMessage
        self.customerName = customerName
        self.address1 = address1
        self.address2 = address2
        self.city = city
        self.state = state
        self.zip = zip
        self.phone = phone
        self.email = email
    }

    /// The `payments` resource of the seed's mapping.
    public var post: PaymentPost {
        let name = PayerName.split(customerName)
        return PaymentPost(
            account: accountNumber, method: method, billAmountPaid: paymentAmount - convenienceFee, totalPaid: paymentAmount,
            approvalCode: String(paymentMessage.prefix(8)), transactionID: "\(billerID)&\(paymentID)",
            firstName: name.first, lastName: name.last, address1: address1, address2: address2, city: city, state: state,
            zipCode: zip, phone: phone, email: email)
    }
}
