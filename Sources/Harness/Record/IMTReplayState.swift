import Foundation
import Partners
import Transport
import Wire

/// The mock IMT's state derived from a recording: the policies payments-due answered, the bills,
/// and faults for the answers the mock gives only when told to (another status, a body that is not
/// JSON); what it cannot represent at all is a note for the scenario's description.
struct IMTReplayState {
    var billerID: String
    var username: String
    var password: String
    var policies: [JSONValue] = []
    var bills: [(account: String, text: String)] = []
    var faults: [JSONValue] = []
    var notes: [String] = []

    /// Reads the recorded exchanges; `sessionsURL` and `apiURL` say which call each was.
    init(_ exchanges: [ExchangeLog.Exchange], sessionsURL: String, apiURL: String, username: String, password: String) {
        self.billerID = Self.billerID(sessionsURL: sessionsURL, apiURL: apiURL)
        self.username = username
        self.password = password
        var paidAccounts: [String] = []
        for exchange in exchanges {
            guard let response = exchange.response else { continue }
            let url = exchange.request.url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
            let method = exchange.request.method
            if url.hasPrefix(sessionsURL) {
                if method == "POST" { session(response) } else { close(response, route: "DELETE /sessions/\(username)") }
            } else if url.hasPrefix(apiURL + "payments-due/") {
                paymentsDue(response)
            } else if url.hasPrefix(apiURL + "bills/") {
                let rest = url.dropFirst((apiURL + "bills/").count)
                let account = rest.split(separator: "/").first.map { $0.removingPercentEncoding ?? String($0) } ?? ""
                bill(response, account: account)
            } else if method == "POST", url == apiURL + "payments/" {
                payment(exchange.request, response, accepted: &paidAccounts)
            } else {
                let path = ClientJournal.target(of: url)
                notes.append(
                    "\(method) \(path) answered HTTP \(response.status): the mock answers it from its own state, "
                        + "which is not derived from this answer.")
            }
        }
        let known = Set(policies.compactMap { $0["policy_number"]?.stringValue })
        for account in paidAccounts where !known.contains(account) {
            policies.append(.object([.init("policy_number", .string(account))]))
            notes.append(
                "policy \(account) is known only from a payment the partner accepted; the mock's policy holds the seed "
                    + "example's other attributes.")
        }
    }

    /// A payment post: the policy it names must exist for the mock to accept it; another answer than
    /// 2xx is replayed as a `status` fault.
    private mutating func payment(_ request: ClientRequest, _ response: ClientResponse, accepted: inout [String]) {
        guard (200..<300).contains(response.status) else {
            fault("POST /payments/", ("status", .number(String(response.status))))
            notes.append("POST payments/ answered HTTP \(response.status); replayed as an injected answer of that status.")
            return
        }
        let document = try? JSONParser.parse(request.body ?? [])
        let attributes = document?["data"]?["attributes"]
        guard let account = attributes?["entity_identifier"]?.stringValue ?? document?["data"]?["id"]?.stringValue else {
            notes.append("POST payments/ was accepted, but its body names no entity_identifier; the mock will refuse it.")
            return
        }
        if !accepted.contains(account) { accepted.append(account) }
    }

    /// The segment before `api` in the auth or data URL's path (`…/3401/api/`), else the mock's default.
    static func billerID(sessionsURL: String, apiURL: String) -> String {
        for url in [sessionsURL, apiURL] {
            let segments = ClientJournal.target(of: url).split(separator: "/")
            if let api = segments.lastIndex(of: "api"), api > 0 { return String(segments[api - 1]) }
        }
        return IMTState().billerID
    }

    private mutating func fault(_ route: String, _ effect: (String, JSONValue)) {
        faults.append(.object([.init("route", .string(route)), .init(effect.0, effect.1), .init("times", .number("1"))]))
    }

    private static func kind(_ response: ClientResponse) -> String {
        let type = response.headers.first(named: "Content-Type") ?? "no Content-Type"
        return "\(type), \(response.body.count) bytes"
    }

    private mutating func session(_ response: ClientResponse) {
        let hasCookie = !response.headers.all(named: "Set-Cookie").isEmpty
        guard !(200..<300).contains(response.status) || !hasCookie else { return }
        fault("POST /sessions/", ("status", .number(String(response.status))))
        notes.append(
            "POST sessions/ answered HTTP \(response.status) (\(Self.kind(response)))\(hasCookie ? "" : " without a session cookie"); "
                + "replayed as an injected answer of that status.")
    }

    private mutating func close(_ response: ClientResponse, route: String) {
        guard !(200..<300).contains(response.status) else { return }
        fault(route, ("status", .number(String(response.status))))
        notes.append("DELETE sessions/ answered HTTP \(response.status); replayed as an injected answer of that status.")
    }

