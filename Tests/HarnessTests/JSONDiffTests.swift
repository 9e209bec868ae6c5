import Foundation
import Harness
import Testing
import Wire

@Suite struct JSONDiffTests {
    let golden = try! JSONParser.parse(
        #"{"steps": [{"balance": "1675.00", "id": "<uuid>", "at": "<timestamp>", "n": 1.50, "x": "<any>"}]}"#)

    @Test func `an edited value fails and names its JSON path`() throws {
        let actual = try JSONParser.parse(
            #"{"steps": [{"balance": "1600.00", "id": "24a83e03-8e77-40ed-b4c8-89a6f4acdd70", "at": "2024-11-18T11:05:28-06:00", "n": 1.5, "x": [1]}]}"#
        )
        let differences = JSONDiff.differences(expected: golden, actual: actual)
        #expect(differences.map(\.description) == [#"$.steps[0].balance: expected "1675.00", got "1600.00""#])
    }

    @Test func `placeholders reject values of the wrong shape`() throws {
        let actual = try JSONParser.parse(
            #"{"steps": [{"balance": "1675.00", "id": "nope", "at": "2024-11-18 11:05", "n": 1.5, "x": null}]}"#)
        #expect(JSONDiff.differences(expected: golden, actual: actual).map(\.path) == ["$.steps[0].id", "$.steps[0].at"])
    }

    @Test func `missing and unexpected members and elements are differences`() throws {
        let differences = JSONDiff.differences(
            expected: try JSONParser.parse(#"{"a": 1, "list": [1, 2]}"#),
            actual: try JSONParser.parse(#"{"b": 1, "list": [1], "odd key": true}"#))
        #expect(
            differences.map(\.description) == [
                "$.a: expected 1, got nothing", "$.list[1]: expected 2, got nothing",
                "$.b: expected nothing, got 1", #"$["odd key"]: expected nothing, got true"#,
            ])
    }

    @Test func `reconciling keeps golden placeholders and order so updates do not churn`() throws {
        let actual = try JSONParser.parse(
            #"{"steps": [{"x": 7, "n": 2, "at": "2024-11-18T11:05:28Z", "id": "24a83e03-8e77-40ed-b4c8-89a6f4acdd70", "balance": "1.00"}]}"#
        )
        #expect(
            JSONDiff.reconcile(expected: golden, actual: actual).compactText
                == #"{"steps":[{"balance":"1.00","id":"<uuid>","at":"<timestamp>","n":2,"x":"<any>"}]}"#)
    }

    @Test func `a unified diff shows the changed line with context and hunk header`() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n")
        let new = old.replacingOccurrences(of: "line 5", with: "line five")
        #expect(
            UnifiedDiff.make(old: old, new: new, oldName: "a", newName: "b") == """
                --- a
                +++ b
                @@ -2,7 +2,7 @@
                 line 2
                 line 3
                 line 4
                -line 5
                +line five
                 line 6
                 line 7
                 line 8

                """)
        #expect(UnifiedDiff.make(old: old, new: old, oldName: "a", newName: "b").isEmpty)
    }
}
