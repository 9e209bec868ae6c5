import BifrostTesting
import Foundation
import Harness
import Support
import Testing
import Wire

@testable import Certification

/// The check catalog and the files a partner writes: declarations and expected failures.
@Suite struct CertificationModelTests {
    /// Every check of every kind: `certify imt`, `certify ic`, `certify bif` (every profile's rules) and the client checks.
    static let families: [(name: String, definitions: [CheckDefinition])] = [
        ("certify imt", IMTCheck.definitions), ("certify ic", ICCheck.definitions), ("certify bif", BIFCheck.definitions),
        ("serve imt --certify", ClientCheck.imtDefinitions), ("serve ic --certify", ClientCheck.icDefinitions),
    ]

    @Test func `every check's requirement id is in the catalog, with its seed, section and a quote`() throws {
        #expect(BIFCheck.definitions.count == BIFRule.all.count)
        for (name, definitions) in Self.families {
            #expect(Set(definitions.map(\.id)).count == definitions.count, "\(name) lists an id twice")
            for check in definitions {
                let requirement = try #require(check.requirement, "\(name): \(check.id) is not in the catalog")
                #expect(!requirement.quote.isEmpty && check.quote == requirement.quote, "\(check.id)")
                #expect(!check.seed.isEmpty && !check.section.isEmpty, "\(check.id)")
            }
        }
    }

    @Test func `the catalog built into the program is Scenarios/requirements.yaml`() throws {
        let built = try RequirementCatalog.shippedResult.get()
        let file = try RequirementCatalog.load(file: SourceTree.path("Scenarios/requirements.yaml"))
        #expect(built.requirements == file.requirements)
    }

    @Test func `certification checks count as requirement coverage`() throws {
        let catalog = try RequirementCatalog.load(file: SourceTree.path("Scenarios/requirements.yaml"))
        let coverage = CoverageReport(catalog: catalog, scenarios: [], checks: CheckDefinition.covering)
        #expect(!coverage.uncovered.contains("IMT-SESS-006"))
        #expect(coverage.uncovered.contains("BIF-COM-001"))
        #expect(CoverageReport(catalog: catalog, scenarios: [], checks: []).uncovered.contains("IMT-SESS-006"))
    }

    @Test func `an expected failure naming no check is refused at its position`() {
        do {
            _ = try ExpectedFailures.load(
                text: "expected_failures:\n  - id: IMT-NOPE-001\n    reason: x\n", file: "x.yaml",
                knownIDs: IMTCertification.checkIDs)
            Issue.record("loaded")
        } catch {
            #expect(error.description.hasPrefix("x.yaml:2:9: no check has the id 'IMT-NOPE-001'"))
        }
    }

    @Test func `an expected failure without a reason is refused`() {
        do {
            _ = try ExpectedFailures.load(
                text: "expected_failures:\n  - id: IMT-SESS-007\n", file: "x.yaml", knownIDs: IMTCertification.checkIDs)
            Issue.record("loaded")
        } catch {
            #expect(error.description == "x.yaml:2:5: an expected failure needs 'reason'")
        }
    }

    @Test func `a declaration with an unknown flow or key is refused at its position`() {
        for (text, message) in [
            (
                "flows: [rtdr, sso]\n",
                "declaration.yaml:1:15: unknown flow 'sso'; expected one of: rtdr, pdf-linking, payments, paperless, autopay"
            ),
            ("flow: [rtdr]\n", "declaration.yaml:1:1: unknown key 'flow' in a partner declaration"),
            ("accounts: {blocked: \"1\"}\n", "declaration.yaml:1:12: unknown account case 'blocked'"),
            (
                "multi_environment: true\n",
                "declaration.yaml:1:20: multi_environment: true needs the further environments under environments:"
            ),
            ("flows: [rtdr\n", "declaration.yaml:2:1: YAML syntax error"),
        ] {
            do {
                _ = try IMTDeclaration.load(text: text, file: "declaration.yaml")
                Issue.record("loaded \(text)")
            } catch {
                #expect(error.description.hasPrefix(message), "\(error.description)")
            }
        }
    }

    @Test func `a declaration reads its flows, accounts and environments`() throws {
        let declaration = try IMTDeclaration.load(
            text: """
                partner: Example Mutual
                flows: [rtdr, payments]
                blocked_flags: true
                accounts: {unknown: "0000", cc_blocked: "42"}
                environments: [{auth_url: "https://a.example/api", api_url: "https://b.example/api", account: "7"}]
                """, file: "d.yaml")
        #expect(declaration.partner == "Example Mutual")
        #expect(declaration.flows == [.rtdr, .payments])
        #expect(declaration.blockedFlags)
        #expect(declaration.accounts == [.unknown: "0000", .ccBlocked: "42"])
        #expect(declaration.environments.map(\.account) == ["7"])
    }
}
