import Wire

extension IMTMock {
    /// Every refusal of the mock IMT and of the JSON:API readers it uses, each with its sources (`MockRefusal`).
    public static let refusals: [MockRefusal] = dispatch + sessions + data + documents

    private static func imt(
        _ file: String, _ status: Int, _ code: String, _ rule: String, _ sources: VerdictSource...
    ) -> MockRefusal {
        MockRefusal("imt", file, status, code, rule: rule, sources: sources)
    }

    static let notFound = VerdictSource.http(
        "15.5.5", "404 Not Found: the origin server did not find a current representation for the target resource")

    /// Before a route's handler: the path, the method, the Accept header, the query and the body's media type and syntax.
    static let dispatch = [
        imt("IMTMock.swift", 404, "not-found", "a path under neither API, or no route of the API", notFound),
        imt(
            "IMTMock.swift", 406, "not-acceptable", "an Accept whose JSON:API media types all carry other parameters",
            .specification(
                "JSON:API 1.1, Content Negotiation: servers MUST respond with a 406 Not Acceptable status code if a request's Accept header contains an instance of the JSON:API media type, and all instances of that media type are modified with a media type parameter other than ext or profile"
            )),
        imt(
            "IMTMock.swift", 405, "method-not-allowed", "a route's path with a method it does not have (with Allow)",
            .http("15.5.6", "405 Method Not Allowed; the origin server MUST generate an Allow header field")),
        imt(
            "IMTMock.swift", 400, "unknown-parameter",
            "a query parameter the route does not read (IMT's __ signing parameters aside)",
            .specification(
                "JSON:API 1.1, Query Parameters: if a server encounters a query parameter that does not follow the naming conventions, or the server does not know how to process it as a query parameter from this specification, it MUST return 400 Bad Request"
            )),
        imt(
            "IMTMock.swift", 415, "unsupported-media-type", "a body not sent as application/vnd.api+json",
            .specification(
                "JSON:API 1.1, Content Negotiation: clients MUST send all JSON:API data in request documents with the header Content-Type: application/vnd.api+json"
            ),
            .requirement("IMT-SESS-002")),
        imt(
            "IMTMock.swift", 400, "malformed-json", "a body that is not JSON",
            .http("15.5.1", "400 Bad Request: malformed request syntax"),
            .specification("RFC 8259 §2: a JSON text is a serialized value")),
        imt(
            "MockServer.swift", 413, "body-too-large", "a body over the mock's limit (1 MiB)",
            .http("15.5.14", "413 Content Too Large: the request content is larger than the server is willing to process")),
    ]

    /// `sessions/`: the login and the close, and the cookie every other call needs.
    static let sessions = [
        imt(
            "IMTMock+Sessions.swift", 401, "invalid-credentials", "an unknown username or a wrong password",
            .requirement("IMT-SESS-001")),
        imt(
            "IMTMock+Sessions.swift", 404, "session-not-found",
            "DELETE sessions/{username} with the cookie of another user's session", .requirement("IMT-SESS-004")),
        imt(
            "IMTMock+Sessions.swift", 401, "not-authenticated", "a data call or a close without a live session cookie",
            .requirement("IMT-SESS-006"), .requirement("IMT-SESS-001")),
    ]

    /// The data API's own: the payments-due filter, the policy of a URL, and the payment guards a state may turn on.
    static let data = [
        imt(
            "IMTMock+PaymentsDue.swift", 400, "filter-required", "GET payments-due/ without filter[policy_number]",
            .requirement("IMT-RTDR-001")),
        imt(
            "IMTMock+DataPump.swift", 404, "not-found", "PATCH settings/{policy}/ or GET bills/{policy}/ of no policy or bill",
            notFound),
        MockRefusal(
            "imt", "IMTMock+DataPump.swift", 422, "unknown-policy",
            rule: "a payment for a policy the mock does not hold: no seed sentence refuses it, so it is stored with a warning",
            sources: [], optIn: "imt.refuse: [unknown-policy]"),
        MockRefusal(
            "imt", "IMTMock+DataPump.swift", 409, "duplicate-transaction",
            rule:
                "a payment whose transaction_id was posted before: no seed sentence refuses it, so it is stored again with a warning",
            sources: [], optIn: "imt.refuse: [duplicate-transaction]"),
    ]

    /// The JSON:API request readers (`JSONAPIRequest`, used by sessions, payments and policy-settings).
    static let documents = [
        imt(
            "JSONAPIRequest.swift", 400, "invalid-document", "a body that is not a document with one resource object",
            .specification(
                "JSON:API 1.1, Creating Resources and Updating Resources: the request MUST include a single resource object as primary data, with a type member"
            ),
            .http("15.5.1", "400 Bad Request")),
        imt(
            "JSONAPIRequest.swift", 409, "type-mismatch", "a resource of another type than the endpoint's",
            .specification(
                "JSON:API 1.1, Creating Resources, 409 Conflict: a server MUST return 409 Conflict when processing a POST request in which the resource object's type is not among the type(s) that constitute the collection represented by the endpoint"
            ),
            .specification(
                "JSON:API 1.1, Updating Resources, 409 Conflict: a server MUST return 409 Conflict when processing a PATCH request in which the resource object's type or id do not match the server's endpoint"
            )),
        imt(
            "JSONAPIRequest.swift", 409, "id-mismatch",
            "a policy-settings resource whose id is not the URL's policy; a payment whose data.id is not its id attribute",
            .specification(
                "JSON:API 1.1, Updating Resources, 409 Conflict: a server MUST return 409 Conflict when processing a PATCH request in which the resource object's type or id do not match the server's endpoint"
            ),
            .requirement("IMT-DP-001")),
        imt(
            "JSONAPIRequest.swift", 422, "missing-attribute",
            "an attribute of the seed's mapping left out (sessions: username, password; payments: every mapped attribute)",
            .requirement("IMT-SESS-002"), .requirement("IMT-DP-007"), .requirement("IMT-DP-006")),
        imt(
            "JSONAPIRequest.swift", 422, "unknown-attribute", "an attribute the seed's mapping of the resource does not have",
            .requirement("IMT-DP-007"), .requirement("IMT-DP-009"), .requirement("IMT-DP-010")),
        imt(
            "JSONAPIRequest.swift", 422, "invalid-attribute",
            "a value the mapping does not allow: payment_method CC or ACH, bill_mode autopay or direct, paperless true or false, id and policy the URL's, sort empty, entity_identifier the id, bill_amount_paid at most total_paid, amounts decimal strings",
            .requirement("IMT-DP-007"), .requirement("IMT-DP-002"), .requirement("IMT-DP-010"), .requirement("IMT-DP-009"),
            .requirement("IMT-DP-006"),
            .specification(
                "RFC 8259 §6: numbers beyond IEEE 754 binary64 precision are not interoperable, so an amount is a decimal string")
        ),
    ]
}
