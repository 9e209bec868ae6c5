public import Foundation

/// An amount of money in decimal, never in floating point.
///
/// Parsed strictly from text such as `"1675.00"` or `"-12.5"`; written with at
/// least two fraction digits and never rounded.
public struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let amount: Decimal

    public init(_ amount: Decimal) { self.amount = amount }

    /// Parses `-?digits[.digits]`; anything else (spaces, exponents, commas, `NaN`) is nil.
    public init?(parsing text: some StringProtocol) {
        let utf8 = Array(text.utf8)
        var i = 0
        if i < utf8.count, utf8[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        while i < utf8.count, utf8[i] >= 48, utf8[i] <= 57 { i += 1 }
        guard i > intStart else { return nil }
        if i < utf8.count, utf8[i] == UInt8(ascii: ".") {
            i += 1
            let fracStart = i
            while i < utf8.count, utf8[i] >= 48, utf8[i] <= 57 { i += 1 }
            guard i > fracStart else { return nil }
        }
        guard i == utf8.count, let value = Decimal(string: String(text), locale: Locale(identifier: "en_US_POSIX")) else {
            return nil
        }
        self.amount = value
    }

    public static let zero = Money(0)

    public static func < (a: Money, b: Money) -> Bool { a.amount < b.amount }
    public static func + (a: Money, b: Money) -> Money { Money(a.amount + b.amount) }
    public static func - (a: Money, b: Money) -> Money { Money(a.amount - b.amount) }

    /// The amount with at least two fraction digits: `1675.00`, `0.10`, `-3.125`.
    public var description: String {
        var text = NSDecimalNumber(decimal: amount).description(withLocale: Locale(identifier: "en_US_POSIX"))
        if let dot = text.firstIndex(of: ".") {
            let fraction = text.distance(from: dot, to: text.endIndex) - 1
            if fraction < 2 { text += String(repeating: "0", count: 2 - fraction) }
        } else {
            text += ".00"
        }
        return text
    }
}
