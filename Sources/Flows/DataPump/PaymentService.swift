/// The IMT web service a DataPump payment is posted to: a biller option for IMT Spectrum.
///
/// Seed 000 specifies `payments/` ("DataPump Payments", the document of `PaymentPost`); seed 002 names
/// Spectrum's payments "IMT ‘OnlineReceipt’ web services" without a URL or a document. `payments`
/// is the default (the only call the seeds specify, and seed 004's "Data Pump from IC to IMT" for
/// both products); `online-receipt` posts the same document to `online-receipts/`, the service's
/// name as a JSON:API resource (decision).
public enum PaymentService: String, Sendable, Hashable, CaseIterable {
    case payments
    case onlineReceipt = "online-receipt"

    /// The path relative to the data API.
    public var path: String { self == .payments ? "payments/" : "online-receipts/" }
}
