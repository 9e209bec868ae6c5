import Transport
import Wire

/// The blocking cases under setting 131: a declared test account per case, its `payment_types` as the seed lists.
extension IMTCheck {
    static func blocking(_ id: String, _ account: IMTTestAccount, _ expected: [String], what: String) -> IMTCheck {
        IMTCheck(
            CheckDefinition.required(id, "a policy with \(what) lists payment_types \(expected)", source: .requirement(id)),
            needs: [.flow(.rtdr), .blockedFlags, .account(account)]
        ) { probes in
            guard let exchange = probes.blockingCases[account] else { return probes.noSession }
            let evidence = probes.evidence(exchange)
            let number = probes.accounts[account] ?? ""
            guard case .success(let resources) = records(exchange) else {
                return .violated("\(exchange.summary) without a payments-due collection", evidence)
            }
            guard let record = resources.first(where: { $0.attributes["policy_number"]?.stringValue == number }) else {
                return .violated("no resource for policy \(number)", evidence)
            }
            let names = record.attributes["payment_types"]?.arrayValue?.compactMap(\.stringValue)
            guard let names, Set(names) == Set(expected), names.count == expected.count else {
                return .violated("policy \(number) lists payment_types \(names.map { "\($0)" } ?? "(not a list)")", evidence)
            }
            return .met("policy \(number) lists \(names)", evidence)
        }
    }

    static let noneBlocked = blocking("IMT-RTDR-006", .noneBlocked, ["ACH", "CC"], what: "no method blocked")
    static let ccBlocked = blocking("IMT-RTDR-004", .ccBlocked, ["ACH"], what: "CC blocked")
    static let achBlocked = blocking("IMT-RTDR-005", .achBlocked, ["CC"], what: "ACH blocked")
    static let bothBlocked = blocking("IMT-RTDR-003", .bothBlocked, [], what: "both methods blocked")
}
