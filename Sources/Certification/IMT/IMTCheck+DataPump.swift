import Transport
import Wire

/// The DataPump checks, sent only with `--allow-writes`: a payment, its repetition, paperless and autopay changes.
extension IMTCheck {
    static let paymentAccepted = IMTCheck(
        CheckDefinition(
            id: "IMT-DP-001",
            title: "POST payments/ with IC's payments resource answers 2xx, with a JSON:API document or no body",
            severity: .required, source: .requirement("IMT-DP-001")),
        needs: [.writes, .flow(.payments)]
    ) { probes in
        guard let payment = probes.payment else { return probes.noSession }
        return accepted(payment, probes.evidence(payment))
    }

    static let repeatedPaymentRefused = IMTCheck(
        CheckDefinition(
            id: "IMT-DP-012", title: "a second POST payments/ with the same transaction_id is refused (409), not posted twice",
            severity: .recommended, source: nil),
        needs: [.writes, .flow(.payments)]
    ) { probes in
        guard let repeated = probes.repeatedPayment else {
            return probes.payment == nil ? probes.noSession : .skipped("the first payment was not accepted (IMT-DP-001)")
        }
        let evidence = probes.evidence(probes.payment, repeated)
        guard let status = repeated.status else { return .violated(repeated.summary, evidence) }
        switch status {
        case 409: return .met("\(repeated.summary): the duplicate is refused as a conflict", evidence)
        case 200..<300: return .violated("\(repeated.summary): the same transaction_id was accepted again", evidence)
        case 400..<500: return .doubtful("\(repeated.summary): refused, but 409 is the status for a duplicate", evidence)
        default: return .violated("\(repeated.summary)", evidence)
        }
    }

    static let paperlessAccepted = IMTCheck(
        CheckDefinition(
            id: "IMT-DP-009", title: "PATCH settings/{AccountNumber}/ with paperless true, then false, answers 2xx each time",
            severity: .required, source: .requirement("IMT-DP-009")),
        needs: [.writes, .flow(.paperless)]
    ) { probes in
        allAccepted(probes.paperless, probes)
    }

    static let autopayAccepted = IMTCheck(
        CheckDefinition(
            id: "IMT-DP-010", title: "PATCH settings/{AccountNumber}/ with bill_mode autopay, then direct, answers 2xx each time",
            severity: .required, source: .requirement("IMT-DP-010")),
        needs: [.writes, .flow(.autopay)]
    ) { probes in
        allAccepted(probes.autopay, probes)
    }

    static let enrollmentReadBack = IMTCheck(
        CheckDefinition(
            id: "IMT-DP-013", title: "each settings PATCH answered with a document shows the value IC set",
            severity: .recommended, source: nil
        ),
        needs: [.writes]
    ) { probes in
        let patches = probes.paperless + probes.autopay
        guard !patches.isEmpty else {
            return .skipped("no settings PATCH was sent (paperless and autopay not declared, or no session)")
        }
        var problems: [String] = []
        var read = 0
        for patch in patches {
            guard let status = patch.status, (200..<300).contains(status), status != 204 else { continue }
            let sent = (try? JSONParser.parse(patch.request.body ?? []))?["data"]?["attributes"]
            guard case .success(let answer) = patch.json, let attributes = answer["data"]?["attributes"] else {
                problems.append("\(patch.label): the answer has no data.attributes")
                continue
            }
            read += 1
            for key in ["paperless", "bill_mode"] {
                if let value = sent?[key], attributes[key] != value {
                    problems.append(
                        "\(patch.label): \(key) reads \(attributes[key]?.compactText ?? "nothing"), not \(value.compactText)")
                }
            }
        }
        let evidence = probes.evidence(patches)
        if !problems.isEmpty { return .violated(problems.joined(separator: "; "), evidence) }
        return .met(
            read == 0 ? "no answer had a body to read back (204 or a failure)" : "\(read) answers show the value set", evidence)
    }

    /// 2xx with an empty body or a JSON:API document.
    static func accepted(_ exchange: CertificationExchange, _ evidence: [CheckEvidence]) -> CheckOutcome {
        guard let response = exchange.response, (200..<300).contains(response.status) else {
            return .violated("\(exchange.summary), not 2xx", evidence)
        }
        if response.body.isEmpty { return .met(exchange.summary, evidence) }
        switch exchange.json {
        case .failure(let problem): return .violated("\(exchange.summary) but the body is \(problem)", evidence)
        case .success(let document):
            do {
                try JSONAPIDocument.checkTopLevel(document)
                return .met("\(exchange.summary) with a JSON:API document", evidence)
            } catch {
                return .violated("\(exchange.summary) but the body is not a JSON:API document: \(error)", evidence)
            }
        }
    }

    static func allAccepted(_ exchanges: [CertificationExchange], _ probes: IMTProbes) -> CheckOutcome {
        guard !exchanges.isEmpty else { return probes.noSession }
        let outcomes = exchanges.map { accepted($0, []) }
        let evidence = probes.evidence(exchanges)
        if let failed = outcomes.first(where: { $0.finding != .met }) { return .violated(failed.message, evidence) }
        return .met(outcomes.map(\.message).joined(separator: "; "), evidence)
    }
}
