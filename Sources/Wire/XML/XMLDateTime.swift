public import Foundation

/// `xs:dateTime` values as the SOAP messages carry them.
///
/// Written in UTC with `Z` and whole seconds (`2024-09-03T14:05:00Z`). Read with
/// an optional fraction and an optional zone (`Z`, `±hh:mm`); a value without a
/// zone is taken in the zone the caller names.
public enum XMLDateTime {
    /// `date` in UTC, e.g. `2024-09-03T14:05:00Z`.
    public static func text(_ date: Date) -> String {
        let c = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : String($0) } ?? "00" }
        let year = String(c.year ?? 0)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year
            + "-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second))Z"
    }

    /// The instant `text` names, or nil when it is not an `xs:dateTime`.
    public static func date(_ text: String, zoneIfNone: TimeZone) -> Date? {
        let pattern = #/(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?/#
        guard let match = text.wholeMatch(of: pattern) else { return nil }
        let (_, year, month, day, hour, minute, second, fractionText, designator) = match.output
        var zone = zoneIfNone
        if let designator {
            if designator == "Z" {
                zone = TimeZone(identifier: "UTC")!
            } else {
                let sign = designator.hasPrefix("-") ? -1 : 1
                let parts = designator.dropFirst().split(separator: ":").compactMap { Int($0) }
                guard parts.count == 2, parts[0] < 24, parts[1] < 60,
                    let fixed = TimeZone(secondsFromGMT: sign * (parts[0] * 3600 + parts[1] * 60))
                else { return nil }
                zone = fixed
            }
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(
            year: Int(year), month: Int(month), day: Int(day), hour: Int(hour), minute: Int(minute), second: Int(second))
        guard let month = components.month, (1...12).contains(month), let day = components.day, (1...31).contains(day),
            let hour = components.hour, hour < 24, let minute = components.minute, minute < 60,
            let second = components.second, second < 60, let date = calendar.date(from: components),
            calendar.component(.day, from: date) == day
        else { return nil }
        let fraction = fractionText.flatMap { Double("0" + $0) } ?? 0
        return date.addingTimeInterval(fraction)
    }

    static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
