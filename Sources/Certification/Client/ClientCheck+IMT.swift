import Partners
import Wire

/// The checks of a partner's IC-side client, judged from what it sends the mock IMT (`serve imt --certify`).
extension ClientCheck {
    static let sessionBody = definition(
        "IMT-SESS-002", "POST sessions/ sends a JSON:API sessions document with the username and password",
        source: .requirement("IMT-SESS-002"))
    static let sessionCredentials = definition(
        "IMT-SESS-001", "the credentials of each session request are accepted (no 401 for a wrong user or password)",
        source: .requirement("IMT-SESS-001"))
    static let sessionsClosed = definition(
        "IMT-SESS-005", "every session opened is closed with DELETE sessions/{username} before the stop",
        source: .requirement("IMT-SESS-005"))
    static let mediaTypes = definition(
        "IMT-RTDR-009", "every request accepts JSON:API (no 406) and every body is sent as application/vnd.api+json (no 415)",
        source: .specification(
            "JSON:API 1.1, Content Negotiation: clients MUST send all JSON:API data in request documents with the header Content-Type: application/vnd.api+json"
        ))
    static let paymentFilter = definition(
        "IMT-RTDR-001", "GET payments-due/ names one policy with filter[policy_number] and no other parameter",
        source: .requirement("IMT-RTDR-001"))
    static let paymentBody = definition(
        "IMT-DP-001",
        "POST payments/ sends a complete payments document: every attribute, amounts as decimal strings, as IMT reads it",
        source: .requirement("IMT-DP-001"))
    static let settingsBody = definition(
        "IMT-DP-009",
        "PATCH settings/{policy}/ sends a policy-settings document for that policy: paperless a boolean or bill_mode autopay or direct, nothing unknown",
        source: .requirement("IMT-DP-009"))
    static let uniqueTransactions = recommended(
        "IMT-DP-012", "no payment is posted again with a transaction_id already posted (no 409)")

    /// Every definition of `serve imt --certify`, in report order.
    static let imtDefinitions = [
        sessionBody, sessionCredentials, sessionsClosed, mediaTypes, paymentFilter, paymentBody, uniqueTransactions,
        settingsBody,
    ]

    /// The ids of `serve imt --certify`'s checks, in report order.
    public static var imtCheckIDs: [String] { imtDefinitions.map(\.id) }

