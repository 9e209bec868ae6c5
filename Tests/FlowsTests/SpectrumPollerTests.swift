import Flows
import Foundation
import Synchronization
import Testing
import Wire

/// The poller's schedule, windows and retries, and reconciliation, without a network.
@Suite struct SpectrumPollerTests {
    static let start = XMLDateTime.date("2024-09-03T00:00:00Z", zoneIfNone: TimeZone(identifier: "UTC")!)!

    static func payment(_ id: String, at hours: Double, amount: String = "10.00", channel: String = "Portal") -> ReportedPayment {
        ReportedPayment(
            paymentID: id, accountNumber: "A-\(id)", invoiceNumber: "I-\(id)", amount: Money(parsing: amount)!,
            method: .ach, paymentDate: start.addingTimeInterval(hours * 3600), channel: channel)
    }

    /// Counts the calls a fake fetch gets.
    final class CallCount: Sendable {
        let count = Mutex(0)
    }

    /// A fetch that answers `payments` in the window, failing the calls whose index is in `failing`.
    static func fetch(
        _ payments: [ReportedPayment], failing: Set<Int> = [], calls: CallCount = CallCount()
    ) -> @Sendable (ICReport, DateInterval) async -> Result<ICReportAnswer, SOAPCallFailure> {
        { report, window in
            let index = calls.count.withLock { count in
                count += 1
                return count - 1
            }
            if failing.contains(index) { return .failure(SOAPCallFailure(message: "down")) }
            let listed =
                report.kind == .payments
                ? payments.filter { window.contains($0.paymentDate) && $0.paymentDate != window.end } : []
            let tables = report.kind.recordTypes.enumerated().map { i, type in
                i == 0 && report.kind == .payments ? ICReportTable(listed) : ICReportTable(of: type)
            }
            return .success(ICReportAnswer(report: report, tables: tables))
        }
    }

    @Test func aDayMakesTheSeedsCallsOverContiguousWindows() async {
        let run = await SpectrumPoller(fetch: Self.fetch([])).run(from: Self.start, for: 24 * 3600)
        let counts = Dictionary(grouping: run.polls, by: { (poll: SpectrumPoller.Poll) in poll.operation }).mapValues(\.count)
        #expect(counts[.paymentReportingSOAP] == 12)
        #expect(counts[.billerSettledBatchDetailSOAP] == 6)
        #expect(counts[.achRejectReportingSOAP] == 8)
        #expect(counts[.billerAutoPayCustomerReportSOAP] == 8)
        #expect(counts[.billerPaperlessCustomerReportDataSet] == 8)
        for operation in counts.keys {
            let windows = run.polls.filter { $0.operation == operation }.map(\.window)
            #expect(windows.first?.start == Self.start)
            #expect(windows.last?.end == Self.start.addingTimeInterval(24 * 3600))
            for (a, b) in zip(windows, windows.dropFirst()) { #expect(a.end == b.start) }
        }
        #expect(run.polls.map(\.at) == run.polls.map(\.at).sorted())
    }

    @Test func aFailedPollIsCoveredByTheNextWindowAndNothingIsLost() async {
        let payments = [Self.payment("P1", at: 0.5), Self.payment("P2", at: 2.0), Self.payment("P3", at: 3.5)]
        // Call 0 is the first payment poll (at 02:00): it fails.
        let poller = SpectrumPoller(
            schedules: [.init(.paymentReportingSOAP, every: 2)], fetch: Self.fetch(payments, failing: [0]))
        let run = await poller.run(from: Self.start, for: 6 * 3600)
        #expect(run.polls.count == 3)
        #expect(run.polls[1].window == DateInterval(start: Self.start, end: Self.start.addingTimeInterval(4 * 3600)))
        #expect(run.records.payments.map(\.paymentID) == ["P1", "P2", "P3"])
    }

    @Test func reconciliationNamesEachDiscrepancyOnce() {
        var records = ICReportRecords()
        records.payments = [
            Self.payment("OK", at: 1), Self.payment("MISSING", at: 1), Self.payment("TWICE", at: 1),
            Self.payment("DIFF", at: 1, amount: "12.00"), Self.payment("STORE", at: 1, channel: "CloudStore"),
        ]
        records.settledPayments = [
            SettledPayment(
                batchID: "B1", settlementDate: Self.start, paymentID: "SETTLED", accountNumber: "A", invoiceNumber: "I",
                amount: Money(parsing: "5.00")!, method: .ach),
            SettledPayment(
                batchID: "B1", settlementDate: Self.start, paymentID: "STORE", accountNumber: "A", invoiceNumber: "I",
                amount: Money(parsing: "10.00")!, method: .ach, channel: "CloudStore"),
        ]
        records.achRejects = [
            ACHReject(
                paymentID: "OK", accountNumber: "A-OK", invoiceNumber: "I-OK", amount: Money(parsing: "10.00")!,
                returnCode: "R01", returnReason: "Insufficient funds", rejectDate: Self.start)
        ]
        func post(_ id: String, _ amount: String = "10.00") -> PaymentPost {
            PaymentPost(
                account: "A-\(id)", method: .ach, billAmountPaid: Money(parsing: amount)!, totalPaid: Money(parsing: amount)!,
                approvalCode: "", transactionID: "2984&\(id)", firstName: "", lastName: "", address1: "", address2: "",
                city: "", state: "", zipCode: "", phone: "", email: "")
        }
        let result = Reconciliation(records: records, posted: [post("OK"), post("TWICE"), post("TWICE"), post("DIFF", "10.00")])
        #expect(result.matched == ["OK"])
        #expect(
            result.findings.map { "\($0.kind.rawValue) \($0.paymentID)" } == [
                "missing MISSING", "duplicated TWICE", "amount-mismatch DIFF", "settled-not-posted SETTLED",
                "rejected-after-posting OK",
            ])
    }
}
