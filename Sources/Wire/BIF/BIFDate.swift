/// A date of a BIF, `mm/dd/yyyy`: a calendar day, no time and no zone.
public struct BIFDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Self.days(in: month, of: year)).contains(day) else {
            return nil
        }
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// Parses exactly `mm/dd/yyyy`.
    public init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 10, bytes[2] == UInt8(ascii: "/"), bytes[5] == UInt8(ascii: "/") else { return nil }
        let (m0, m1, d0, d1) = (bytes[0] &- 48, bytes[1] &- 48, bytes[3] &- 48, bytes[4] &- 48)
        let (y0, y1, y2, y3) = (bytes[6] &- 48, bytes[7] &- 48, bytes[8] &- 48, bytes[9] &- 48)
        guard max(max(m0, m1, d0, d1), max(y0, y1, y2, y3)) < 10 else { return nil }
        self.init(
            year: Int(y0) * 1000 + Int(y1) * 100 + Int(y2) * 10 + Int(y3), month: Int(m0) * 10 + Int(m1),
            day: Int(d0) * 10 + Int(d1))
    }

    /// Parses exactly `mm/dd/yyyy`.
    public init?(_ text: String) {
        var text = text
        guard let date = text.withUTF8({ BIFDate(UnsafeRawBufferPointer($0)) }) else { return nil }
        self = date
    }

    static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `mm/dd/yyyy`.
    public var description: String { "\(Self.pad(month, 2))/\(Self.pad(day, 2))/\(Self.pad(year, 4))" }

    /// `yyyy-mm-dd`, as in a MIPS/APPS invoice number.
    public var iso: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }

    /// The day `days` (zero or more) after this one.
    public func adding(days: Int) -> BIFDate {
        precondition(days >= 0, "BIFDate.adding(days:) counts forward")
        var (y, m, d) = (year, month, day + days)
        while d > Self.days(in: m, of: y) {
            d -= Self.days(in: m, of: y)
            (m, y) = m == 12 ? (1, y + 1) : (m + 1, y)
        }
        return BIFDate(year: y, month: m, day: d)!
    }

    public static func < (a: BIFDate, b: BIFDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
