public import Foundation
public import Wire

/// IMT Spectrum's polling of IC's reports (seeds 002 and 004), on a virtual clock.
///
/// Each schedule polls one operation at a fixed interval from `start`: payment
/// reporting every 2 hours, settlement every 4, ACH rejects, autopay and paperless
/// changes every 3. A poll asks for the window from the end of the last
/// successful poll of its schedule up to now, so windows are contiguous and no
/// instant is asked twice; a failed poll leaves the window open and the next poll
/// asks for it again, longer. The clock is virtual: a day or a week of schedule
/// runs as fast as the service answers.
public struct SpectrumPoller: Sendable {
    /// One report polled at a fixed interval.
    public struct Schedule: Sendable, Hashable {
        public var operation: ICReport
        public var interval: TimeInterval

        public init(_ operation: ICReport, every hours: Double) {
            self.operation = operation
            self.interval = hours * 3600
        }
    }

    /// The seeds' schedule, with the `…SOAP` operation of each report where there is one.
    public static let standard: [Schedule] = [
        Schedule(.paymentReportingSOAP, every: 2), Schedule(.billerSettledBatchDetailSOAP, every: 4),
        Schedule(.achRejectReportingSOAP, every: 3), Schedule(.billerAutoPayCustomerReportSOAP, every: 3),
        Schedule(.billerPaperlessCustomerReportDataSet, every: 3),
    ]

    /// One poll: when, which window, and what came of it.
    public struct Poll: Sendable, Hashable {
        public var operation: ICReport
        public var at: Date
        public var window: DateInterval
        /// The records the answer listed and how many of them were new; or why it failed.
        public var outcome: Result<Counts, SOAPCallFailure>

        public struct Counts: Sendable, Hashable {
            public var listed: Int
            public var new: Int
        }
    }

    /// What a run did and collected.
    public struct Run: Sendable, Hashable {
        public var polls: [Poll] = []
        public var records = ICReportRecords()
    }

    public var schedules: [Schedule]
    public var fetch: @Sendable (ICReport, DateInterval) async -> Result<ICReportAnswer, SOAPCallFailure>

    public init(
        schedules: [Schedule] = standard,
        fetch: @escaping @Sendable (ICReport, DateInterval) async -> Result<ICReportAnswer, SOAPCallFailure>
    ) {
        self.schedules = schedules
        self.fetch = fetch
    }

    /// Polls with `client`.
    public init(schedules: [Schedule] = standard, client: ICReportClient) {
        self.init(schedules: schedules) { report, window in await client.fetch(report, window: window) }
    }

    /// Runs the schedules from `start` for `duration`; polls falling at the same
    /// instant run in schedule order, and a poll at the very end is made.
    public func run(from start: Date, for duration: TimeInterval) async -> Run {
        var ticks: [(at: Date, schedule: Int)] = []
        for (index, schedule) in schedules.enumerated() where schedule.interval > 0 {
            var offset = schedule.interval
            while offset <= duration {
                ticks.append((start.addingTimeInterval(offset), index))
                offset += schedule.interval
            }
        }
        ticks.sort { ($0.at, $0.schedule) < ($1.at, $1.schedule) }
        var run = Run()
        var watermarks = Array(repeating: start, count: schedules.count)
        for tick in ticks {
            let operation = schedules[tick.schedule].operation
            let window = DateInterval(start: watermarks[tick.schedule], end: tick.at)
            var poll = Poll(operation: operation, at: tick.at, window: window, outcome: .success(.init(listed: 0, new: 0)))
            switch await fetch(operation, window) {
            case .failure(let failure):
                poll.outcome = .failure(failure)
            case .success(let answer):
                do {
                    let new = try run.records.add(answer)
                    poll.outcome = .success(.init(listed: answer.tables.reduce(0) { $0 + $1.rows.count }, new: new))
                    watermarks[tick.schedule] = tick.at
                } catch {
                    poll.outcome = .failure(SOAPCallFailure(message: "\(operation.rawValue): \(error)"))
                }
            }
            run.polls.append(poll)
        }
        return run
    }
}
