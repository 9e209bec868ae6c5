import BifrostTesting
import Foundation
import Support
import Testing
import Wire

@testable import Harness

/// The scenario JSON Schema: generated from the loader's tables and the step registry, committed
/// beside the suite, and refusing what the loader refuses.
@Suite struct ScenarioSchemaTests {
    static let committedFile = "Scenarios/" + ScenarioSchema.fileName
    static let validator = SchemaValidator(schema: ScenarioSchema.document)

    /// A scenario the loader takes, touching the top-level keys, both state blocks and several steps.
    static let valid = """
        name: schema example
        profile: imt-spectrum
        covers: [IMT-RTDR-001]
        clock: 2024-09-03T00:00:00Z
        settings: {88: "{imt.auth}/sessions/", 8: "{imt.api}/", 9: u, 10: pw, 32: true}
        environments: {"252": 1}
        imt:
          users: {u: pw}
          policies: [{policy_number: "1", current_due: 12.50, payment_types: [ACH], allow_payments: true}]
          faults:
            - {route: "GET /payments-due/", status: 500, times: 1}
            - {expire_session_after: 2}
        ic:
          billers: [{guid: g-1, key: k-1, profile: imt-spectrum}]
          payments: [{id: P1, account: "1", invoice: I1, amount: "10.00", method: CC, date: "2024-09-03T01:00:00Z"}]
        files:
          a.bif: |
            FH|x
        steps:
          - rtdr: {account: "1"}
          - spectrum-poll: {hours: 24, soap: 1.2, operations: {payments: PaymentReportingDataSetFromGMT}, every: {payments: 1}}
          - bif-validate: {file: a.bif}
          - reconcile: {}
        expect:
          golden: [journal, result, ic.state]

        """

    @Test func `the committed schema is what bifrost schema generates now`() throws {
        let committed = try? SourceTree.text(Self.committedFile)
        let hint = "\(Self.committedFile) is out of date: run `swift run bifrost schema > \(Self.committedFile)`"
        #expect(committed == ScenarioSchema.text, "\(hint)")
    }

    @Test func `every shipped scenario loads and conforms to the schema`() throws {
        let suite = try Suite.load(paths: [SourceTree.path("Scenarios")])
        #expect(suite.unloadable.map(\.file) == [])
        #expect(suite.scenarios.count > 1)
        for scenario in suite.scenarios {
            let document = try JSONValue(yaml: try String(contentsOfFile: scenario.file, encoding: .utf8))
            #expect(Self.validator.violations(of: document) == [], "\(scenario.relativePath)")
        }
    }

    @Test func `the example scenario loads and conforms to the schema`() throws {
        #expect(try load(Self.valid) == nil)
        #expect(Self.validator.violations(of: try JSONValue(yaml: Self.valid)) == [])
    }

    /// A change to the example that the loader refuses, and a word the schema's refusal names.
    struct Refusal: Sendable, CustomTestStringConvertible {
        var change: String
        var from: String
        var to: String
        var names: String
        var testDescription: String { change }

        init(_ change: String, _ from: String, _ to: String, names: String) {
            (self.change, self.from, self.to, self.names) = (change, from, to, names)
        }
    }

