import Partners
public import Support
public import Wire

/// Every verdict Bifrost can give, with what it stands on: each refusal of the mocks (`MockRefusal`) and
/// each check of the certifications (`CheckDefinition`). `bifrost requirements --sources` prints it.
public enum VerdictSourceList {
    /// What is wrong with a source: a requirement id the catalog lacks, or a clause of no known specification.
    public static func problem(of source: VerdictSource, in catalog: RequirementCatalog) -> String? {
        switch source {
        case .requirement(let id):
            return catalog.contains(id) ? nil : "\(id) is not a requirement of \(catalog.file)"
        case .specification(let clause):
            return source.namesKnownSpecification
                ? nil
                : "\"\(clause)\" names none of \(VerdictSource.specifications.joined(separator: ", ")) first"
        }
    }

    /// Every refusal answered without a source, every required check without one, and every source that does not resolve.
    public static func problems(in catalog: RequirementCatalog) -> [String] {
        var found: [String] = []
        for refusal in MockRefusal.all {
            let name = "\(refusal.mock) \(refusal.status) \(refusal.code)"
            if !refusal.refuses && refusal.optIn == nil && refusal.status >= 400 {
                found.append("\(name): refused without a source")
            }
            found += refusal.sources.compactMap { problem(of: $0, in: catalog).map { "\(name): \($0)" } }
        }
        for (command, check) in CheckDefinition.everyCheck {
            if check.severity == .required && check.source == nil {
                found.append("\(command) \(check.id): required without a source")
            }
            if let source = check.source, let problem = problem(of: source, in: catalog) {
                found.append("\(command) \(check.id): \(problem)")
            }
        }
        return found
    }

    /// The list as `requirements --sources` prints it: refusals, warnings, required checks, recommended checks.
    public static func text(catalog: RequirementCatalog) -> String {
        var lines: [String] = []
        func sourceLines(_ sources: [VerdictSource]) -> [String] {
            sources.map { source in
                guard let id = source.requirementID, let requirement = catalog.requirement(id) else {
                    return "      source: \(source)"
                }
                return "      source: \(id) (\(requirement.seed), \(requirement.section)): \"\(requirement.quote)\""
            }
        }
        let refusals = MockRefusal.all.filter(\.refuses)
        lines.append("Mock refusals (\(refusals.count)): each 4xx answer and SOAP Fault, with the source that makes it binding")
        for refusal in refusals {
            lines.append("  \(refusal.mock) \(refusal.status) \(refusal.code)  (\(refusal.file))")
            lines.append("      \(refusal.rule)")
            lines += sourceLines(refusal.sources)
        }
        let warnings = MockRefusal.all.filter { !$0.refuses }
        lines.append("")
        lines.append("Accepted with a warning (\(warnings.count)): rules no seed sentence or specification states")
        for warning in warnings {
            lines.append("  \(warning.mock) \(warning.code)  (\(warning.file))")
            lines.append("      \(warning.rule)")
            if let optIn = warning.optIn { lines.append("      refused only with \(optIn)") }
        }
        let checks = CheckDefinition.everyCheck
        let required = checks.filter { $0.definition.severity == .required }
        lines.append("")
        lines.append("Required checks (\(required.count)): a violation fails the certification")
        for (command, check) in required {
            lines.append("  \(command)  \(check.id)  \(check.title)")
            lines += sourceLines(check.source.map { [$0] } ?? [])
        }
        let recommended = checks.filter { $0.definition.severity == .recommended }
        lines.append("")
        lines.append("Recommended checks (\(recommended.count)): a violation warns")
        for (command, check) in recommended {
            lines.append("  \(command)  \(check.id)  \(check.title)")
            lines.append(
                check.source.map { "      preferred by: \($0)" } ?? "      no source: no seed sentence or specification states it"
            )
        }
        let problems = problems(in: catalog)
        lines.append("")
        lines.append(
            problems.isEmpty
                ? "every refusal and every required check names a source"
                : "\(problems.count) without a valid source:\n" + problems.map { "  " + $0 }.joined(separator: "\n"))
        return lines.joined(separator: "\n")
    }
}
