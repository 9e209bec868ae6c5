import ArgumentParser
import Certification
import Harness
import Support

struct RequirementsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requirements",
        abstract: "List each requirement id with the scenarios covering it.",
        discussion:
            "--by-seed groups the ids by seed; --conflicts lists the disagreements between seeds and their decisions; --sources lists every refusal of the mocks and every check of the certifications with the requirement or specification clause it stands on. Exit status: 0 every id covered (with --sources: every refusal and required check sourced), 1 otherwise, 2 an input error."
    )

    @Argument(help: "The suite folder holding requirements.yaml.")
    var suite: String = "Scenarios"

    @Flag(help: "Per seed: its ids, how many are covered, and the uncovered ones.")
    var bySeed = false

    @Flag(help: "The requirements another seed contradicts, with Bifrost's decision and its reason.")
    var conflicts = false

    @Flag(help: "Every refusal of the mocks and every certification check, with the source it stands on.")
    var sources = false

    func run() async throws {
        let loaded: Suite
        do {
            loaded = try await Suite.loadInParallel(paths: [suite])
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
        guard let catalog = loaded.catalog else {
            printError("\(suite): no \(RequirementCatalog.fileName) in the suite root \(loaded.root)")
            throw ExitCode(2)
        }
        if sources {
            print(VerdictSourceList.text(catalog: catalog))
            if !VerdictSourceList.problems(in: catalog).isEmpty { throw ExitCode(1) }
            return
        }
        let report = CoverageReport(catalog: catalog, scenarios: loaded.scenarios, checks: CheckDefinition.covering)
        print(conflicts ? report.conflictsText : bySeed ? report.bySeedText : report.text)
        if !report.uncovered.isEmpty { throw ExitCode(1) }
    }
}