    static let refusals: [Refusal] = [
        Refusal("an unknown top-level key", "name: schema example", "name: schema example\ncolour: blue", names: "colour"),
        Refusal("a missing top-level key", "clock: 2024-09-03T00:00:00Z\n", "", names: "clock"),
        Refusal("an unknown profile", "profile: imt-spectrum", "profile: imt-atlantis", names: "profile"),
        Refusal("an unknown step", "- rtdr: {account: \"1\"}", "- teleport: {account: \"1\"}", names: "teleport"),
        Refusal("two steps in one", "- reconcile: {}", "- {reconcile: {}, validate-settings: {}}", names: "steps[3]"),
        Refusal(
            "an unknown member of a step", "- rtdr: {account: \"1\"}", "- rtdr: {account: \"1\", acount: \"2\"}", names: "acount"),
        Refusal(
            "a missing required member of a step", "- rtdr: {account: \"1\"}", "- rtdr: {invoice_type: \"252\"}", names: "account"
        ),
        Refusal("a step that is not a mapping", "- reconcile: {}", "- reconcile: []", names: "reconcile"),
        Refusal("a count that is not a number", "hours: 24", "hours: many", names: "hours"),
        Refusal("an unknown SOAP version", "soap: 1.2", "soap: 1.3", names: "soap"),
        Refusal("an unknown report of a poll", "every: {payments: 1}", "every: {refunds: 1}", names: "refunds"),
        Refusal("an unknown key of the imt block", "  users: {u: pw}", "  users: {u: pw}\n  colour: blue", names: "colour"),
        Refusal("an unknown member of a fault", "status: 500, times: 1", "status: 500, tries: 1", names: "tries"),
        Refusal(
            "a biller without its key", "{guid: g-1, key: k-1, profile: imt-spectrum}", "{guid: g-1, profile: imt-spectrum}",
            names: "key"),
        Refusal("an environment beyond the second", "{\"252\": 1}", "{\"252\": 3}", names: "252"),
        Refusal("an unknown member of expect", "  golden: [journal", "  compare: [journal", names: "compare"),
    ]

    @Test(arguments: refusals)
    func `a document the loader refuses, the schema refuses too`(_ refusal: Refusal) throws {
        #expect(Self.valid.contains(refusal.from), "the example holds \(refusal.from)")
        let text = Self.valid.replacingOccurrences(of: refusal.from, with: refusal.to)
        #expect(try load(text) != nil, "the loader refuses \(refusal.change)")
        let violations = Self.validator.violations(of: try JSONValue(yaml: text))
        #expect(violations.contains { $0.contains(refusal.names) }, "the schema refuses \(refusal.change): \(violations)")
    }

    @Test func `the schema lists every registered step kind, each with its members`() {
        // steps and each step may also be a table's placeholder: the first alternative is the value's own schema.
        let steps = ScenarioSchema.document["properties"]?["steps"]?["oneOf"]?.arrayValue?.first
        let step = steps?["items"]?["oneOf"]?.arrayValue?.first
        let alternatives = step?["oneOf"]?.arrayValue ?? []
        let keys = alternatives.compactMap { $0["required"]?.arrayValue?.first?.stringValue }
        #expect(keys == StepRegistry.keys)
        for (kind, alternative) in zip(StepRegistry.kinds, alternatives) {
            let body = alternative["properties"]?[kind.key]?["oneOf"]?.arrayValue?.first
            let members = body?["properties"]?.objectValue?.map(\.key) ?? []
            #expect(members == kind.schema.allowed, "\(kind.key)")
        }
    }

    @Test func `every member the schema lists has a description`() {
        #expect(Self.undescribed(in: ScenarioSchema.document, at: "$") == [])
    }

    @Test func `the schema keeps to the subset the test validator checks`() {
        #expect(SchemaValidator.unsupportedKeywords(in: ScenarioSchema.document) == [])
    }

    /// Loads `text` as a scenario file; the first error's message, or nil when it loads.
    func load(_ text: String) throws -> String? {
        let folder = try TemporaryFolder("schema")
        defer { folder.remove() }
        let file = try folder.write(text, to: "case.yaml")
        do {
            _ = try ScenarioLoader.load(file: file, suiteRoot: folder.path)
            return nil
        } catch {
            return error.errors.first?.message ?? "refused"
        }
    }

    /// The paths of properties without a description, in `schema` and the schemas inside it.
    static func undescribed(in schema: JSONValue, at path: String) -> [String] {
        var found: [String] = []
        for property in schema["properties"]?.objectValue ?? [] {
            let inner = "\(path).\(property.key)"
            if (property.value["description"]?.stringValue ?? "").isEmpty { found.append(inner) }
            found += undescribed(in: property.value, at: inner)
        }
        for key in ["items", "additionalProperties"] { found += schema[key].map { undescribed(in: $0, at: path + "[]") } ?? [] }
        for alternative in schema["oneOf"]?.arrayValue ?? [] { found += undescribed(in: alternative, at: path) }
        return found
    }
}
