import Partners
import Support
import Wire
import Yams

/// Reads a scenario's `imt:` block (also a `serve imt --state` file): users, policies
/// (payments-due attributes), policy settings, bills and faults.
///
/// ```yaml
/// users: {icuser: secret}
/// policies: [{policy_number: "20240903", current_due: "1675.00"}]
/// policy_settings: [{policy: "20240903", paperless: true, bill_mode: autopay}]
/// bills: {"20240903": "%PDF-1.4 ..."}
/// payments:                                     # already posted (e.g. twice, to reconcile)
///   - {transaction_id: "2984&P1", account: "20240903", total_paid: "102.95", method: CC}
/// faults:
///   - {route: "POST /payments/", status: 500, times: 1}
///   - {route: "GET /payments-due/", delay_ms: 2000}
///   - {route: "GET /bills/20240903/", content_type: text/html}
///   - {route: "POST /payments/", drop: true}
///   - {route: "GET /payments-due/", body: malformed}     # or truncated
///   - {expire_session_after: 1}
/// refuse: [duplicate-transaction, unknown-policy]   # refusals no seed states, off by default
/// ```
struct IMTStateLoader {
    let reader: YAMLReader

    /// Reads a whole state document, with or without its `imt:` wrapper.
    static func load(text: String, file: String) throws(InputError) -> IMTState {
        let reader = YAMLReader(file: file)
        return try IMTStateLoader(reader: reader).load(try reader.stateRoot(of: text, wrapper: "imt"))
    }

    /// One fault of a state's list, as the admin API takes it.
    enum FaultEntry {
        case fault(Fault)
        case sessionLimit(Int)
    }

    /// Reads one fault document (`{route: ..., status: 500}` or `{expire_session_after: N}`).
    static func fault(text: String, file: String) throws(InputError) -> FaultEntry {
        let reader = YAMLReader(file: file)
        let loader = IMTStateLoader(reader: reader)
        let node = try reader.root(of: text)
        if let limit = try loader.sessionLimit(node) { return .sessionLimit(limit) }
        return .fault(try loader.imtFault(node))
    }

    func load(_ node: Node) throws(InputError) -> IMTState {
        let members = try reader.mapping(node, what: "imt", schema: Self.schema)
        var state = IMTState()
        if let id = members["biller_id"] { state.billerID = try reader.nonEmptyText(id, what: "imt.biller_id") }
        if let users = members["users"] {
            for (name, password) in try reader.pairs(users, what: "imt.users") {
                state.users[try reader.nonEmptyText(name, what: "a username")] =
                    try reader.nonEmptyText(password, what: "a password")
            }
        }
        // Policies without an id are numbered from the seed example's id, 41703.
        if let policies = members["policies"] {
            for (i, element) in try reader.sequence(policies, what: "imt.policies").enumerated() {
                state.policies.append(try policy(element, defaultID: "\(41703 + i)"))
            }
        }
        if let list = members["policy_settings"] {
            for element in try reader.sequence(list, what: "imt.policy_settings") {
                state.policySettings.append(try policySettings(element))
            }
        }
        if let list = members["payments"] {
            for element in try reader.sequence(list, what: "imt.payments") { state.payments.append(try payment(element)) }
        }
        if let bills = members["bills"] {
            for (key, value) in try reader.pairs(bills, what: "imt.bills") {
                state.bills[try reader.nonEmptyText(key, what: "a policy number")] = Array(
                    try reader.text(value, what: "a bill's content").utf8)
            }
        }
        if let list = members["refuse"] {
            for element in try reader.sequence(list, what: "imt.refuse") {
                let code = try reader.text(element, what: "a refusal")
                guard IMTState.optionalRefusals.contains(code) else {
                    throw reader.error(
                        "imt.refuse names \(code); it may name \(IMTState.optionalRefusals.joined(separator: ", "))", at: element)
                }
                state.refuse.insert(code)
            }
        }
        if let faults = members["faults"] {
            for element in try reader.sequence(faults, what: "imt.faults") {
                if let limit = try sessionLimit(element) {
                    state.sessionLimit = limit
                } else {
                    state.faults.append(try imtFault(element))
                }
            }
        }
        return state
    }

    func policySettings(_ node: Node) throws(InputError) -> PolicySettings {
        let fields = try reader.mapping(node, what: "a policy's settings", schema: Self.policySettingsSchema)
        var settings = PolicySettings(
            account: try reader.nonEmptyText(reader.required("policy", in: fields, at: node), what: "policy"))
        if let node = fields["paperless"] { settings.paperless = try reader.bool(node, what: "paperless") }
        if let node = fields["bill_mode"] {
            guard let mode = PolicySettings.BillMode(rawValue: try reader.text(node, what: "bill_mode")) else {
                throw reader.error("bill_mode must be autopay or direct", at: node)
            }
            settings.billMode = mode
        }
        return settings
    }

    /// `{expire_session_after: N}`: sessions expire after N authenticated requests; nil for another fault.
    func sessionLimit(_ node: Node) throws(InputError) -> Int? {
        guard let fields = node.mapping, fields["expire_session_after"] != nil else { return nil }
        let members = try reader.mapping(node, what: "a session fault", schema: Self.sessionLimitSchema)
        let expireSessionAfterNode = try reader.required("expire_session_after", in: members, at: node)
        let limit = try reader.integer(expireSessionAfterNode, what: "expire_session_after")
        guard limit >= 0 else {
            throw reader.error("expire_session_after must be 0 or more", at: expireSessionAfterNode)
        }
        return limit
    }

