import ArgumentParser
import Certification
import Harness
import Support

struct RequirementsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requirements",
        abstract: "List each requirement id with the scenarios covering it.",
        discussion:
            "--by-seed groups the ids by seed; --conflicts lists the disagreements between seeds and their decisions. Exit status: 0 every id covered, 1 an id uncovered, 2 an input error."
    )

    @Argument(help: "The suite folder holding requirements.yaml.")
    var suite: String = "Scenarios"

    @Flag(help: "Per seed: its ids, how many are covered, and the uncovered ones.")
    var bySeed = false

    @Flag(help: "The requirements another seed contradicts, with Bifrost's decision and its reason.")
    var conflicts = false

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
        let report = CoverageReport(catalog: catalog, scenarios: loaded.scenarios, checks: CheckDefinition.covering)
        print(conflicts ? report.conflictsText : bySeed ? report.bySeedText : report.text)
        if !report.uncovered.isEmpty { throw ExitCode(1) }
    }
}
