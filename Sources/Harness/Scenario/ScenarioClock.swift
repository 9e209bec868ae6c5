public import Foundation
public import Wire

/// The fixed time of a scenario's run: the text as written, the instant, and the calendar day in its own zone.
public struct ScenarioClock: Sendable, Hashable {
    /// As written, e.g. `2024-11-18T11:05:28-06:00`.
    public let text: String
    public let date: Date
    /// The day of the clock as written (the clock's own zone): the import file's date.
    public let day: BIFDate

    /// An ISO 8601 date and time with its zone (`Z` or `±hh:mm`), fractions of a second allowed; nil otherwise.
    public init?(_ text: String) {
        guard DateTimeText.isISO8601(text) else { return nil }
        // The format style, not ISO8601DateFormatter: a formatter costs milliseconds to make, once per scenario.
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: text.contains("."))
        let digits = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard let date = try? Date(text, strategy: style), digits.count == 3,
            let day = BIFDate(year: digits[0], month: digits[1], day: digits[2])
        else { return nil }
        self.text = text
        self.date = date
        self.day = day
    }
}