    /// The checks of a client of the mock IMT whose APIs are at `authPath` and `apiPath`.
    static func imt(authPath: String, apiPath: String) -> [ClientCheck] {
        let call: @Sendable (MockRequest) -> String? = { imtCall($0, authPath: authPath, apiPath: apiPath) }
        let ledger = SessionLedger()
        return [
            ClientCheck(sessionBody, notSent: "the client sent no POST sessions/") { exchange in
                let request = exchange.request
                guard call(request) == "POST sessions/" else { return .notApplicable }
                if let problem = jsonAPIBodyProblem(request) { return .violates(problem) }
                // data.id is not judged: seed 000's own body has "id": "string", not the username.
                do {
                    _ = try SessionRequest(document: try JSONParser.parse(request.body))
                    return .conforms
                } catch let error as JSONAPIError {
                    return .violates(error.detail ?? error.title)
                } catch {
                    return .violates("the body is not JSON: \(error)")
                }
            },
            ClientCheck(sessionCredentials, notSent: "the client sent no session request the mock could read") { exchange in
                let (request, response) = (exchange.request, exchange.response)
                guard call(request) == "POST sessions/", response.status != 400, response.status != 415 else {
                    return .notApplicable
                }
                return errorCode(response) == "invalid-credentials"
                    ? .violates("the mock refused the credentials: unknown username or wrong password") : .conforms
            },
            ClientCheck(
                sessionsClosed, unit: "session", notSent: "the client opened no session",
                conclude: { tally in
                    for session in ledger.left {
                        tally.addViolation(
                            "session \(session.order) was still open at the stop", label: "session \(session.order)",
                            session.request, session.response)
                    }
                }
            ) { exchange in
                let (request, response) = (exchange.request, exchange.response)
                switch call(request) {
                case "POST sessions/":
                    guard (200..<300).contains(response.status),
                        let token = response.headers.first(where: { $0.name.lowercased() == "set-cookie" })
                            .flatMap({ ClientCertification.setCookieValue($0.value) })
                    else { return .notApplicable }
                    ledger.opened(token, request, response)
                    return .conforms
                case "DELETE sessions/":
                    if (200..<300).contains(response.status), let token = sessionCookie(request) { ledger.closed(token) }
                    return .notApplicable
                default: return .notApplicable
                }
            },
            ClientCheck(mediaTypes, notSent: "the client sent no request to the mock IMT's APIs") { exchange in
                let request = exchange.request
                guard call(request) != nil else { return .notApplicable }
                guard JSONAPIMediaType.isAcceptable(accept: request.header("Accept")) else {
                    return .violates(
                        "Accept \(request.header("Accept") ?? "") offers JSON:API only with parameters it does not allow")
                }
                if !request.body.isEmpty || request.method == "POST" || request.method == "PATCH",
                    let problem = jsonAPIBodyProblem(request)
                {
                    return .violates(problem)
                }
                return .conforms
            },
            ClientCheck(paymentFilter, notSent: "the client sent no GET payments-due/") { exchange in
                let request = exchange.request
                guard call(request) == "GET payments-due/" else { return .notApplicable }
                let filters = request.query.filter { $0.name == "filter[policy_number]" }
                let others = request.query.filter { $0.name != "filter[policy_number]" && !$0.name.hasPrefix("__") }
                guard filters.count == 1, !filters[0].value.isEmpty else {
                    return .violates(
                        filters.isEmpty ? "no filter[policy_number]" : "filter[policy_number] empty or repeated")
                }
                guard others.isEmpty else { return .violates("other parameters: \(others.map(\.name).joined(separator: ", "))") }
                return .conforms
            },
            ClientCheck(paymentBody, notSent: "the client posted no payment") { exchange in
                let request = exchange.request
                guard call(request) == "POST payments/" else { return .notApplicable }
                do {
                    _ = try PaymentPost(document: try JSONParser.parse(request.body))
                    return .conforms
                } catch let error as JSONAPIError {
                    return .violates(error.detail ?? error.title)
                } catch {
                    return .violates("the body is not JSON: \(error)")
                }
            },
            ClientCheck(uniqueTransactions, notSent: "the client posted no payment the mock could read") { exchange in
                let (request, response) = (exchange.request, exchange.response)
                guard call(request) == "POST payments/", (200..<300).contains(response.status) || response.status == 409 else {
                    return .notApplicable
                }
                let warned = response.warnings.contains { $0.hasPrefix("duplicate-transaction:") }
                guard warned || errorCode(response) == "duplicate-transaction" else { return .conforms }
                let id = (try? JSONParser.parse(request.body))?["data"]?["attributes"]?["transaction_id"]?.stringValue ?? ""
                return .violates(
                    "transaction_id \(id) was posted before; the mock "
                        + (warned ? "stored it again with a warning" : "answered 409"))
            },
            ClientCheck(settingsBody, notSent: "the client sent no PATCH settings/") { exchange in
                let request = exchange.request
                guard call(request) == "PATCH settings/" else { return .notApplicable }
                let account = request.path.dropFirst(apiPath.count + "/settings/".count).prefix { $0 != "/" }
                do {
                    _ = try PolicySettings(account: String(account)).patched(by: try JSONParser.parse(request.body))
                    return .conforms
                } catch let error as JSONAPIError {
                    return .violates(error.detail ?? error.title)
                } catch {
                    return .violates("the body is not JSON: \(error)")
                }
            },
        ]
    }

    /// `POST sessions/`, `GET payments-due/`, …: which of the mock IMT's calls a request is; nil outside its APIs.
    static func imtCall(_ request: MockRequest, authPath: String, apiPath: String) -> String? {
        for (base, calls) in [(authPath, ["sessions/"]), (apiPath, ["payments-due/", "payments/", "settings/", "bills/"])] {
            guard request.path.hasPrefix(base + "/") else { continue }
            let relative = request.path.dropFirst(base.count + 1)
            if let name = calls.first(where: { relative.hasPrefix($0) }) { return "\(request.method) \(name)" }
            return "\(request.method) \(relative)"
        }
        return nil
    }

    /// Why a request's body is not JSON:API by its `Content-Type`; nil when it is.
    static func jsonAPIBodyProblem(_ request: MockRequest) -> String? {
        let type = request.header("Content-Type")
        guard JSONAPIMediaType.isAcceptableContentType(type) else {
            return "Content-Type must be \(JSONAPIMediaType.value), got \(type ?? "none")"
        }
        return nil
    }

    /// The `code` of the first error of a JSON:API error document.
    static func errorCode(_ response: MockResponse) -> String? {
        guard response.status >= 400, let document = try? JSONParser.parse(response.body) else { return nil }
        return document["errors"]?.arrayValue?.first?["code"]?.stringValue
    }

    /// The session cookie's value in a request's `Cookie` header.
    static func sessionCookie(_ request: MockRequest) -> String? {
        guard let cookies = request.header("Cookie") else { return nil }
        for pair in cookies.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingSpaces == IMTMock.sessionCookie { return String(parts[1].trimmingSpaces) }
        }
        return nil
    }
}
