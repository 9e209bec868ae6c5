import Partners
import Wire
import Yams

/// Reads a scenario's `imt:` block: users, policies (payments-due attributes) and faults.
struct IMTStateLoader {
    let reader: YAMLReader

    func load(_ node: Node) throws(InputError) -> IMTState {
        let members = try reader.mapping(node, what: "imt", allowed: ["biller_id", "users", "policies", "faults"])
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
        if let faults = members["faults"] {
            for element in try reader.sequence(faults, what: "imt.faults") { state.faults.append(try fault(element)) }
        }
        return state
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
            switch template {
            case .bool: converted = .bool(try reader.bool(value, what: what))
            case .array: converted = .array(try reader.strings(value, what: what).map(JSONValue.string))
            default: converted = .string(try reader.text(value, what: what))
            }
            attributes = attributes.setting(name, to: converted)
        }
        return IMTPolicy(id: id, attributes: attributes)
    }

    func fault(_ node: Node) throws(InputError) -> Fault {
        let members = try reader.mapping(
            node, what: "a fault", allowed: ["route", "status", "times"], required: ["route", "status"])
        let routeNode = members["route"]!
        let status = try reader.integer(members["status"]!, what: "status")
        guard (100...599).contains(status) else {
            throw reader.error("status must be an HTTP status (100-599)", at: members["status"]!)
        }
        let times = try members["times"].map { node throws(InputError) in try reader.integer(node, what: "times") }
        if let times, times < 1 {
            throw reader.error("times must be at least 1 (leave it out for always)", at: members["times"]!)
        }
        guard let fault = Fault(route: try reader.text(routeNode, what: "route"), status: status, times: times) else {
            throw reader.error("route must be a method and a path, e.g. \"GET /payments-due/\"", at: routeNode)
        }
        return fault
    }
}
