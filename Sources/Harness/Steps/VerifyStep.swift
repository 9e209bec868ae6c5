import Partners
import Support
import Wire
import Yams

/// `verify: {partner, method, path, header, body, count}`: asserts how many of the exchanges so
/// far with one partner match, as the admin API's `GET /__admin/requests` counts them
/// (`JournalQuery`): "posted exactly once" is `verify: {partner: imt, method: POST, path: /payments/, count: 1}`.
///
/// Another count fails the scenario whatever its golden files say; the step's result names the
/// count found and, on a failure, the requests that matched (method and path).
struct VerifyStep: StepKind, Hashable {
    static let key = "verify"
    static let schema = MappingSchema(
        "Asserts how many of the exchanges so far with one partner match a method, a path, headers and body members.",
        .required("partner", .choice(partners), "Whose exchanges: imt, imt2, ic, or postback (IC's postbacks)."),
        .optional("method", .text, "The HTTP method, any case."),
        .optional(
            "path", .text,
            "The request's path or its last segments: /payments/ matches /webpayments/3401/api/payments/; a * segment matches any one."
        ),
        .optional(
            "header", .dictionary(.text),
            "Headers by name, each value as sent (\"*\": present); a secret header (Cookie, Authorization) only with \"*\"."),
        .optional(
            "body", .dictionary(.text),
            "Body scalars by dotted path (data.attributes.bill_amount_paid, a form field, XML elements by local name), as journaled: secrets read <redacted>; numbers compare as decimals."
        ),
        .required("count", .integer, "How many exchanges must match, from 0."))

    static let partners = ["imt", "imt2", "ic", "postback"]

    var query: JournalQuery
    var count: Int

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let reader = loading.reader
        let fields = try reader.mapping(node, what: "a verify step", schema: Self.schema)
        let partnerNode = try reader.required("partner", in: fields, at: node)
        let partner = try reader.text(partnerNode, what: "partner")
        guard Self.partners.contains(partner) else {
            throw reader.error(
                "unknown partner '\(partner)'; expected one of: \(Self.partners.joined(separator: ", "))", at: partnerNode)
        }
        query = JournalQuery(partner: partner)
        query.method = try loading.optionalText(fields["method"], what: "method")
        query.path = try loading.optionalText(fields["path"], what: "path")
        let headers = try fields["header"].map { node throws(InputError) in try reader.pairs(node, what: "header") } ?? []
        for (key, value) in headers {
            let name = try reader.nonEmptyText(key, what: "a header name")
            query.headers.append(.init(name, try reader.text(value, what: "header \(name)")))
            if let problem = query.problem { throw reader.error(problem, at: key) }
        }
        let members = try fields["body"].map { node throws(InputError) in try reader.pairs(node, what: "body") } ?? []
        for (key, value) in members {
            let path = try reader.nonEmptyText(key, what: "a body path")
            query.body.append(
                .init(
                    path.split(separator: ".", omittingEmptySubsequences: false).map(String.init),
                    try reader.text(value, what: "body \(path)")))
            if let problem = query.problem { throw reader.error(problem, at: key) }
        }
        let countNode = try reader.required("count", in: fields, at: node)
        count = try reader.integer(countNode, what: "count")
        guard count >= 0 else { throw reader.error("count must be a whole number from 0", at: countNode) }
    }

    func run(in context: inout ScenarioContext) async -> Output {
        // Only the method and path of a few matches are named: enough to see what was sent.
        let (entries, found) = context.journal.matching(query, limit: 5)
        var output = Output(
            partner: query.partner ?? "", method: query.method, path: query.path,
            header: query.headers.isEmpty ? nil : .object(query.headers.map { .init($0.name, .string($0.value)) }),
            body: query.body.isEmpty
                ? nil : .object(query.body.map { .init($0.path.joined(separator: "."), .string($0.value)) }),
            count: found, expected: count)
        if found != count {
            output.status = "failed"
            let seen = entries.map { entry in
                "\(entry["request"]?["method"]?.stringValue ?? "") \(entry["request"]?["path"]?.stringValue ?? "")"
            }
            output.matched = seen.isEmpty ? nil : seen
            context.failures.append(
                "verify \(description): expected \(count) matching request(s), found \(found)"
                    + (seen.isEmpty ? "" : ": " + seen.joined(separator: ", ") + (found > seen.count ? ", ..." : "")))
        }
        return output
    }

    /// The query as one line: `imt POST /payments/ header.Accept=... body.data.type=payments`.
    var description: String {
        ([query.partner, query.method, query.path].compactMap { $0 } + query.headers.map { "header.\($0.name)=\($0.value)" }
            + query.body.map { "body.\($0.path.joined(separator: "."))=\($0.value)" }).joined(separator: " ")
    }

    /// What was asked, how many matched, and whether that is the count wanted.
    struct Output: Encodable, Sendable {
        var step = VerifyStep.key
        var partner: String
        var method: String?
        var path: String?
        var header: JSONValue?
        var body: JSONValue?
        var count: Int
        var expected: Int
        var status = "passed"
        /// The first matches (method and path), on a failure.
        var matched: [String]?
    }
}
