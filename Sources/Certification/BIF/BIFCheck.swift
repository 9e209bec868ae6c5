import Support
public import Wire

/// A BIF rule as a check of `certify bif`: its definition, and the verdict from the findings of that rule.
public struct BIFCheck: Sendable {
    public var rule: BIFRule
    public var definition: CheckDefinition

    /// The check of `rule`: required when the rule is an error, since IC refuses a file that breaks one,
    /// and stands on its requirement; recommended when its findings are warnings (`BIFRule.warns`).
    init(_ rule: BIFRule) {
        self.rule = rule
        definition =
            rule.warns
            ? CheckDefinition.recommended(rule.id, rule.statement)
            : CheckDefinition.required(rule.id, rule.statement, source: .requirement(rule.id))
    }

    /// The checks of a profile: the common rules, then the profile's own, in catalog order.
    public static func all(for profile: BIFProfile) -> [BIFCheck] { rules(for: profile).map(BIFCheck.init) }

    /// Every BIF check of every profile.
    public static var definitions: [CheckDefinition] { BIFRule.all.map { BIFCheck($0).definition } }

    /// The rules a profile applies: `BIF-COM-…` always, `BIF-MIPS-…` or `BIF-SPEC-…` with their profile.
    static func rules(for profile: BIFProfile) -> [BIFRule] {
        let own =
            switch profile {
            case .common: "BIF-COM-"
            case .imtMipsApps: "BIF-MIPS-"
            case .imtSpectrum: "BIF-SPEC-"
            }
        return BIFRule.all.filter { $0.id.hasPrefix("BIF-COM-") || $0.id.hasPrefix(own) }
    }

    /// PASS when no file has a finding of the rule; otherwise FAIL (a warning finding only: WARN), with each file's findings.
    func judge(_ files: [BIFFileFindings]) -> CheckOutcome {
        let hit = files.filter { $0.count(of: rule.id) > 0 }
        let invoices = files.reduce(0) { $0 + $1.invoices }
        guard !hit.isEmpty else {
            return .met("no finding in \(Self.plural(files.count, "file")) (\(Self.plural(invoices, "invoice")))")
        }
        let total = hit.reduce(0) { $0 + $1.count(of: rule.id) }
        let perFile = hit.map { "\($0.file): \($0.count(of: rule.id))" }.joined(separator: ", ")
        let message =
            "\(Self.plural(total, "finding")) in \(hit.count) of \(Self.plural(files.count, "file")) (\(perFile)); first: \(hit[0].first(of: rule.id) ?? "")"
        let evidence = hit.map { CheckEvidence(label: $0.file, findings: $0.shown(of: rule.id)) }
        let onlyWarnings = hit.allSatisfy { $0.errors(of: rule.id) == 0 }
        return onlyWarnings ? .doubtful(message, evidence) : .violated(message, evidence)
    }

    static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
