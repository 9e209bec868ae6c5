import Wire

/// The contract checks: the endpoint's WSDL (`?wsdl`) against the mock IC's.
extension ICCheck {
    static let wsdlOperations = ICCheck(
        CheckDefinition(
            id: "IC-WSDL-001", title: "the WSDL offers every operation the mock IC serves, with the mock's SOAPAction",
            severity: .required, source: .requirement("IC-WSDL-001"))
    ) { probes in
        let evidence = probes.evidence([probes.wsdl].compactMap { $0 })
        let contract: WSDLContract
        switch probes.contract {
        case .failure(let problem): return .violated("the WSDL: \(problem)", evidence)
        case .success(let read): contract = read
        }
        let mock = ICProbes.mockContract
        var differences: [String] = []
        for operation in mock.operations {
            guard contract.operations.contains(operation) else {
                differences.append("\(operation): not an operation of the endpoint's port type")
                continue
            }
            let action = mock.soapActions[operation] ?? ""
            if let theirs = contract.soapActions[operation], theirs != action {
                differences.append("\(operation): SOAPAction \"\(theirs)\", the mock's \"\(action)\"")
            } else if contract.soapActions[operation] == nil {
                differences.append("\(operation): in no SOAP 1.1 binding")
            }
        }
        guard differences.isEmpty else {
            return .violated(
                "\(differences.count) of the mock's \(mock.operations.count) operations differ: \(differences.joined(separator: "; "))",
                evidence + [CheckEvidence(label: "differences by operation", findings: differences)])
        }
        let extra = contract.operations.filter { !mock.operations.contains($0) }
        return .met(
            "all \(mock.operations.count) operations of the mock offered"
                + (extra.isEmpty ? "" : "; \(extra.count) more the mock does not serve: \(extra.joined(separator: ", "))"),
            evidence)
    }

    static let wsdlMessages = ICCheck(
        CheckDefinition(
            id: "IC-RPT-007",
            title: "each operation's request and response elements are the mock's: names, nesting and XSD types",
            severity: .recommended, source: nil)
    ) { probes in
        let evidence = probes.evidence([probes.wsdl].compactMap { $0 })
        guard case .success(let contract) = probes.contract else { return .skipped("no WSDL to read: see IC-WSDL-001") }
        let mock = ICProbes.mockContract
        var differences: [String] = []
        var extras: [String] = []
        if contract.targetNamespace != mock.targetNamespace {
            differences.append("targetNamespace \"\(contract.targetNamespace)\", the mock's \"\(mock.targetNamespace)\"")
        }
        let compared = mock.operations.filter { contract.operations.contains($0) }
        for operation in compared {
            let ours = mock.shapes[operation] ?? [:]
            let theirs = contract.shapes[operation] ?? [:]
            for (path, type) in ours.sorted(by: { $0.key < $1.key }) {
                if let other = theirs[path] {
                    if other != type { differences.append("\(path): type \(other) at the endpoint, \(type) in the mock") }
                } else {
                    differences.append("\(path) (\(type)): missing at the endpoint")
                }
            }
            extras += theirs.keys.filter { ours[$0] == nil }.sorted().map { "\($0) (\(theirs[$0] ?? "")): only at the endpoint" }
        }
        let lists = [CheckEvidence(label: "differences by operation and element", findings: differences + extras)]
        guard differences.isEmpty else {
            return .violated(
                "\(differences.count) of the mock's elements differ in \(compared.count) operations; first: \(differences[0])",
                evidence + lists)
        }
        guard extras.isEmpty else {
            return .doubtful(
                "the mock's elements all match; \(extras.count) more at the endpoint the mock lacks; first: \(extras[0])",
                evidence + lists)
        }
        return .met("the request and response elements of \(compared.count) operations match the mock's", evidence)
    }
}
