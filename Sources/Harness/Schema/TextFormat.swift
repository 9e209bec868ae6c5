/// A shape of text the scenario loader checks, and the JSON Schema `pattern` that checks it in an editor.
///
/// The patterns refuse what the loader refuses as far as a pattern can: a `2024-02-30` clock or
/// a `02/30/2024` date has the shape and is left to the loader, and an amount written as a YAML
/// number (`1e3`) reaches the schema as a number, whose digits it cannot see.
public enum TextFormat: Sendable, CaseIterable {
    /// An ISO 8601 date and time with its zone: `2024-11-18T17:05:28Z`, `2024-11-18T11:05:28.250-06:00`.
    case dateTime
    /// A positive whole number of milliseconds or seconds: `250ms`, `2s`.
    case duration
    /// A decimal amount: `102.95`, `-3`, written as text or as a YAML number.
    case money
    /// A BIF date, `mm/dd/yyyy`.
    case bifDate
    /// A NACHA return code: `R01`.
    case nachaReturnCode

    /// The regular expression (ECMA 262, as JSON Schema has it) that a value's text matches.
    public var pattern: String {
        switch self {
        case .dateTime:
            #"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"#
        case .duration: #"^0*[1-9][0-9]*(ms|s)$"#
        case .money: #"^-?[0-9]+(\.[0-9]+)?$"#
        case .bifDate: #"^(0[1-9]|1[0-2])/(0[1-9]|[12][0-9]|3[01])/[0-9]{4}$"#
        case .nachaReturnCode: #"^R[0-9]{2}$"#
        }
    }

    /// The JSON types a value may have: an amount may be a YAML number, the others are text.
    var types: [String] { self == .money ? ["string", "number"] : ["string"] }
}
