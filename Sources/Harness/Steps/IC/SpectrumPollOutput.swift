import Flows
import Foundation
import Wire

extension SpectrumPollStep {
    /// How many calls each operation had, how many failed, the records collected and every poll.
    struct Output: Encodable, Sendable {
        var step = SpectrumPollStep.key
        var hours: Int
        var soap: String
        /// The calls of each operation, in the schedules' order.
        var calls: JSONValue
        var failed: Int
        var collected: Collected
        var polls: [Poll]

        init(hours: Int, soap: String, schedules: [SpectrumPoller.Schedule], run: SpectrumPoller.Run) {
            self.hours = hours
            self.soap = soap
            calls = .object(
                schedules.map { schedule in
                    .init(schedule.operation.rawValue, .number(String(run.polls.count { $0.operation == schedule.operation })))
                })
            failed = run.polls.count { if case .failure = $0.outcome { true } else { false } }
            collected = Collected(run.records)
            polls = run.polls.map(Poll.init)
        }

        /// The keys of the records collected, by report.
        struct Collected: Encodable, Sendable {
            var payments: [String]
            var settled_batches: [String]
            var settled_payments: [String]
            var ach_rejects: [String]
            var autopay_changes: [String]
            var paperless_changes: [String]

            init(_ records: ICReportRecords) {
                payments = records.payments.map(\.paymentID)
                settled_batches = records.settledBatches.map(\.batchID)
                settled_payments = records.settledPayments.map(\.paymentID)
                ach_rejects = records.achRejects.map(\.paymentID)
                autopay_changes = records.autoPayChanges.map(\.key)
                paperless_changes = records.paperlessChanges.map(\.key)
            }
        }

        /// One call: when, which operation, its window, and what it listed or why it failed.
        struct Poll: Encodable, Sendable {
            var at: String
            var operation: String
            var from: String
            var to: String
            var status: String
            var listed: Int?
            var new: Int?
            var message: String?

            init(_ poll: SpectrumPoller.Poll) {
                at = XMLDateTime.text(poll.at)
                operation = poll.operation.rawValue
                from = XMLDateTime.text(poll.window.start)
                to = XMLDateTime.text(poll.window.end)
                switch poll.outcome {
                case .success(let counts): (status, listed, new) = ("ok", counts.listed, counts.new)
                case .failure(let failure): (status, message) = ("failed", failure.message)
                }
            }
        }
    }
}
