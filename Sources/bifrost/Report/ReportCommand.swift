import ArgumentParser

/// `bifrost report`: work on the reports runs wrote.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Work on the reports of runs: merge a CI matrix's shards into one report.",
        subcommands: [ReportMergeCommand.self])
}
