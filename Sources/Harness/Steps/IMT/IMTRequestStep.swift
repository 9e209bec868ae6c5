import Flows
import Support
import Transport
import Wire
import Yams

/// `imt-request: {method, path, body, content_type, session, service}`: one request of the
/// scenario's own to the mock IMT's data API, sent as written, to pin the mock's contract.
///
/// `path` is relative to the data API URL of the service's setting; `session` (default true)
/// sends it in a session opened with the service's credentials; `content_type` defaults to
/// the JSON:API media type; `service` defaults to `rtdr`.
struct IMTRequestStep: StepKind, Hashable {
    static let key = "imt-request"
    static let schema = MappingSchema(
        "A request of the scenario's own to the mock IMT's data API, sent as written, to pin the mock's contract.",
        .required("method", .text, "The HTTP method, in capitals, e.g. PATCH."),
        .required("path", .text, "The path relative to the service's data API URL, e.g. settings/20240903/."),
        .optional("body", .text, "The body, sent as written."),
        .optional("content_type", .text, "The Content-Type (default application/vnd.api+json)."),
        .optional("session", .boolean, "Send it in a session opened and closed around it (default true)."),
        .optional("service", .choice(of: IMTService.self), "Whose URL and credentials to use (default rtdr)."))
    var method: String
    var path: String
    var body: String?
    /// Nil: the JSON:API media type.
    var contentType: String?
    var inSession: Bool
    /// Whose URL and credentials to use.
    var service: IMTService

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let reader = loading.reader
        let fields = try reader.mapping(node, what: "an imt-request step", schema: Self.schema)
        let methodNode = try reader.required("method", in: fields, at: node)
        method = try reader.nonEmptyText(methodNode, what: "method")
        guard method.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw reader.error("method must be an HTTP method in capitals, e.g. PATCH", at: methodNode)
        }
        let pathNode = try reader.required("path", in: fields, at: node)
        path = try reader.text(pathNode, what: "path")
        guard !path.hasPrefix("/"), !path.contains("://") else {
            throw reader.error("path is relative to the data API URL, e.g. settings/20240903/", at: pathNode)
        }
        service =
            try fields["service"].map { node throws(InputError) in try reader.choice(node, what: "service", of: IMTService.self) }
            ?? .rtdr
        body = try fields["body"].map { node throws(InputError) in try reader.text(node, what: "body") }
        contentType = try fields["content_type"].map { node throws(InputError) in try reader.text(node, what: "content_type") }
        inSession = try fields["session"].map { node throws(InputError) in try reader.bool(node, what: "session") } ?? true
    }

    var needs: StepNeeds { [.imt] }

    func run(in context: inout ScenarioContext) async -> Output {
        let caller = context.caller
        let result: IMTCallResult<Answer>
        if inSession {
            result = await caller.call(service, account: "", invoiceTypeID: nil) { session in
                await send(caller.client, session.connection.apiURL, session.headers())
            }
        } else {
            let outcome: Result<Answer, IMTFailure>
            do {
                let connection = try IMTConnection(service, settings: caller.settings, client: caller.client)
                outcome = await send(caller.client, connection.apiURL, [HTTPHeader("Accept", JSONAPIMediaType.value)])
            } catch {
                outcome = .failure(IMTFailure(stage: .configuration, kind: .configuration, message: error.description))
            }
            result = IMTCallResult(service: service, account: "", environment: 0, outcome: outcome, closing: nil)
        }
        return Output(request: "\(method) \(path)", result)
    }

    /// Sends the request to the data API at `url` with `headers` (its Content-Type replaced).
    private func send(_ client: HTTPClient, _ url: String, _ headers: [HTTPHeader]) async -> Result<Answer, IMTFailure> {
        let request = ClientRequest(
            method: method, url: url + path,
            headers: headers.filter { $0.name.lowercased() != "content-type" }
                + [HTTPHeader("Content-Type", contentType ?? JSONAPIMediaType.value)],
            body: body.map { Array($0.utf8) })
        do {
            let response = try await client.send(request)
            return .success(
                Answer(status: response.status, contentType: response.headers.first(named: "Content-Type"), body: response.body))
        } catch {
            return .failure(IMTFailure(stage: .request, kind: .transport, message: error.description))
        }
    }

    /// An answer to the request: any status counts, the body is shown as received.
    struct Answer: Sendable, Hashable {
        var status: Int
        var contentType: String?
        var body: [UInt8]
    }

    /// `answered` with the status, Content-Type and body (JSON when it parses), or the failure; and the session.
    struct Output: Encodable, Sendable {
        var step = IMTRequestStep.key
        var request: String
        var status: String
        var httpStatus: Int?
        var contentType: JSONValue?
        var body: JSONValue?
        var failure: IMTFailure?
        var session: SessionOutput

        init(request: String, _ result: IMTCallResult<Answer>) {
            self.request = request
            session = SessionOutput(result.closing)
            switch result.outcome {
            case .success(let answer):
                status = "answered"
                httpStatus = answer.status
                contentType = answer.contentType.map(JSONValue.string) ?? .null
                body =
                    (try? JSONParser.parse(answer.body))
                    ?? (answer.body.isEmpty ? .null : .string(String(decoding: answer.body, as: UTF8.self)))
            case .failure(let failure):
                status = "failed"
                self.failure = failure
            }
        }
    }
}
