import ArgumentParser
import Wire

struct BIFLayoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layout",
        abstract: "Print the standard BIF layout as JSON: the start of a biller's own layout file.")

    func run() async throws { print(BIFLayout.standard.json.prettyText, terminator: "") }
}
