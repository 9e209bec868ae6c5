import Foundation
import Partners
import Transport
import Wire

/// A mock's state block derived from exchanges a client of its own had with the real partner
/// (through a recording proxy, or captured in a HAR file), as `record imt|ic` derive theirs:
/// `IMTReplayState` and `ICReplayState` read the answers; this type finds the calls in raw traffic.
///
/// The exchanges' URLs are in the mock's layout, under `origin`: `/auth/<id>/api/…` and
/// `/webpayments/<id>/api/…` for IMT, `/portal/webservices/CloudInvoicing.asmx` for IC.
struct PartnerDerivation {
    /// The scenario's `imt:` or `ic:` block.
    var yaml: String
    /// What the mock cannot represent, for the description.
    var notes: [String]
    /// Values found in the requests that no file may hold (passwords, web service keys).
    var secrets: [String]
    /// The IMT user or IC biller the block holds, with its placeholder secret: the program's variables in a replay.
    var user: (name: String, secret: String)?

    /// The `imt:` block from the exchanges; the user is `username`, else the one the first session request names.
    static func imt(
        _ exchanges: [ExchangeLog.Exchange], origin: String, billerID: String, username: String?
    )
        -> PartnerDerivation
    {
        let logins = exchanges.compactMap { exchange -> (String?, String?)? in
            guard exchange.request.method == "POST", exchange.request.url.hasSuffix("/sessions/"),
                let document = try? JSONParser.parse(exchange.request.body ?? [])
            else { return nil }
            let attributes = document["data"]?["attributes"]
            return (
                attributes?["username"]?.stringValue ?? document["data"]?["id"]?.stringValue, attributes?["password"]?.stringValue
            )
        }
        var notes: [String] = []
        let name: String
        if let username {
            name = username
        } else if let found = logins.lazy.compactMap(\.0).first {
            name = found
        } else {
            name = "recorded-user"
            notes.append("no session request names a user; the mock's user is \(name).")
        }
        let state = IMTReplayState(
            exchanges, sessionsURL: origin + "/auth/\(billerID)/api/sessions/", apiURL: origin + "/webpayments/\(billerID)/api/",
            username: name, password: IMTRecorder.placeholderPassword)
        return PartnerDerivation(
            yaml: state.yaml, notes: notes + state.notes, secrets: logins.compactMap(\.1),
            user: (name, IMTRecorder.placeholderPassword))
    }

    /// The `ic:` block from the exchanges: each report operation's answer read as `record ic` reads it;
    /// other operations are named in the notes. The biller is `guid`, else the one the first request names.
    static func ic(_ exchanges: [ExchangeLog.Exchange], guid: String?) -> PartnerDerivation {
        var calls: [(report: ICReport, answer: ICReportAnswer?, exchange: ExchangeLog.Exchange?)] = []
        var notes: [String] = []
        var secrets: [String] = []
        var found: String?
        for exchange in exchanges {
            let body = String(decoding: exchange.request.body ?? [], as: UTF8.self)
            if let key = element("WebServiceKey", in: body), !secrets.contains(key) { secrets.append(key) }
            if found == nil { found = element("BillerGUID", in: body) }
            let operation = operation(exchange.request, body: body)
            guard let report = operation.flatMap(ICReport.init(rawValue:)) else {
                notes.append(
                    "\(operation ?? "a request that names no operation") (\(exchange.request.method) "
                        + "\(ClientJournal.target(of: exchange.request.url))): the mock answers it from its own state, "
                        + "which is not derived from this answer.")
                continue
            }
            let version = SOAPVersion.named(byContentType: exchange.request.headers.first(named: "Content-Type")) ?? .v11
            let answer = exchange.response.flatMap { response in
                (try? XMLDocument(parsing: response.body)).flatMap {
                    try? ICReportAnswer(report: report, response: $0, version: version)
                }
            }
            calls.append((report, answer, exchange))
        }
        let biller = guid ?? found ?? "00000000-0000-0000-0000-000000000000"
        if guid == nil, found == nil { notes.append("no request names a BillerGUID; the mock's biller is \(biller).") }
        let state = ICReplayState(calls, billerGUID: biller, key: ICRecorder.placeholderKey)
        return PartnerDerivation(
            yaml: state.yaml, notes: notes + state.notes, secrets: secrets, user: (biller, ICRecorder.placeholderKey))
    }

    /// The SOAP operation of a request: its `SOAPAction` (1.1) or `action` parameter (1.2), else the body's first element.
    static func operation(_ request: ClientRequest, body: String) -> String? {
        var action = request.headers.first(named: "SOAPAction")
        if action == nil, let type = request.headers.first(named: "Content-Type"),
            let range = type.range(of: #"action="?[^";]+"#, options: .regularExpression)
        {
            action = String(type[range].dropFirst("action=".count))
        }
        if let action = action?.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")), !action.isEmpty {
            return action.split(separator: "/").last.map(String.init)
        }
        guard let bodyStart = body.range(of: #"<(\w+:)?Body[^>]*>\s*<(\w+:)?\w+"#, options: .regularExpression) else {
            return nil
        }
        let opening = body[bodyStart].split(separator: "<").last ?? ""
        return opening.split(separator: ":").last.map(String.init)
    }

    /// The text of the first element `name` (any prefix) in `xml`, unescaped of the five entities.
    static func element(_ name: String, in xml: String) -> String? {
        guard let range = xml.range(of: "<(\\w+:)?\(name)>[^<]*<", options: .regularExpression) else { return nil }
        let match = xml[range]
        guard let open = match.firstIndex(of: ">") else { return nil }
        let text = String(match[match.index(after: open)...].dropLast())
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
