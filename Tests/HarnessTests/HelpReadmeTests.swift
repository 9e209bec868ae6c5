import BifrostTesting
import Foundation
import Testing
import Transport
import Wire

/// The README's command table and the command line's own help: every option a command takes
/// is in its row, and every option a row names is one the command takes.
@Suite struct HelpReadmeTests {
    /// A command of the command line with its long options, as `--experimental-dump-help` lists them.
    struct Command {
        var path: String
        var options: Set<String>
    }

    /// Every command that has no subcommands, from the binary's own help.
    static func commands() async throws -> [Command] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(ServeTests.bifrost))
        process.arguments = ["--experimental-dump-help"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = await BlockingPool.run { () -> Data in
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return data
        }
        var commands: [Command] = []
        func walk(_ command: JSONValue, _ path: String) {
            guard case .array(let subcommands)? = command["subcommands"], !subcommands.isEmpty else {
                var options = Set<String>()
                if case .array(let arguments)? = command["arguments"] {
                    for argument in arguments {
                        guard case .array(let names)? = argument["names"] else { continue }
                        for name in names where name["kind"] == "long" { options.insert(name["name"]?.stringValue ?? "") }
                    }
                }
                commands.append(Command(path: path, options: options.subtracting(["help", "version"])))
                return
            }
            for subcommand in subcommands where subcommand["commandName"] != "help" {
                walk(subcommand, path + " " + (subcommand["commandName"]?.stringValue ?? ""))
            }
        }
        walk(try #require(try JSONParser.parse(Array(data))["command"]), "bifrost")
        return commands
    }

    /// The README's rows for `bifrost …` commands, by the command path they start with.
    static func readmeRows() throws -> [(path: String, row: String)] {
        try SourceTree.text("README.md").split(separator: "\n").compactMap { line in
            guard line.hasPrefix("| `bifrost ") else { return nil }
            let usage = line.dropFirst(3).prefix { $0 != "`" }
            let path = usage.split(separator: " ").prefix { !$0.hasPrefix("-") && !$0.hasPrefix("[") && $0.uppercased() != $0 }
            return (path.joined(separator: " "), String(line))
        }
    }

    /// The `--options` a README row names.
    static func options(in row: String) -> Set<String> {
        var found = Set<String>()
        var rest = Substring(row)
        while let start = rest.range(of: "--") {
            let name = rest[start.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" }
            if !name.isEmpty { found.insert(String(name)) }
            rest = rest[start.upperBound...]
        }
        return found
    }

    @Test
    func `each command's options are in its README row, and the row names no option the command lacks`() async throws {
        let rows = try Self.readmeRows()
        for command in try await Self.commands() {
            let matching = rows.filter { $0.path == command.path }
            #expect(matching.count == 1, "README rows for \(command.path): \(matching.count)")
            guard let row = matching.first?.row else { continue }
            let named = Self.options(in: row).subtracting(["version"])
            #expect(
                command.options.subtracting(named).isEmpty,
                "\(command.path): missing from README: \(command.options.subtracting(named).sorted())")
            #expect(
                named.subtracting(command.options).isEmpty,
                "\(command.path): README names \(named.subtracting(command.options).sorted())")
        }
    }

    @Test func `the README stays a five-minute read, and every page it links to exists`() throws {
        let readme = try SourceTree.text("README.md")
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(lines <= 250, "README.md has \(lines) lines; the reference belongs in docs/")
        var rest = Substring(readme)
        while let open = rest.range(of: "](") {
            let target = rest[open.upperBound...].prefix { $0 != ")" && $0 != "#" }
            rest = rest[open.upperBound...]
            guard !target.isEmpty, !target.hasPrefix("http") else { continue }
            #expect(FileManager.default.fileExists(atPath: SourceTree.path(String(target))), "README links to \(target)")
        }
    }

    @Test func `every command's help reads cleanly: no line ends in a backslash, no option states its default twice`()
        async throws
    {
        for command in try await Self.commands() {
            let arguments = command.path.split(separator: " ").dropFirst().map(String.init) + ["--help"]
            let help = try await BifrostExecutable.run(arguments).output
            #expect(help.contains("USAGE:"), "\(command.path) --help")
            for line in help.split(separator: "\n") {
                #expect(!line.hasSuffix("\\"), "\(command.path) --help: \(line)")
            }
            // One option's text, however it wraps, runs to the next option.
            let unwrapped = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for option in unwrapped.components(separatedBy: " --") {
                let defaults = option.components(separatedBy: "(default:").count - 1 + (option.contains("by default") ? 1 : 0)
                #expect(defaults <= 1, "\(command.path) --help: --\(option)")
            }
        }
    }
}
