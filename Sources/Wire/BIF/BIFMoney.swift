/// BIF money: text with exactly two decimals, summed exactly as integer cents.
public enum BIFMoney {
    /// The amount of `-?digits.dd` in cents, exact; nil for anything else or on overflow.
    public static func cents(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        let count = bytes.count
        let negative = count > 0 && bytes[0] == UInt8(ascii: "-")
        let start = negative ? 1 : 0
        guard count - start >= 4, bytes[count - 3] == UInt8(ascii: ".") else { return nil }
        // Up to 18 digits cannot overflow; longer amounts take the checked path.
        let fast = count - start <= 19
        var value: Int64 = 0
        for i in start..<count where i != count - 3 {
            let digit = bytes[i] &- 48
            guard digit < 10 else { return nil }
            if fast {
                value = value &* 10 &+ Int64(digit)
            } else {
                let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(Int64(digit))
                guard !o1, !o2 else { return nil }
                value = sum
            }
        }
        return negative ? -value : value
    }

    /// The cents of a money text, or nil.
    public static func cents(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { cents(UnsafeRawBufferPointer($0)) }
    }

    /// `-?digits.dd` for an amount in cents.
    public static func text(cents: Int64) -> String {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(cents < 0 ? "-" : "")\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
