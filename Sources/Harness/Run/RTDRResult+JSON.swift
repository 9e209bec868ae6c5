import Flows
import Wire

extension RTDRResult {
    /// The result as written to `result.json`.
    var json: JSONValue {
        var members: [JSONValue.Member] = [.init("step", "rtdr"), .init("account", .string(account))]
        switch outcome {
        case .updated(let balance, let flags):
            members.append(.init("status", "updated"))
            members.append(.init("balance", .string(balance.description)))
            if let flags {
                members.append(
                    .init(
                        "blockFlags",
                        .object([
                            "update": true,
                            "blockPaymentsCC": .bool(flags.creditCard),
                            "blockPaymentsEFT": .bool(flags.ach),
                        ])))
            } else {
                members.append(.init("blockFlags", .object(["update": false])))
            }
        case .failed(let failure):
            members.append(.init("status", "failed"))
            members.append(.init("failure", failure.json))
        }
        members.append(.init("session", closing.json))
        return .object(members)
    }
}

extension IMTFailure {
    var json: JSONValue {
        var members: [JSONValue.Member] = [.init("stage", .string(stage.rawValue)), .init("kind", .string(kind.rawValue))]
        if let status { members.append(.init("httpStatus", .number(String(status)))) }
        members.append(.init("message", .string(message)))
        return .object(members)
    }
}

extension Optional<IMTSession.Closing> {
    /// `opened` and `closed` flags, and why closing failed.
    var json: JSONValue {
        switch self {
        case nil: return .object(["opened": false, "closed": false])
        case .closed?: return .object(["opened": true, "closed": true])
        case .failed(let failure)?: return .object(["opened": true, "closed": false, "closeFailure": failure.json])
        }
    }
}