    /// A policy: the seed's example attributes, overridden by those the scenario gives, each of the example's type.
    func policy(_ node: Node, defaultID: String) throws(InputError) -> IMTPolicy {
        var attributes = PaymentsDue.seedExampleAttributes
        var id = defaultID
        for (key, value) in try reader.pairs(node, what: "a policy") {
            let name = try reader.text(key, what: "an attribute name")
            if name == "id" {
                id = try reader.nonEmptyText(value, what: "id")
                continue
            }
            guard let template = attributes[name] else {
                throw reader.error("unknown payments-due attribute '\(name)' (seed 000's full example names them all)", at: key)
            }
            let what = "attribute \(name)"
            let converted: JSONValue
            switch Self.attributeValue(template) {
            case .boolean: converted = .bool(try reader.bool(value, what: what))
            case .list: converted = .array(try reader.strings(value, what: what).map(JSONValue.string))
            default: converted = .string(try reader.text(value, what: what))
            }
            attributes = attributes.setting(name, to: converted)
        }
        return IMTPolicy(id: id, attributes: attributes)
    }

    /// A payment already posted: its key fields; the payer's details are left empty.
    func payment(_ node: Node) throws(InputError) -> PaymentPost {
        let f = try reader.mapping(node, what: "a posted payment", schema: Self.paymentSchema)
        func money(_ node: Node, _ what: String) throws(InputError) -> Money {
            guard let money = Money(parsing: try reader.text(node, what: what)) else {
                throw reader.error("\(what) must be a decimal amount such as \"102.95\"", at: node)
            }
            return money
        }
        let total = try money(reader.required("total_paid", in: f, at: node), "total_paid")
        let fee = try f["fee"].map { node throws(InputError) in try money(node, "fee") } ?? .zero
        return PaymentPost(
            account: try reader.nonEmptyText(reader.required("account", in: f, at: node), what: "account"),
            method: try reader.choice(
                reader.required("method", in: f, at: node), what: "payment method", of: PaymentPost.Method.self),
            billAmountPaid: total - fee, totalPaid: total, approvalCode: "",
            transactionID: try reader.nonEmptyText(reader.required("transaction_id", in: f, at: node), what: "transaction_id"),
            firstName: "",
            lastName: "", address1: "", address2: "", city: "", state: "", zipCode: "", phone: "", email: "")
    }

    /// A fault of the mock IMT, its route one of `IMTMock.routes` (relative to the auth or data API).
    func imtFault(_ node: Node) throws(InputError) -> Fault {
        try fault(node) { fault, written in
            IMTMock.knows(fault) ? nil : Self.unknownRoute(written, mock: "the mock IMT", names: IMTMock.routes.names)
        }
    }

    /// Why a fault's route (as written) is refused: the route, the closest known one, and every known one.
    static func unknownRoute(_ route: String, mock: String, names: [String]) -> String {
        let closest = ClosestKey.closest(to: route, among: names).map { " (closest: \($0))" } ?? ""
        return "\(mock) has no route \(route)\(closest); a fault's route is one of " + names.joined(separator: ", ")
    }

    /// Reads a fault; `refusal` says why its route (the fault, and the route as written) is not one of
    /// the mock's (nil: it is), reported at the route.
    func fault(_ node: Node, refusal: (Fault, String) -> String?) throws(InputError) -> Fault {
        let effects = ["status", "body", "content_type", "drop"]
        let members = try reader.mapping(node, what: "a fault", schema: Self.faultSchema(route: Self.imtRoute))
        let given = effects.filter { members[$0] != nil }
        guard given.count <= 1 else {
            throw reader.error(
                "a fault has one effect of \(effects.joined(separator: ", ")); this one has \(given.joined(separator: " and "))",
                at: node)
        }
        guard !given.isEmpty || members["delay_ms"] != nil else {
            throw reader.error("a fault needs an effect (\(effects.joined(separator: ", "))) or delay_ms", at: node)
        }
        let effect: Fault.Effect?
        switch given.first {
        case "status":
            let statusNode = try reader.required("status", in: members, at: node)
            let status = try reader.integer(statusNode, what: "status")
            guard (100...599).contains(status) else {
                throw reader.error("status must be an HTTP status (100-599)", at: statusNode)
            }
            effect = .status(status)
        case "body":
            let bodyNode = try reader.required("body", in: members, at: node)
            switch try reader.text(bodyNode, what: "body") {
            case "malformed": effect = .malformedBody
            case "truncated": effect = .truncatedBody
            default: throw reader.error("body must be malformed or truncated", at: bodyNode)
            }
        case "content_type":
            effect = .contentType(
                try reader.nonEmptyText(reader.required("content_type", in: members, at: node), what: "content_type"))
        case "drop":
            let dropNode = try reader.required("drop", in: members, at: node)
            guard try reader.bool(dropNode, what: "drop") else {
                throw reader.error("drop must be true", at: dropNode)
            }
            effect = .drop
        default: effect = nil
        }
        let delay = try members["delay_ms"].map { node throws(InputError) -> Duration in
            let ms = try reader.integer(node, what: "delay_ms")
            guard (1...600_000).contains(ms) else { throw reader.error("delay_ms must be 1 to 600000", at: node) }
            return .milliseconds(ms)
        }
        let timesNode = members["times"]
        let times = try timesNode.map { node throws(InputError) in try reader.integer(node, what: "times") }
        if let timesNode, let times, times < 1 {
            throw reader.error("times must be at least 1 (leave it out for always)", at: timesNode)
        }
        let routeNode = try reader.required("route", in: members, at: node)
        let written = try reader.text(routeNode, what: "route")
        guard let fault = Fault(route: written, effect: effect, delay: delay, times: times) else {
            throw reader.error("route must be a method and a path, e.g. \"GET /payments-due/\"", at: routeNode)
        }
        if let refused = refusal(fault, written) { throw reader.error(refused, at: routeNode) }
        return fault
    }
}
