import Transport
import Wire

/// Setting 81 `MULTIENVIRONMENT`: each further environment the partner declares answers as the first.
extension IMTCheck {
    static let environments = IMTCheck(
        CheckDefinition(
            id: "IMT-MENV-001",
            title: "each further environment opens a session, answers payments-due for its account, and closes the session",
            severity: .required, source: .requirement("IMT-MENV-001")),
        needs: [.environments]
    ) { probes in
        var problems: [String] = []
        var all: [CertificationExchange] = []
        for exchanges in probes.environments {
            all += exchanges
            for exchange in exchanges {
                guard let status = exchange.status, (200..<300).contains(status) else {
                    problems.append(exchange.summary)
                    continue
                }
            }
            if exchanges.count < 3 { problems.append("\(exchanges.first?.label ?? "an environment"): no session cookie") }
        }
        let evidence = probes.evidence(all)
        if probes.environments.isEmpty { return .skipped("no further environment was reached") }
        return problems.isEmpty
            ? .met(
                "\(probes.environments.count) further \(probes.environments.count == 1 ? "environment answers" : "environments answer")",
                evidence)
            : .violated(problems.joined(separator: "; "), evidence)
    }
}
