import Flows
import Support
import Transport
import Wire
import Yams

/// `ic-report: {operation, from, to, soap, biller, key}`: one report operation of the mock IC,
/// called as IMT does, for a window given as the request carries it (`xs:dateTime` texts,
/// sent as written).
struct ICReportStep: StepKind, Hashable {
    static let key = "ic-report"
    static let schema = MappingSchema(
        "One report operation of the mock IC, called as IMT does, for a window sent as written.",
        .required("operation", .choice(of: ICReport.self), "The report operation."),
        .required("from", .text, "The window's start, an xs:dateTime sent as written (a zone may be left out)."),
        .required("to", .text, "The window's end, an xs:dateTime sent as written."),
        .optional("soap", .choice(of: SOAPVersion.self), "The SOAP version (default 1.1)."),
        .optional("biller", .text, "The BillerGUID (default the ic: block's first biller's)."),
        .optional("key", .text, "The web service key (default the ic: block's first biller's)."))
    var report: ICReport
    var from: String
    var to: String
    var version: SOAPVersion
    var billerGUID: String?
    var webServiceKey: String?

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let reader = loading.reader
        let f = try reader.mapping(node, what: "an ic-report step", schema: Self.schema)
        report = try reader.choice(reader.required("operation", in: f, at: node), what: "report operation", of: ICReport.self)
        from = try reader.text(reader.required("from", in: f, at: node), what: "from")
        to = try reader.text(reader.required("to", in: f, at: node), what: "to")
        version = try loading.soapVersion(f["soap"])
        billerGUID = try loading.optionalText(f["biller"], what: "biller")
        webServiceKey = try loading.optionalText(f["key"], what: "key")
    }

    var needs: StepNeeds { [.ic] }
    var flow: IntegrationFlow? { IntegrationFlow(reportKind: report.kind) }
    var secrets: [String] { webServiceKey.map { [$0] } ?? [] }

    func run(in context: inout ScenarioContext) async -> StepOutcome<Output> {
        guard let service = context.icService(billerGUID: billerGUID, key: webServiceKey) else {
            return .failed(StepFailure(Self.key, ScenarioContext.noBiller))
        }
        return .done(
            await Self.call(
                report, from: from, to: to, version: version, url: service.url, guid: service.guid, key: service.key,
                client: context.client))
    }

    /// One call of `report` for the window `from`-`to` (sent as written) to the service at `url`.
    static func call(
        _ report: ICReport, from: String, to: String, version: SOAPVersion, url: String, guid: String, key: String,
        client: HTTPClient
    ) async -> Output {
        let request = ICReportRequest(report: report, billerGUID: guid, webServiceKey: key, startDate: from, endDate: to)
        let caller = SOAPCaller(serviceURL: url, version: version, client: client)
        var output = Output(operation: report.rawValue, soap: version.rawValue, from: from, to: to)
        switch await caller.call(request.envelope(version), action: report.action) {
        case .failure(let failure):
            (output.status, output.message) = ("failed", failure.message)
        case .success(let response):
            do {
                let answer = try ICReportAnswer(report: report, response: response.document, version: version)
                output.status = answer.success ? "answered" : "refused"
                if !answer.success { output.message = answer.errorMessage }
                output.tables = .object(answer.tables.map { .init($0.listName, $0.json) })
                output.answer = answer
            } catch {
                (output.status, output.message) = ("failed", error.reason)
            }
        }
        return output
    }

    /// The request's window, IC's answer (`answered`, `refused` or `failed`) and its tables of records.
    struct Output: Encodable, Sendable {
        var operation: String
        var soap: String
        var from: String
        var to: String
        var status = "failed"
        var message: String?
        /// Each table of the answer by its list name, rows as objects of column and value.
        var tables = JSONValue.object([])
        /// The answer read, when there was one (not written: `tables` shows it).
        var answer: ICReportAnswer?

        enum CodingKeys: String, CodingKey { case step, operation, soap, from, to, status, message }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(ICReportStep.key, forKey: .step)
            try container.encode(operation, forKey: .operation)
            try container.encode(soap, forKey: .soap)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
            try container.encode(status, forKey: .status)
            try container.encodeIfPresent(message, forKey: .message)
            try tables.encodeMembers(to: encoder)
        }
    }
}

extension ICReportTable {
    /// The rows as objects of column name and value.
    var json: JSONValue {
        .array(
            rows.map { row in
                .object(zip(columns, row).compactMap { column, value in value.map { .init(column.name, .string($0)) } })
            })
    }
}