    private mutating func paymentsDue(_ response: ClientResponse) {
        guard (200..<300).contains(response.status) else {
            fault("GET /payments-due/", ("status", .number(String(response.status))))
            notes.append("GET payments-due/ answered HTTP \(response.status); replayed as an injected answer of that status.")
            return
        }
        guard let document = try? JSONParser.parse(response.body) else {
            fault("GET /payments-due/", ("body", .string("malformed")))
            notes.append(
                "GET payments-due/ answered \(Self.kind(response)), not JSON (an HTML page?); the mock answers JSON:API only, "
                    + "so the replay answers a malformed JSON body instead.")
            return
        }
        guard let resources = document["data"]?.arrayValue else {
            notes.append("GET payments-due/ answered JSON without a data array; the mock holds no policy for it.")
            return
        }
        for resource in resources { policy(resource) }
    }

    /// One payments-due resource as a policy of the `imt:` block, attribute by attribute.
    private mutating func policy(_ resource: JSONValue) {
        let template = PaymentsDue.seedExampleAttributes
        var members: [JSONValue.Member] = []
        if let id = resource["id"]?.stringValue { members.append(.init("id", .string(id))) }
        if let type = resource["type"]?.stringValue, type != PaymentsDue.type {
            notes.append("a payments-due resource has type \"\(type)\"; the mock's are \"\(PaymentsDue.type)\".")
        }
        let attributes = resource["attributes"]?.objectValue ?? []
        var unknown: [String] = []
        for attribute in attributes {
            guard let example = template[attribute.key] else {
                unknown.append(attribute.key)
                continue
            }
            if let value = Self.converted(attribute.value, like: example) {
                members.append(.init(attribute.key, value))
            } else {
                unknown.append("\(attribute.key) (\(attribute.value.compactText.prefix(40)))")
            }
        }
        let given = Set(attributes.map(\.key))
        let added = (template.objectValue ?? []).map(\.key).filter { !given.contains($0) }
        let label = "policy \(resource["attributes"]?["policy_number"]?.stringValue ?? "?")"
        if !unknown.isEmpty {
            notes.append(
                "\(label): attributes the mock's policies cannot hold (unknown to seed 000's example or of another type), "
                    + "left out: \(unknown.joined(separator: ", ")).")
        }
        if !added.isEmpty {
            notes.append(
                "\(label): the mock adds the seed example's attributes the answer lacked: \(added.joined(separator: ", ")).")
        }
        policies.append(.object(members))
    }

    /// `value` as the loader reads an attribute of `example`'s type, or nil when it cannot.
    static func converted(_ value: JSONValue, like example: JSONValue) -> JSONValue? {
        switch (example, value) {
        case (.bool, .bool), (.string, .string): return value
        case (.array, .array(let elements)): return elements.allSatisfy { $0.stringValue != nil } ? value : nil
        default: return nil
        }
    }

    private mutating func bill(_ response: ClientResponse, account: String) {
        guard response.status == 200 else {
            if response.status != 404 {
                fault("GET /bills/\(account)/", ("status", .number(String(response.status))))
                notes.append(
                    "GET bills/\(account)/ answered HTTP \(response.status); replayed as an injected answer of that status.")
            }
            return
        }
        if let text = String(validating: response.body, as: UTF8.self) {
            bills.append((account, text))
        } else {
            let standIn = response.body.map { $0 < 0x80 ? $0 : UInt8(ascii: "?") }
            bills.append((account, String(decoding: standIn, as: UTF8.self)))
            notes.append(
                "the bill of \(account) is \(response.body.count) bytes of binary PDF; the mock's bills are text, so the "
                    + "scenario holds a stand-in of the same size and first line (bytes above 0x7F as ?).")
        }
        let type = response.headers.first(named: "Content-Type") ?? ""
        if type.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() != "application/pdf" {
            fault("GET /bills/\(account)/", ("content_type", .string(type.isEmpty ? "text/plain" : type)))
            notes.append("GET bills/\(account)/ answered \(Self.kind(response)), not a PDF; replayed with that Content-Type.")
        }
    }

    /// The `imt:` block.
    var yaml: String {
        var lines = [
            "imt:", "  biller_id: \(YAMLText.quoted(billerID))",
            "  users: {\(YAMLText.quoted(username)): \(YAMLText.quoted(password))}",
        ]
        if !policies.isEmpty { lines += ["  policies:"] + policies.map { "    - " + YAMLText.flow($0) } }
        if !bills.isEmpty {
            lines += ["  bills:"] + bills.map { "    \(YAMLText.quoted($0.account)): \(YAMLText.quoted($0.text))" }
        }
        if !faults.isEmpty { lines += ["  faults:"] + faults.map { "    - " + YAMLText.flow($0) } }
        return lines.joined(separator: "\n")
    }
}
