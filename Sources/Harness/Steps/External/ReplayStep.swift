import Foundation
import Partners
import Support
import Transport
import Wire
import Yams

/// `replay: {partner, requests}`: sends captured requests (`bifrost import har`) to the scenario's
/// mock, in order, as they were written: a client that is not here to run, replayed.
///
/// Each request's `target` (path and query) goes to the mock's origin with its headers and body as
/// written, but for `Cookie`: the replay keeps the mock's own cookies (a session the mock opened), as
/// a browser would, since the captured ones named the real partner's sessions. The result lists each
/// request with the status the mock answered.
struct ReplayStep: StepKind, Hashable {
    static let key = "replay"
    static let requestSchema = MappingSchema(
        "One captured request.",
        .required("method", .text, "The HTTP method, e.g. POST."),
        .required(
            "target", .text, "The path and query on the mock, e.g. /webpayments/3401/api/payments-due/?filter[policy_number]=1."),
        .optional("headers", .dictionary(.text), "Its headers, by name (Cookie is replaced by the replay's own)."),
        .optional("body", .text, "Its body, as text."))
    static let schema = MappingSchema(
        "Sends captured requests (bifrost import har) to the scenario's mock, in order, as written.",
        .required("partner", .choice(of: Partner.self), "The mock to send them to: imt or ic."),
        .required("requests", .list(.mapping(requestSchema)), "The requests, in order."))

    /// The mock a replay talks to.
    enum Partner: String, CaseIterable, Hashable, Sendable {
        case imt, ic
    }

    /// One request to send.
    struct Request: Hashable, Sendable {
        var method: String
        var target: String
        var headers: [HTTPHeader]
        var body: String?
    }

    var partner: Partner
    var requests: [Request]

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let reader = loading.reader
        let fields = try reader.mapping(node, what: "a replay step", schema: Self.schema)
        partner = try reader.choice(try reader.required("partner", in: fields, at: node), what: "partner", of: Partner.self)
        requests = try reader.sequence(try reader.required("requests", in: fields, at: node), what: "requests").map {
            element throws(InputError) in
            let members = try reader.mapping(element, what: "a replayed request", schema: Self.requestSchema)
            let method = try reader.nonEmptyText(try reader.required("method", in: members, at: element), what: "method")
            let targetNode = try reader.required("target", in: members, at: element)
            let target = try reader.nonEmptyText(targetNode, what: "target")
            guard target.hasPrefix("/") else {
                throw reader.error("target is a path from the mock's origin, starting with /", at: targetNode)
            }
            let headers = try members["headers"].map { node throws(InputError) in
                try reader.pairs(node, what: "headers").map { pair throws(InputError) in
                    HTTPHeader(
                        try reader.nonEmptyText(pair.key, what: "a header name"),
                        try reader.text(pair.value, what: "a header value"))
                }
            }
            return Request(
                method: method, target: target, headers: headers ?? [],
                body: try members["body"].map { node throws(InputError) in try reader.text(node, what: "body") })
        }
    }

    var needs: StepNeeds { partner == .imt ? [.imt] : [.ic] }

    func run(in context: inout ScenarioContext) async -> Output {
        var output = Output(partner: partner.rawValue)
        guard let origin = partner == .imt ? context.imt?.origin : context.ic?.origin else {
            output.status = "failed"
            output.message = "the scenario has no \(partner.rawValue): block for the mock to replay against"
            return output
        }
        let jar = CookieJar()
        for request in requests {
            var headers = request.headers.filter { $0.name.lowercased() != "cookie" }
            if let cookie = jar.header { headers.append(cookie) }
            let sent = ClientRequest(
                method: request.method, url: origin + request.target, headers: headers, body: request.body.map { Array($0.utf8) })
            var entry = Output.Exchange(method: request.method, target: request.target)
            do {
                let response = try await context.client.send(sent)
                jar.store(from: response.headers)
                entry.status = response.status
            } catch {
                entry.error = error.description
                output.status = "failed"
            }
            output.exchanges.append(entry)
        }
        return output
    }

    /// Each request sent and the status it got.
    struct Output: Encodable, Sendable {
        var step = ReplayStep.key
        var partner: String
        var status = "succeeded"
        var message: String?
        var exchanges: [Exchange] = []

        struct Exchange: Encodable, Sendable {
            var method: String
            var target: String
            var status: Int?
            var error: String?
        }
    }
}
