public import Foundation
import Synchronization
public import Wire

/// A mock's "now": what tokens expire on and payments are dated with.
///
/// A scenario's mock stands still at the scenario's clock and moves only when told (a step's `wait`),
/// so a run is the same every time. A stand-in's runs with the wall clock; an admin call may set it
/// to another time (running on from there, or stopped) or move it on.
public final class MockClock: Sendable {
    /// Where the clock stands: it read `base` at the wall time `since`; nil `since`: stopped at `base`.
    struct Reading: Sendable {
        var base: Date
        var since: Date?
    }

    private let reading: Mutex<Reading>
    /// The wall clock (a test gives its own).
    private let wall: @Sendable () -> Date

    init(_ reading: Reading, wall: @escaping @Sendable () -> Date) {
        self.reading = Mutex(reading)
        self.wall = wall
    }

    /// A clock stopped at `date`: it moves only by `advance(by:)` and `set(_:running:)`.
    public static func stopped(at date: Date, wall: @escaping @Sendable () -> Date = { Date() }) -> MockClock {
        MockClock(Reading(base: date, since: nil), wall: wall)
    }

    /// A clock running with the wall clock, from `date` (nil: the wall clock's time).
    public static func running(from date: Date? = nil, wall: @escaping @Sendable () -> Date = { Date() }) -> MockClock {
        let start = wall()
        return MockClock(Reading(base: date ?? start, since: start), wall: wall)
    }

    /// The time now on this clock.
    public var now: Date {
        let wallNow = wall()
        return reading.withLock { Self.time($0, wall: wallNow) }
    }

    /// Whether the clock moves with the wall clock.
    public var isRunning: Bool { reading.withLock { $0.since != nil } }

    /// Sets the clock to `date`; it runs on from there with the wall clock, or stands still.
    public func set(_ date: Date, running: Bool) {
        let wallNow = wall()
        reading.withLock { $0 = Reading(base: date, since: running ? wallNow : nil) }
    }

    /// Moves the clock on by `seconds` (whether it runs or not).
    public func advance(by seconds: Int) {
        reading.withLock { $0.base = $0.base.addingTimeInterval(Double(seconds)) }
    }

    /// `{"now": "<ISO 8601, UTC>", "running": true|false}`: what `GET /__admin/clock` answers.
    public var json: JSONValue {
        let wallNow = wall()
        let (time, running) = reading.withLock { (Self.time($0, wall: wallNow), $0.since != nil) }
        return .object(["now": .string(Self.text(time)), "running": .bool(running)])
    }

    private static func time(_ reading: Reading, wall: Date) -> Date {
        guard let since = reading.since else { return reading.base }
        return reading.base.addingTimeInterval(wall.timeIntervalSince(since))
    }

    /// A date as ISO 8601 in UTC, to the millisecond when it has a fraction of a second.
    public static func text(_ date: Date) -> String {
        let whole = date.timeIntervalSince1970.rounded(.down) == date.timeIntervalSince1970
        return whole
            ? date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
            : date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }

    /// An ISO 8601 date and time with its zone (`2024-11-18T17:05:28Z`, `…T11:05:28.250-06:00`); nil
    /// for anything else, a time without a zone included.
    public static func date(_ text: String) -> Date? {
        let plain = Date.ISO8601FormatStyle()
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return (try? plain.parse(text)) ?? (try? fractional.parse(text))
    }
}
