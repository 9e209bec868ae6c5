import Flows
import Wire
import Yams

/// Reads the steps that call the mock IC's reports as IMT does.
///
/// ```yaml
/// steps:
///   - ic-report: {operation: PaymentReportingSOAP, from: "2024-09-03T00:00:00Z", to: "2024-09-04T00:00:00Z", soap: "1.2"}
///   - spectrum-poll: {hours: 24}                       # the seeds' schedule from the scenario's clock
///   - spectrum-poll: {hours: 24, operations: {payments: PaymentReportingDataSetFromGMT}, every: {payments: 1}}
///   - reconcile: {}
/// ```
struct ICStepLoader {
    static let stepNames = ["ic-report", "spectrum-poll", "reconcile"]

    let reader: YAMLReader

    func step(_ name: String, _ node: Node) throws(InputError) -> Scenario.Step {
        switch name {
        case "ic-report":
            let f = try reader.mapping(
                node, what: "an ic-report step", allowed: ["operation", "from", "to", "soap", "biller", "key"],
                required: ["operation", "from", "to"])
            return .icReport(
                ICReportStep(
                    report: try reader.choice(f["operation"]!, what: "report operation", of: ICReport.self),
                    from: try reader.text(f["from"]!, what: "from"), to: try reader.text(f["to"]!, what: "to"),
                    version: try version(f["soap"]),
                    billerGUID: try f["biller"].map { node throws(InputError) in try reader.nonEmptyText(node, what: "biller") },
                    key: try f["key"].map { node throws(InputError) in try reader.nonEmptyText(node, what: "key") }))
        case "spectrum-poll":
            let f = try reader.mapping(
                node, what: "a spectrum-poll step", allowed: ["hours", "operations", "every", "soap"], required: ["hours"])
            let hours = try reader.integer(f["hours"]!, what: "hours")
            guard (1...24 * 31).contains(hours) else {
                throw reader.error("hours must be 1 to 744 (a month)", at: f["hours"]!)
            }
            var schedules = SpectrumPoller.standard
            let operations = try f["operations"].map { node throws(InputError) in try reader.pairs(node, what: "operations") }
            for (key, value) in operations ?? [] {
                let index = try schedule(key, schedules)
                let operation = try reader.choice(value, what: "report operation", of: ICReport.self)
                guard operation.kind == schedules[index].operation.kind else {
                    let names = schedules[index].operation.kind.operations.map(\.rawValue).joined(separator: " or ")
                    throw reader.error(
                        "\(operation.rawValue) does not report \(schedules[index].operation.kind.rawValue); use \(names)",
                        at: value)
                }
                schedules[index].operation = operation
            }
            let intervals = try f["every"].map { node throws(InputError) in try reader.pairs(node, what: "every") }
            for (key, value) in intervals ?? [] {
                let index = try schedule(key, schedules)
                let hours = try reader.integer(value, what: "an interval in hours")
                guard (1...168).contains(hours) else { throw reader.error("an interval is 1 to 168 hours", at: value) }
                schedules[index].interval = Double(hours) * 3600
            }
            return .spectrumPoll(SpectrumPollStep(hours: hours, schedules: schedules, version: try version(f["soap"])))
        default:
            _ = try reader.mapping(node, what: "a reconcile step", allowed: [])
            return .reconcile
        }
    }

    /// The index of the schedule a key (`payments`, `settlement`, `ach-rejects`, …) names.
    func schedule(_ key: Node, _ schedules: [SpectrumPoller.Schedule]) throws(InputError) -> Int {
        let kind = try reader.choice(key, what: "report", of: ICReport.Kind.self)
        return schedules.firstIndex { $0.operation.kind == kind }!
    }

    func version(_ node: Node?) throws(InputError) -> SOAPVersion {
        try node.map { node throws(InputError) in try reader.choice(node, what: "SOAP version", of: SOAPVersion.self) } ?? .v11
    }
}
