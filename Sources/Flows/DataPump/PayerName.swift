/// Splits IC's single CustomerName into IMT's `first_name` and `last_name`
/// (seed 000: "We parse out the first name", "We parse out the last name(s)").
///
/// The seed gives no rule; this one keeps every word:
/// - spaces are trimmed and runs of them collapse to one;
/// - `LAST, FIRST MIDDLE`: the last name is before the first comma, the first name after it;
/// - otherwise the first word is the first name and the remaining words the last name(s):
///   `JESSICA ANN SMITH` → `JESSICA` / `ANN SMITH`;
/// - a single word is a last name (a business or a surname alone): `ACME` → `""` / `ACME`;
/// - an empty name gives two empty strings.
public enum PayerName {
    public static func split(_ customerName: String) -> (first: String, last: String) {
        func words(_ text: Substring) -> [Substring] {
            text.split(whereSeparator: \.isWhitespace)
        }
        if let comma = customerName.firstIndex(of: ",") {
            let last = words(customerName[..<comma]).joined(separator: " ")
            let first = words(Substring(customerName[customerName.index(after: comma)...].replacing(",", with: " ")))
                .joined(separator: " ")
            return (first, last)
        }
        let all = words(Substring(customerName))
        switch all.count {
        case 0: return ("", "")
        case 1: return ("", String(all[0]))
        default: return (String(all[0]), all.dropFirst().joined(separator: " "))
        }
    }
}
