import BifrostTesting
import Foundation
import Harness
import Support
import Testing

/// `conflicts:` in the requirement catalog, and the by-seed and conflicts listings.
struct RequirementConflictsTests {
    func catalog(_ text: String) throws -> RequirementCatalog {
        let folder = try TemporaryFolder("catalog")
        defer { folder.remove() }
        let path = folder.path + "/requirements.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try RequirementCatalog.load(file: path)
    }

    static let text = """
        requirements:
          - id: BIF-COM-006
            seed: 000_a.txt
            section: Field Mapping
            quote: "59 AccountNumber Int"
            conflicts:
              - {seed: 002_b.txt, quote: "alphanumeric", decision: "an option", reason: "both are true"}
          - id: IMT-SET-009
            seed: 000_a.txt
            section: Advanced Settings
            quote: "9 if Applicable"
          - id: IC-INV-003
            seed: 004_c.txt
            section: Invoice Data
            quote: "Account numbers will not change"
        """

    @Test func `a conflict is read with its seed, quote, decision and reason, and listed`() throws {
        let catalog = try catalog(Self.text)
        #expect(catalog.requirements[0].conflicts.map(\.decision) == ["an option"])
        let report = CoverageReport(catalog: catalog, scenarios: [])
        #expect(report.conflictsText.contains("against 002_b.txt: \"alphanumeric\""))
        #expect(report.conflictsText.hasSuffix("1 conflicts between seeds, each decided"))
    }

    @Test func `the catalog decides at least 14 disagreements, each with both quotes, and no false one`() throws {
        let shipped = try RequirementCatalog.load(file: SourceTree.path("Scenarios/requirements.yaml"))
        let conflicts = shipped.requirements.flatMap { requirement in requirement.conflicts.map { (requirement, $0) } }
        #expect(conflicts.count >= 14)
        for (requirement, conflict) in conflicts {
            #expect(!requirement.quote.isEmpty && !conflict.quote.isEmpty && !conflict.decision.isEmpty, "\(requirement.id)")
        }
        // Not disagreements between seeds: seed 004 gives no amount for a D record; the rows of 131 and 32 agree.
        #expect(shipped.requirement("BIF-SPEC-002")?.conflicts.isEmpty == true)
        #expect(shipped.requirement("IMT-SET-032")?.conflicts.isEmpty == true)
        for id in ["BIF-MIPS-003", "PROF-SPEC-005", "IC-CPV2-001", "SSO-IMT-008", "PROF-MIPS-006", "PROF-MIPS-009"] {
            #expect(shipped.requirement(id)?.conflicts.isEmpty == false, "\(id)")
        }
        #expect(
            CoverageReport(catalog: shipped, scenarios: []).conflictsText.hasSuffix(
                "\(conflicts.count) conflicts between seeds, each decided"))
    }

    @Test func `by seed counts each seed's ids and names the uncovered`() throws {
        let report = CoverageReport(catalog: try catalog(Self.text), scenarios: [])
        let lines = report.bySeedText.split(separator: "\n").map(String.init)
        #expect(lines[0] == "000_a.txt  2 ids, 0 covered, 2 uncovered")
        #expect(lines[2] == "    uncovered: BIF-COM-006 IMT-SET-009")
        #expect(lines[3].hasPrefix("004_c.txt  1 ids"))

        // A certification check covers its id, by seed as in the summary.
        let check = CoveringCheck(command: "certify imt", id: "IMT-SET-009", title: "a check")
        let checked = CoverageReport(catalog: try catalog(Self.text), scenarios: [], checks: [check])
        let withCheck = checked.bySeedText.split(separator: "\n").map(String.init)
        #expect(withCheck[0] == "000_a.txt  2 ids, 1 covered, 1 uncovered")
        #expect(withCheck[2] == "    uncovered: BIF-COM-006")
    }

    @Test func `a conflict without its decision is an input error at its position`() throws {
        let broken = Self.text.replacingOccurrences(of: ", decision: \"an option\"", with: "")
        #expect {
            _ = try catalog(broken)
        } throws: { error in
            "\(error)".contains("decision") && "\(error)".contains("requirements.yaml:7:")
        }
    }
}
