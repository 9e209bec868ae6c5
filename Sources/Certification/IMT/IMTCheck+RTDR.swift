import Foundation
import Transport
import Wire

/// The RTDR checks: `GET payments-due/?filter[policy_number]=` judged as IC reads it.
extension IMTCheck {
    static let paymentsDueMediaType = IMTCheck(
        CheckDefinition(
            id: "IMT-RTDR-009", title: "payments-due answers with Content-Type application/vnd.api+json", severity: .required,
            source: .specification(
                "JSON:API 1.1, Content Negotiation: servers MUST send all JSON:API data in response documents with the header Content-Type: application/vnd.api+json"
            )),
        needs: [.flow(.rtdr)]
    ) { probes in
        guard let due = probes.paymentsDue else { return probes.noSession }
        let evidence = probes.evidence(due)
        guard due.response != nil else { return .violated(due.summary, evidence) }
        guard let type = due.mediaType else { return .violated("\(due.summary) without a Content-Type", evidence) }
        guard type == JSONAPIMediaType.value else {
            return .violated("\(due.summary) as \(type), not \(JSONAPIMediaType.value)", evidence)
        }
        return .met("\(due.summary) as \(type)", evidence)
    }

    static let paymentsDueDocument = IMTCheck(
        CheckDefinition(
            id: "IMT-RTDR-010",
            title: "payments-due answers 200 with a JSON:API document: data an array of payments-due resources",
            severity: .required, source: .requirement("IMT-RTDR-010")),
        needs: [.flow(.rtdr)]
    ) { probes in
        guard let due = probes.paymentsDue else { return probes.noSession }
        let evidence = probes.evidence(due)
        guard due.response != nil else { return .violated(due.summary, evidence) }
        guard due.status == 200 else { return .violated("\(due.summary), not 200", evidence) }
        switch IMTCheck.records(due) {
        case .failure(let problem): return .violated(problem.description, evidence)
        case .success(let resources):
            return .met(
                "a collection of \(resources.count) payments-due \(resources.count == 1 ? "resource" : "resources")", evidence)
        }
    }

    static let paymentsDueAttributes = IMTCheck(
        CheckDefinition(
            id: "IMT-RTDR-011",
            title: "each payments-due resource has every attribute of the seed's example, with its JSON type and format",
            severity: .recommended, source: .requirement("IMT-RTDR-011")),
        needs: [.flow(.rtdr)]
    ) { probes in
        guard let due = probes.paymentsDue else { return probes.noSession }
        let evidence = probes.evidence(due)
        guard case .success(let resources) = IMTCheck.records(due) else { return notACollection }
        var problems: [String] = []
        for (i, resource) in resources.enumerated() {
            problems += PaymentsDueShape.problems(in: resource.attributes).map { "/data/\(i)/attributes/\($0)" }
        }
        guard problems.isEmpty else {
            let shown =
                problems.prefix(8).joined(separator: "; ") + (problems.count > 8 ? "; and \(problems.count - 8) more" : "")
            return .violated(shown, evidence)
        }
        return .met("\(PaymentsDueShape.checked.count) attributes of each resource as in the seed's example", evidence)
    }

    static let currentDueDecimal = IMTCheck(
        CheckDefinition(
            id: "IMT-RTDR-002",
            title:
                "current_due is a decimal amount IC can read the balance from, written as a string (\"1675.00\") as in the seed's example",
            severity: .required, source: .requirement("IMT-RTDR-002")),
        needs: [.flow(.rtdr)]
    ) { probes in
        let outcome = IMTCheck.eachRecord(probes, shown: "current_due") { pointer, attributes in
            guard let value = attributes["current_due"] else { return "\(pointer)/current_due is missing" }
            let number: String? = if case .number(let digits) = value { digits } else { nil }
            guard let text = value.stringValue ?? number else {
                return "\(pointer)/current_due is a \(value.typeName), not an amount"
            }
            return Money(parsing: text) == nil ? "\(pointer)/current_due \(value.compactText) is not a decimal amount" : nil
        }
        // A JSON number still names the balance; only the seed's example writes it as a string: a warning.
        guard outcome.finding == .met, let due = probes.paymentsDue, case .success(let resources) = IMTCheck.records(due) else {
            return outcome
        }
        let numbers = resources.enumerated().filter { $0.element.attributes["current_due"]?.stringValue == nil }
        guard let first = numbers.first else { return outcome }
        return .doubtful(
            "/data/\(first.offset)/attributes/current_due is the JSON number \(first.element.attributes["current_due"]?.compactText ?? ""), where the seed's example writes a decimal string (a client may read a number as binary floating point)",
            outcome.evidence)
    }

