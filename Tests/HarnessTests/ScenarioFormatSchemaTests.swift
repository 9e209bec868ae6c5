import BifrostTesting
import Foundation
import Support
import Testing
import Wire

@testable import Harness

/// The schema's patterns against the loader: each value of a checked shape that the loader takes,
/// the schema takes; each that the loader refuses, the schema refuses at the same member.
@Suite struct ScenarioFormatSchemaTests {
    static let validator = SchemaValidator(schema: ScenarioSchema.document)

    /// A member of a checked shape: a scenario with `VALUE` where the member's value goes, values both take, values both refuse.
    struct Member: Sendable, CustomTestStringConvertible {
        var name: String
        var document: String
        var accepted: [String]
        var refused: [String]
        var testDescription: String { name }
    }

    /// A scenario around `steps` and `extra` top-level text, its clock `clock`.
    static func scenario(
        clock: String = "2024-09-03T00:00:00Z", extra: String = "", steps: String = "  - reconcile: {}"
    )
        -> String
    {
        "name: formats\nprofile: imt-spectrum\nclock: \(clock)\n\(extra)steps:\n\(steps)\n"
    }

    static let icState = """
        ic:
          billers: [{guid: g-1, key: k-1, profile: imt-spectrum}]
          payments:
            - {id: P1, account: "1", invoice: I1, amount: AMOUNT, method: ACH, date: DATE}
          ach_rejects:
            - {payment: P1, code: CODE, date: "2024-09-05T15:00:00Z"}

        """

    static func ic(amount: String = "\"10.00\"", date: String = "\"2024-09-03T01:00:00Z\"", code: String = "R01") -> String {
        icState.replacingOccurrences(of: "AMOUNT", with: amount).replacingOccurrences(of: "DATE", with: date)
            .replacingOccurrences(of: "CODE", with: code)
    }

    static let members: [Member] = [
        Member(
            name: "clock", document: scenario(clock: "VALUE"),
            accepted: ["2024-11-18T17:05:28Z", "2024-11-18T11:05:28.250-06:00", "\"2024-11-18T17:05:28+01:00\""],
            refused: [
                "yesterday", "2024-11-18", "2024-11-18T17:05:28", "\"2024-11-18 17:05:28Z\"", "2024-13-18T17:05:28Z",
                "2024-11-18T17:05:28+0100", "1731949528",
            ]),
        Member(
            name: "timeout", document: scenario(extra: "timeout: VALUE\n"), accepted: ["500ms", "2s", "\"10s\""],
            refused: ["soon", "0s", "5", "1.5s", "2m", "-1s", "\"\""]),
        Member(
            name: "timeout", document: scenario(steps: "  - run: {command: \"true\", timeout: VALUE}"),
            accepted: ["250ms", "30s"], refused: ["later", "0ms", "30", "30 s"]),
        Member(
            name: "amount", document: scenario(extra: ic(amount: "VALUE")), accepted: ["\"10.00\"", "10.5", "12", "\"-3.25\""],
            refused: ["ten", "\"1,000.00\"", "\"$5\"", "\"10.\"", "true"]),
        Member(
            name: "date", document: scenario(extra: ic(date: "VALUE")),
            accepted: ["\"2024-09-03T01:00:00Z\"", "2024-09-03T01:00:00-05:00"],
            refused: ["\"2024-09-03\"", "yesterday", "\"2024-09-03T01:00:00\"", "\"09/03/2024\""]),
        Member(
            name: "code", document: scenario(extra: ic(code: "VALUE")), accepted: ["R01", "R29"],
            refused: ["R1", "insufficient", "\"r01\"", "R001"]),
        Member(
            name: "amount",
            document: scenario(
                steps: """
                      - datapump-payment: {payment_id: P1, account: "1", method: CC, amount: VALUE, message: ok, customer_name: A B}
                    """),
            accepted: ["128.95", "\"128.95\""], refused: ["lots", "\"128,95\"", "\"1e3\""]),
        Member(
            name: "date",
            document: scenario(
                extra: "files:\n  a.bif: |\n    x\n",
                steps: "  - bif-merge: {files: [a.bif], output: import.bif, date: VALUE}"),
            accepted: ["09/01/2024", "\"12/31/2024\""], refused: ["2024-09-01", "\"9/1/2024\"", "tomorrow", "\"13/01/2024\""]),
        Member(
            name: "hours", document: scenario(steps: "  - spectrum-poll: {hours: VALUE}"), accepted: ["1", "744"],
            refused: ["0", "745", "-3", "day"]),
        Member(
            name: "status", document: scenario(extra: "imt:\n  faults:\n    - {route: \"GET /payments-due/\", status: VALUE}\n"),
            accepted: ["100", "503"], refused: ["99", "600", "teapot"]),
        Member(
            name: "delay_ms",
            document: scenario(extra: "imt:\n  faults:\n    - {route: \"GET /payments-due/\", delay_ms: VALUE}\n"),
            accepted: ["1", "600000"], refused: ["0", "600001"]),
    ]

    @Test(arguments: members)
    func `a value the loader refuses, the schema refuses at that member; one it takes, the schema takes`(
        _ member: Member
    )
        throws
    {
        for value in member.accepted {
            let text = member.document.replacingOccurrences(of: "VALUE", with: value)
            #expect(try load(text) == nil, "the loader takes \(member.name): \(value)")
            #expect(Self.validator.violations(of: try JSONValue(yaml: text)) == [], "the schema takes \(member.name): \(value)")
        }
        for value in member.refused {
            let text = member.document.replacingOccurrences(of: "VALUE", with: value)
            #expect(try load(text) != nil, "the loader refuses \(member.name): \(value)")
            let violations = Self.validator.violations(of: try JSONValue(yaml: text))
            #expect(
                violations.contains { $0.contains(".\(member.name)") },
                "the schema refuses \(member.name): \(value): \(violations)")
        }
    }

    @Test func `every pattern the schema writes compiles`() throws {
        for format in TextFormat.allCases { _ = try NSRegularExpression(pattern: format.pattern) }
    }

    /// Loads `text` as a scenario file; the first error's message, or nil when it loads.
    func load(_ text: String) throws -> String? {
        let folder = try TemporaryFolder("formats")
        defer { folder.remove() }
        let file = try folder.write(text, to: "case.yaml")
        do {
            _ = try ScenarioLoader.load(file: file, suiteRoot: folder.path)
            return nil
        } catch {
            return error.errors.first?.message ?? "refused"
        }
    }
}
