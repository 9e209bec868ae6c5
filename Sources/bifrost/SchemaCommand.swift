import ArgumentParser
import Harness

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of scenario files, generated from the step registry.",
        discussion: """
            Editors check scenarios against it; the shipped suite keeps it as Scenarios/scenario.schema.json:
              swift run bifrost schema > Scenarios/scenario.schema.json
            """)

    func run() throws {
        print(ScenarioSchema.text, terminator: "")
    }
}