    static let paymentTypesKnown = IMTCheck(
        CheckDefinition(
            id: "IMT-RTDR-012", title: "payment_types is a list of distinct strings, each ACH or CC", severity: .required,
            source: .requirement("IMT-RTDR-012")),
        needs: [.flow(.rtdr)]
    ) { probes in
        IMTCheck.eachRecord(probes, shown: "payment_types") { pointer, attributes in
            guard let list = attributes["payment_types"]?.arrayValue else { return "\(pointer)/payment_types is not a list" }
            let names = list.map { $0.stringValue ?? $0.compactText }
            if let other = names.first(where: { $0 != "ACH" && $0 != "CC" }) {
                return "\(pointer)/payment_types holds \(other), not ACH or CC"
            }
            return Set(names).count == names.count ? nil : "\(pointer)/payment_types names a method twice"
        }
    }

    static let filterHonoured = IMTCheck(
        CheckDefinition(
            id: "IMT-RTDR-001", title: "payments-due lists exactly one resource, the filtered policy's", severity: .recommended,
            source: nil),
        needs: [.flow(.rtdr)]
    ) { probes in
        guard let due = probes.paymentsDue else { return probes.noSession }
        let evidence = probes.evidence(due)
        let account = probes.accounts[.rtdr] ?? ""
        guard case .success(let resources) = IMTCheck.records(due) else { return notACollection }
        let numbers = resources.map { $0.attributes["policy_number"]?.stringValue ?? "(none)" }
        let others = numbers.filter { $0 != account }
        if !others.isEmpty {
            return .violated("the answer lists policies \(others.joined(separator: ", ")) besides \(account)", evidence)
        }
        switch numbers.count {
        case 0: return .violated("no resource for policy \(account)", evidence)
        case 1: return .met("one resource, policy_number \(account)", evidence)
        default:
            return .violated("\(numbers.count) resources for policy \(account): IC cannot tell which balance is right", evidence)
        }
    }

    static let unknownAccount = IMTCheck(
        CheckDefinition(
            id: "IMT-RTDR-013",
            title: "payments-due for a policy the partner does not have answers an empty collection or a 404 error document",
            severity: .recommended, source: nil),
        needs: [.flow(.rtdr)]
    ) { probes in
        guard let unknown = probes.unknownAccount else { return probes.noSession }
        let evidence = probes.evidence(unknown)
        guard let status = unknown.status else { return .violated(unknown.summary, evidence) }
        let document = try? unknown.json.get()
        switch status {
        case 200:
            switch IMTCheck.records(unknown) {
            case .failure(let problem): return .violated(problem.description, evidence)
            case .success(let resources) where resources.isEmpty: return .met("an empty collection", evidence)
            case .success(let resources):
                return .violated("\(resources.count) resources for a policy that does not exist", evidence)
            }
        case 404 where document?["errors"]?.arrayValue != nil:
            return .met("404 with an error document", evidence)
        case 400..<500 where document?["errors"]?.arrayValue != nil:
            return .doubtful("\(unknown.summary): refused, where an empty collection or 404 is expected", evidence)
        default:
            return .violated("\(unknown.summary) without an error document", evidence)
        }
    }

    /// The skip of a check that reads resources the answer does not hold.
    static let notACollection = CheckOutcome.skipped(
        "cannot be judged: the answer is not a payments-due collection (IMT-RTDR-010)")

    /// The resources of a payments-due answer, or what is wrong with the document.
    static func records(_ exchange: CertificationExchange) -> Result<[JSONAPIResource], CheckProblem> {
        let document: JSONValue
        switch exchange.json {
        case .failure(let problem): return .failure(CheckProblem("the body is \(problem)"))
        case .success(let value): document = value
        }
        do {
            let resources = try JSONAPIDocument.collection(in: document)
            for (i, resource) in resources.enumerated() where resource.type != PaymentsDue.type {
                return .failure(CheckProblem("/data/\(i)/type is \"\(resource.type)\", not \"\(PaymentsDue.type)\""))
            }
            return .success(resources)
        } catch {
            return .failure(CheckProblem(error.description))
        }
    }

    /// Judges each resource of the payments-due answer with `problem` (nil: fine).
    static func eachRecord(_ probes: IMTProbes, shown key: String, _ problem: (String, JSONValue) -> String?) -> CheckOutcome {
        guard let due = probes.paymentsDue else { return probes.noSession }
        let evidence = probes.evidence(due)
        guard case .success(let resources) = records(due) else { return notACollection }
        guard !resources.isEmpty else { return .skipped("cannot be judged: the answer lists no resource (IMT-RTDR-001)") }
        let problems = resources.enumerated().compactMap { i, resource in problem("/data/\(i)/attributes", resource.attributes) }
        guard problems.isEmpty else { return .violated(problems.joined(separator: "; "), evidence) }
        let values = resources.map { $0.attributes[key]?.compactText ?? "" }
        return .met("\(key) \(values.joined(separator: ", "))", evidence)
    }
}
