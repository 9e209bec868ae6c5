import Foundation
import Wire

/// The shape of a `payments-due` resource's attributes as the seed's full example shows them:
/// each attribute's JSON type, and the format of its dates, times and amounts.
///
/// `current_due`, `payment_types` and `policy_number` have checks of their own (IMT-RTDR-002,
/// -012, -001) and are left out here, so that one deviation fails one check.
enum PaymentsDueShape {
    /// The attributes judged: the seed example's, minus those with their own check.
    static let checked: [JSONValue.Member] =
        (PaymentsDue.seedExampleAttributes.objectValue ?? []).filter {
            !["current_due", "payment_types", "policy_number"].contains($0.key)
        }

    /// Date-times with their zone, as `creation_time` is: `2024-09-03T15:37:51-05:00`.
    static let dateTimes: Set<String> = ["creation_time", "last_update_time", "pending_payment_date"]
    /// Calendar dates, as `bill_date` is: `2024-09-01`.
    static let dates: Set<String> = ["bill_date", "due_date"]
    /// Decimal strings, as `total_unpaid` is: `"1675.00"`.
    static let amounts: Set<String> = [
        "cc_fee", "transaction_fee", "pending_payment_amount", "cc_fee_percent", "transaction_fee_percent", "total_unpaid",
    ]
    /// Attributes of a pending payment, which may be null or empty when there is none.
    static let pending: Set<String> = ["pending_payment_amount", "pending_payment_date"]

    /// What is wrong with `attributes`, one entry per attribute, named by its key.
    static func problems(in attributes: JSONValue) -> [String] {
        checked.compactMap { member in
            let key = member.key
            guard let value = attributes[key] else { return "\(key) is missing" }
            if pending.contains(key), value == .null || value == .string("") { return nil }
            guard value.typeName == member.value.typeName else {
                return "\(key) is a \(value.typeName), not a \(member.value.typeName) as in the seed's example"
            }
            guard let text = value.stringValue else { return nil }
            if dateTimes.contains(key), !matches(text, #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$"#) {
                return "\(key) \"\(text)\" is not a date-time with its zone (2024-09-03T15:37:51-05:00)"
            }
            if dates.contains(key), !matches(text, #"^\d{4}-\d{2}-\d{2}$"#) {
                return "\(key) \"\(text)\" is not a date (2024-09-01)"
            }
            if amounts.contains(key), Money(parsing: text) == nil {
                return "\(key) \"\(text)\" is not a decimal amount"
            }
            return nil
        }
    }

    static func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }
}
