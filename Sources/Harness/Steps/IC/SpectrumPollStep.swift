import Flows
import Support
import Wire
import Yams

/// `spectrum-poll: {hours, operations, every, soap}`: IMT Spectrum's report polling on a
/// virtual clock from the scenario's clock, for `hours`; `operations` and `every` change one
/// report's operation or interval (`{payments: PaymentReportingDataSetFromGMT}`, `{payments: 1}`).
struct SpectrumPollStep: StepKind, Hashable {
    static let key = "spectrum-poll"
    static let schema = MappingSchema(
        "IMT Spectrum's report polling on a virtual clock from the scenario's clock, the seeds' schedule unless changed.",
        .required("hours", .boundedInteger(minimum: 1, maximum: 744), "How long to poll, in hours (1 to 744, a month)."),
        .optional(
            "operations",
            .mapping(
                MappingSchema(
                    "The operation of a report, by report.",
                    SpectrumPoller.standard.map { schedule in
                        let kind = schedule.operation.kind
                        return .optional(
                            kind.rawValue, .choice(kind.operations.map(\.rawValue)), "The operation polling \(kind.rawValue).")
                    })),
            "Changes one report's operation, e.g. {payments: PaymentReportingDataSetFromGMT}."),
        .optional(
            "every",
            .mapping(
                MappingSchema(
                    "The interval of a report, in hours, by report.",
                    SpectrumPoller.standard.map { schedule in
                        .optional(
                            schedule.operation.kind.rawValue, .integer,
                            "Hours between polls of \(schedule.operation.kind.rawValue) (1 to 168).")
                    })),
            "Changes one report's interval, e.g. {payments: 1}."),
        .optional("soap", .choice(of: SOAPVersion.self), "The SOAP version (default 1.1)."))
    var hours: Int
    var schedules: [SpectrumPoller.Schedule]
    var version: SOAPVersion

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let reader = loading.reader
        let f = try reader.mapping(node, what: "a spectrum-poll step", schema: Self.schema)
        let hoursNode = try reader.required("hours", in: f, at: node)
        hours = try reader.integer(hoursNode, what: "hours")
        guard (1...24 * 31).contains(hours) else { throw reader.error("hours must be 1 to 744 (a month)", at: hoursNode) }
        schedules = SpectrumPoller.standard
        let operations = try f["operations"].map { node throws(InputError) in try reader.pairs(node, what: "operations") }
        for (key, value) in operations ?? [] {
            let index = try Self.schedule(key, schedules, reader)
            let operation = try reader.choice(value, what: "report operation", of: ICReport.self)
            guard operation.kind == schedules[index].operation.kind else {
                let names = schedules[index].operation.kind.operations.map(\.rawValue).joined(separator: " or ")
                throw reader.error(
                    "\(operation.rawValue) does not report \(schedules[index].operation.kind.rawValue); use \(names)", at: value)
            }
            schedules[index].operation = operation
        }
        let intervals = try f["every"].map { node throws(InputError) in try reader.pairs(node, what: "every") }
        for (key, value) in intervals ?? [] {
            let index = try Self.schedule(key, schedules, reader)
            let hours = try reader.integer(value, what: "an interval in hours")
            guard (1...168).contains(hours) else { throw reader.error("an interval is 1 to 168 hours", at: value) }
            schedules[index].interval = Double(hours) * 3600
        }
        version = try loading.soapVersion(f["soap"])
    }

    /// The index of the schedule a key (`payments`, `settlement`, `ach-rejects`, …) names.
    static func schedule(_ key: Node, _ schedules: [SpectrumPoller.Schedule], _ reader: YAMLReader) throws(InputError) -> Int {
        let kind = try reader.choice(key, what: "report", of: ICReport.Kind.self)
        guard let index = schedules.firstIndex(where: { $0.operation.kind == kind }) else {
            throw reader.error("no schedule polls \(kind.rawValue)", at: key)
        }
        return index
    }

    var needs: StepNeeds { [.ic] }
    var flow: IntegrationFlow? { .paymentReporting }

    func run(in context: inout ScenarioContext) async -> StepOutcome<Output> {
        guard let service = context.icService(billerGUID: nil, key: nil) else {
            return .failed(StepFailure(Self.key, ScenarioContext.noBiller))
        }
        let reports = ICReportClient(
            caller: SOAPCaller(serviceURL: service.url, version: version, client: context.client), billerGUID: service.guid,
            webServiceKey: service.key)
        let run = await SpectrumPoller(schedules: schedules, client: reports).run(
            from: context.clock.date, for: Double(hours) * 3600)
        context.collected = run.records
        return .done(Output(hours: hours, soap: version.rawValue, schedules: schedules, run: run))
    }
}
