import Flows
import Foundation
import Support
import Transport
import Wire

/// Makes the exchanges of an IMT certification, once each, in IC's order: a refused login, the
/// session, RTDR (the account, an unknown one, the blocking cases), the bill, the writes when
/// allowed, the close, and the closed cookie tried again; then each further environment.
///
/// Every request is sent once (`HTTPClient` never retries). A session that opened is closed,
/// whatever happened in between.
struct IMTProber: Sendable {
    var certification: IMTCertification

    var options: IMTCertification.Options { certification.options }
    var client: HTTPClient { HTTPClient(configuration: options.transport) }

    func probe() async -> IMTProbes {
        var probes = IMTProbes()
        probes.accounts = certification.accounts
        let declaration = options.declaration
        let sessions = Self.sessionsURL(options.authURL)
        let api = options.apiURL.hasSuffix("/") ? options.apiURL : options.apiURL + "/"

        probes.badLogin = await send(
            "open a session with a wrong password", "POST", sessions, body: login(password: wrongPassword))
        if let cookie = Self.cookie(of: probes.badLogin) {
            probes.badLoginClose = await send(
                "close the session the wrong password opened", "DELETE", sessions + Self.segment(options.username), cookie: cookie
            )
        }
        let login = await send("open a session", "POST", sessions, body: login(password: options.password))
        probes.login = login
        if let cookie = Self.cookie(of: login) {
            probes.hasSession = true
            if declaration.flows.contains(.rtdr) {
                probes.paymentsDue = await send(
                    "payments-due for the account", "GET", api + Self.paymentsDue(probes.accounts[.rtdr] ?? ""), cookie: cookie)
                probes.unknownAccount = await send(
                    "payments-due for an unknown policy", "GET", api + Self.paymentsDue(probes.accounts[.unknown] ?? ""),
                    cookie: cookie)
                if declaration.blockedFlags {
                    for case_ in [IMTTestAccount.noneBlocked, .ccBlocked, .achBlocked, .bothBlocked] {
                        guard let account = probes.accounts[case_] else { continue }
                        probes.blockingCases[case_] = await send(
                            "payments-due for the \(case_.rawValue) account", "GET", api + Self.paymentsDue(account),
                            cookie: cookie)
                    }
                }
            }
            if declaration.flows.contains(.pdfLinking) {
                probes.bill = await send(
                    "the bill's PDF", "GET", api + "bills/\(Self.segment(probes.accounts[.pdf] ?? ""))/", cookie: cookie)
            }
            if options.allowWrites { await write(&probes, api: api, cookie: cookie) }
            let close = await send("close the session", "DELETE", sessions + Self.segment(options.username), cookie: cookie)
            probes.close = close
            if let status = close.status, (200..<300).contains(status) {
                probes.afterClose = await send(
                    "payments-due with the closed session's cookie", "GET", api + Self.paymentsDue(probes.accounts[.rtdr] ?? ""),
                    cookie: cookie)
            }
        }
        for (i, environment) in declaration.environments.enumerated() {
            probes.environments.append(await probe(environment, number: i + 2))
        }
        probes.scrubber = SecretScrubber(secrets: [options.password] + Self.cookieValues(of: probes))
        return probes
    }

    /// The writes: a payment and its repetition, paperless on and off, autopay on and off.
    func write(_ probes: inout IMTProbes, api: String, cookie: HTTPHeader) async {
        let account = probes.accounts[.writes] ?? ""
        let flows = options.declaration.flows
        if flows.contains(.payments) {
            let document = certification.payment(account: account).post.document
            let payment = await send("post a payment", "POST", api + "payments/", body: document, cookie: cookie)
            probes.payment = payment
            if let status = payment.status, (200..<300).contains(status) {
                probes.repeatedPayment = await send(
                    "post the same payment again", "POST", api + "payments/", body: document, cookie: cookie)
            }
        }
        let path = api + "settings/\(Self.segment(account))/"
        if flows.contains(.paperless) {
            for on in [true, false] {
                probes.paperless.append(
                    await send(
                        "set paperless \(on)", "PATCH", path,
                        body: PolicySettings.Change.paperless(on).document(account: account),
                        cookie: cookie))
            }
        }
        if flows.contains(.autopay) {
            for mode in [PolicySettings.BillMode.autopay, .direct] {
                probes.autopay.append(
                    await send(
                        "set bill_mode \(mode.rawValue)", "PATCH", path,
                        body: PolicySettings.Change.billMode(mode).document(account: account), cookie: cookie))
            }
        }
    }

    /// A further environment: its login, payments-due for its account, and the close.
    func probe(_ environment: IMTDeclaration.Environment, number: Int) async -> [CertificationExchange] {
        let sessions = Self.sessionsURL(environment.authURL)
        let api = environment.apiURL.hasSuffix("/") ? environment.apiURL : environment.apiURL + "/"
        let login = await send("environment \(number): open a session", "POST", sessions, body: login(password: options.password))
        guard let cookie = Self.cookie(of: login) else { return [login] }
        let due = await send(
            "environment \(number): payments-due", "GET", api + Self.paymentsDue(environment.account), cookie: cookie)
        let close = await send(
            "environment \(number): close the session", "DELETE", sessions + Self.segment(options.username), cookie: cookie)
        return [login, due, close]
    }

    /// Sends one request with IC's JSON:API headers (and the cookie), once.
    func send(
        _ label: String, _ method: String, _ url: String, body: JSONValue? = nil, cookie: HTTPHeader? = nil
    ) async -> CertificationExchange {
        var headers = [HTTPHeader("Accept", JSONAPIMediaType.value), HTTPHeader("Content-Type", JSONAPIMediaType.value)]
        if let cookie { headers.append(cookie) }
        let request = ClientRequest(method: method, url: url, headers: headers, body: body.map { Array($0.compactText.utf8) })
        let result: Result<ClientResponse, TransportError>
        do {
            result = .success(try await client.send(request))
        } catch {
            result = .failure(error)
        }
        return CertificationExchange(label: label, request: request, result: result)
    }

    func login(password: String) -> JSONValue {
        SessionRequest(username: options.username, password: password).document
    }

    /// A password that is not the partner's.
    var wrongPassword: String {
        let wrong = "bifrost-certify-wrong-password"
        return wrong == options.password ? wrong + "-2" : wrong
    }

    /// The `Cookie` header a 2xx answer's `Set-Cookie` headers give, or nil.
    static func cookie(of exchange: CertificationExchange?) -> HTTPHeader? {
        guard let response = exchange?.response, (200..<300).contains(response.status) else { return nil }
        let jar = CookieJar()
        jar.store(from: response.headers)
        return jar.header
    }

    /// Every cookie value any answer set: secrets a report must not show.
    static func cookieValues(of probes: IMTProbes) -> [String] {
        let exchanges = [probes.badLogin, probes.login].compactMap { $0 } + probes.environments.flatMap { $0 }
        return exchanges.flatMap { exchange in
            (exchange.response?.headers.all(named: "Set-Cookie") ?? []).compactMap { header in
                header.split(separator: ";").first?.split(separator: "=", maxSplits: 1).dropFirst().first.map(String.init)
            }
        }
    }

    /// The sessions URL (setting 88) of an auth API base or of the sessions URL itself.
    static func sessionsURL(_ authURL: String) -> String {
        var url = authURL
        while url.hasSuffix("/") { url.removeLast() }
        return url.hasSuffix("/sessions") ? url + "/" : url + "/sessions/"
    }

    static func paymentsDue(_ account: String) -> String {
        "payments-due/?filter%5Bpolicy_number%5D="
            + (account.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? account)
    }

    static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? text
    }
}
