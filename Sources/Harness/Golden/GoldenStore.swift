import Foundation
import Wire

/// The golden files of a suite: `<root>/<scenario path>/<output>.json`.
///
/// Golden files are reviewed, never recorded behind a reader's back: a missing
/// one is a failure unless the run was asked to `--update`, and updating refuses
/// to run on CI.
struct GoldenStore {
    let root: String

    /// The verdict on one output.
    enum Verdict {
        case matched
        /// The output differs: the differences and a unified diff of golden vs actual.
        case differs([JSONDiff.Difference], unifiedDiff: String)
        case missing(path: String)
        /// The golden file was written (new or changed) by `--update`.
        case written(path: String)
    }

    func path(of scenario: Scenario, output: Scenario.GoldenOutput) -> String {
        ((root as NSString).appendingPathComponent(scenario.relativePath) as NSString)
            .appendingPathComponent("\(output.rawValue).json")
    }

    /// Compares `actual` with its golden file, or (re)writes the file when `update` is set.
    func check(_ actual: JSONValue, scenario: Scenario, output: Scenario.GoldenOutput, update: Bool) throws -> Verdict {
        let file = path(of: scenario, output: output)
        var golden: JSONValue?
        if let data = FileManager.default.contents(atPath: file) {
            do {
                golden = try JSONParser.parse(data)
            } catch {
                throw InputError(file: file, line: error.line, column: error.column, message: error.message)
            }
        }
        let reconciled = JSONDiff.reconcile(expected: golden, actual: actual)
        if update {
            let text = reconciled.prettyText
            guard golden.map({ $0.prettyText != text }) ?? true else { return .matched }
            try FileManager.default.createDirectory(
                atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
            return .written(path: file)
        }
        guard let golden else { return .missing(path: file) }
        let differences = JSONDiff.differences(expected: golden, actual: actual)
        if differences.isEmpty { return .matched }
        let diff = UnifiedDiff.make(old: golden.prettyText, new: reconciled.prettyText, oldName: file, newName: "actual \(output.rawValue).json")
        return .differs(differences, unifiedDiff: diff)
    }
}
