import BifrostTesting
import Foundation
import Testing

/// The command printed beside a scenario that did not pass runs it as the run did: same golden files, same outcome.
@Suite struct RerunHintTests {
    static func scenario(name: String) -> String {
        """
        name: \(name)
        profile: imt-mips-apps
        clock: 2024-11-18T17:05:28Z
        steps:
          - validate-settings: {}
        expect:
          golden: [result]

        """
    }

    /// The command beside `label` under "Not passed", as words (the test's paths need no quoting).
    static func hint(for label: String, in output: String) throws -> [String] {
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("  FAIL  \(label)    ") })
        let command = line.components(separatedBy: "    ").last ?? ""
        return command.split(separator: " ").map(String.init)
    }

    @Test(arguments: [true, false])
    func `the hint keeps --golden and --repeat, and running it gives the same difference, not a missing golden file`(
        withCatalog: Bool
    ) async throws {
        let folder = try TemporaryFolder("rerun")
        defer { folder.remove() }
        if withCatalog { try folder.write("requirements: []\n", to: "suite/requirements.yaml") }
        try folder.write(Self.scenario(name: "recorded"), to: "suite/sub/case.yaml")
        let recorded = try await BifrostExecutable.run(
            ["run", "suite", "--golden", "shared-golden", "--update"], environment: ["CI": "false"], in: folder.path)
        #expect(recorded.status == 0, "\(recorded.output)")
        try folder.write(Self.scenario(name: "changed"), to: "suite/sub/case.yaml")

        let failed = try await BifrostExecutable.run(
            ["run", "suite", "--golden", "shared-golden", "--repeat", "2"], environment: ["CI": "true"], in: folder.path)
        #expect(failed.status == 1)
        let words = try Self.hint(for: "sub/case#1", in: failed.output)
        let expected =
            withCatalog
            ? ["bifrost", "run", "suite/sub/case.yaml", "--golden", "shared-golden", "--repeat", "2"]
            : ["bifrost", "run", "suite", "--filter", "sub/case", "--golden", "shared-golden", "--repeat", "2"]
        #expect(words == expected)

        let rerun = try await BifrostExecutable.run(Array(words.dropFirst()), environment: ["CI": "true"], in: folder.path)
        #expect(rerun.status == 1)
        #expect(rerun.output.contains(#"$.scenario: expected "recorded", got "changed""#), "\(rerun.output)")
        #expect(!rerun.output.contains("missing golden file"))
        #expect(try folder.contents() == ["shared-golden", "suite"])
    }
}
