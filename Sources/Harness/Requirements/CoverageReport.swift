/// Which scenarios cover each requirement of the catalog.
public struct CoverageReport: Sendable {
    public var rows: [(requirement: RequirementCatalog.Requirement, scenarios: [String])]

    public init(catalog: RequirementCatalog, scenarios: [Scenario]) {
        rows = catalog.requirements.map { requirement in
            (requirement, scenarios.filter { $0.covers.contains { $0.value == requirement.id } }.map(\.relativePath))
        }
    }

    public var uncovered: [String] { rows.filter { $0.scenarios.isEmpty }.map(\.requirement.id) }

    /// One line per requirement, then its covering scenarios indented, then a summary line.
    public var text: String {
        var lines: [String] = []
        for row in rows {
            lines.append(
                "\(row.requirement.id)  \(row.requirement.seed)  \(row.requirement.section)\(row.scenarios.isEmpty ? "  UNCOVERED" : "")"
            )
            lines += row.scenarios.map { "    \($0)" }
        }
        lines.append("\(rows.count) requirements, \(rows.count - uncovered.count) covered, \(uncovered.count) uncovered")
        return lines.joined(separator: "\n")
    }
}

extension CoverageReport {
    /// The coverage of the suite's catalog by its loaded scenarios; nil when the suite has no catalog.
    public init?(suite: Suite) {
        guard let catalog = suite.catalog else { return nil }
        self.init(catalog: catalog, scenarios: suite.scenarios)
    }
}
