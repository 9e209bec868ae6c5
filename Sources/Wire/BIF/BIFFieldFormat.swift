/// The format of a BIF value, checked on the raw bytes of the field.
///
/// Every check is a single pass over ASCII bytes; an empty value is a matter
/// of the field's `required` flag, not of its format.
public enum BIFFieldFormat: String, Sendable, CaseIterable {
    /// `mm/dd/yyyy`, a real calendar date.
    case date
    /// `-?digits.dd`: exactly two fraction digits.
    case money
    /// Decimal digits only.
    case integer
    /// Any text without control characters.
    case string
    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in hexadecimal.
    case guid
    /// `1`, `0`, `true` or `false` (any case).
    case boolean
    /// ASCII letters, digits and hyphens (an alphanumeric account number, e.g. `0113135-0000095834`).
    case alphanumeric

    /// What a valid value looks like, for findings.
    public var expectation: String {
        switch self {
        case .date: "a date mm/dd/yyyy"
        case .money: "money with two decimals, e.g. 1675.00"
        case .integer: "an integer"
        case .string: "text"
        case .guid: "a GUID such as 6f1c2e0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b"
        case .boolean: "a boolean: 1, 0, true or false"
        case .alphanumeric: "letters, digits and hyphens"
        }
    }

    /// Whether `bytes` (not empty) is a valid value of this format.
    public func accepts(_ bytes: UnsafeRawBufferPointer) -> Bool {
        switch self {
        case .date: BIFDate(bytes) != nil
        case .money: BIFMoney.cents(bytes) != nil
        case .integer: !bytes.isEmpty && bytes.allSatisfy { $0 &- 48 < 10 }
        case .string: true
        case .guid: Self.isGUID(bytes)
        case .boolean: Self.boolean(bytes) != nil
        case .alphanumeric:
            !bytes.isEmpty && bytes.allSatisfy { $0 &- 48 < 10 || ($0 | 0x20) &- 97 < 26 || $0 == UInt8(ascii: "-") }
        }
    }

    /// `true` for `1`/`true`, `false` for `0`/`false` (any case), nil otherwise.
    public static func boolean(_ bytes: UnsafeRawBufferPointer) -> Bool? {
        switch bytes.count {
        case 1: return bytes[0] == UInt8(ascii: "1") ? true : bytes[0] == UInt8(ascii: "0") ? false : nil
        case 4: return matches(bytes, "true") ? true : nil
        case 5: return matches(bytes, "false") ? false : nil
        default: return nil
        }
    }

    static func matches(_ bytes: UnsafeRawBufferPointer, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        for i in 0..<bytes.count where bytes[i] | 0x20 != word.utf8Start[i] { return false }
        return true
    }

    static func isGUID(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count == 36 else { return false }
        for i in 0..<36 {
            let byte = bytes[i]
            if i == 8 || i == 13 || i == 18 || i == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                let lower = byte | 0x20
                guard byte &- 48 < 10 || (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f")) else { return false }
            }
        }
        return true
    }
}
