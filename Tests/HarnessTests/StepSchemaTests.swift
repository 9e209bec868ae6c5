import Foundation
import Support
import Testing
import Yams

@testable import Harness

/// Each step kind reads its node with the members its schema lists: the two cannot drift.
@Suite struct StepSchemaTests {
    /// The names of the registered kinds, one test case each.
    static let keys = StepRegistry.keys

    @Test(arguments: keys)
    func `a step kind refuses a member its schema does not list, naming exactly the schema's members`(_ key: String) throws {
        let kind = try #require(StepRegistry.kind(named: key))
        let message = try #require(load(kind, members: ["not_a_member"]))
        #expect(message.hasPrefix("unknown key 'not_a_member'"))
        #expect(message.hasSuffix("expected one of: " + kind.schema.allowed.joined(separator: ", ")))
    }

    @Test(arguments: keys)
    func `a step kind requires exactly the members its schema marks required`(_ key: String) throws {
        let kind = try #require(StepRegistry.kind(named: key))
        for member in kind.schema.members {
            // Every other member given (with a value that need not be valid): only this one can be missing.
            let others = kind.schema.allowed.filter { $0 != member.name }
            let missing = load(kind, members: others)?.hasSuffix("needs '\(member.name)'") ?? false
            #expect(missing == member.isRequired, "\(key).\(member.name)")
        }
    }

    @Test func `every step kind describes itself and each of its members`() {
        for kind in StepRegistry.kinds {
            #expect(!kind.schema.description.isEmpty, "\(kind.key)")
            for member in kind.schema.members { #expect(!member.description.isEmpty, "\(kind.key).\(member.name)") }
        }
    }

    /// Reads `{member: x, ...}` as a step of `kind`; the error's message, or nil when it loads.
    func load(_ kind: any StepKind.Type, members: [String]) -> String? {
        let reader = YAMLReader(file: "case.yaml")
        guard let clock = ScenarioClock("2024-09-03T00:00:00Z") else { return "no clock" }
        var loading = StepLoading(reader: reader, profile: .imtSpectrum, clock: clock, files: ["x"])
        let text = "{" + members.map { "\($0): x" }.joined(separator: ", ") + "}"
        do {
            _ = try kind.init(from: try reader.root(of: text), loading: &loading)
            return nil
        } catch {
            return error.message
        }
    }
}
