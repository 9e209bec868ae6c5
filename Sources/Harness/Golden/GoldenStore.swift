import Foundation
import Wire

/// The golden files of a suite: `<root>/<scenario path>/<output file>`.
///
/// Golden files are reviewed, never recorded behind a reader's back: a missing
/// one is a failure unless the run was asked to `--update`, and updating refuses
/// to run on CI. JSON outputs are compared structurally with placeholders, BIF
/// outputs field by field with `BIFDiff`.
struct GoldenStore {
    let root: String

    /// The verdict on one output.
    enum Verdict {
        case matched
        /// The output differs: one line per difference, and a unified diff of golden vs actual.
        case differs([String], unifiedDiff: String)
        case missing(path: String)
        /// The golden file was written (new or changed) by `--update`.
        case written(path: String)
    }

    func path(of scenario: Scenario, output: Scenario.GoldenOutput) -> String {
        ((root as NSString).appendingPathComponent(scenario.relativePath) as NSString).appendingPathComponent(output.fileName)
    }

    /// Compares `actual` with its golden file, or (re)writes the file when `update` is set.
    func check(_ actual: OutputValue, scenario: Scenario, output: Scenario.GoldenOutput, update: Bool) throws -> Verdict {
        let file = path(of: scenario, output: output)
        let stored = FileManager.default.contents(atPath: file).map { [UInt8]($0) }
        switch actual {
        case .json(let value): return try checkJSON(value, golden: stored, file: file, output: output, update: update)
        case .bif(let bytes): return try checkBIF(bytes, golden: stored, file: file, output: output, update: update)
        }
    }

    private func checkJSON(
        _ actual: JSONValue, golden stored: [UInt8]?, file: String, output: Scenario.GoldenOutput, update: Bool
    ) throws -> Verdict {
        var golden: JSONValue?
        if let stored {
            do {
                golden = try JSONParser.parse(stored)
            } catch {
                throw InputError(file: file, line: error.line, column: error.column, message: error.message)
            }
        }
        let reconciled = JSONDiff.reconcile(expected: golden, actual: actual)
        if update {
            let text = reconciled.prettyText
            guard golden.map({ $0.prettyText != text }) ?? true else { return .matched }
            try BIFFiles.write(Array(text.utf8), to: file)
            return .written(path: file)
        }
        guard let golden else { return .missing(path: file) }
        let differences = JSONDiff.differences(expected: golden, actual: actual)
        if differences.isEmpty { return .matched }
        let diff = UnifiedDiff.make(
            old: golden.prettyText, new: reconciled.prettyText, oldName: file, newName: "actual \(output)")
        return .differs(differences.map { "\(output) \($0)" }, unifiedDiff: diff)
    }

    private func checkBIF(
        _ actual: [UInt8], golden: [UInt8]?, file: String, output: Scenario.GoldenOutput, update: Bool
    ) throws -> Verdict {
        if update {
            guard golden != actual else { return .matched }
            try BIFFiles.write(actual, to: file)
            return .written(path: file)
        }
        guard let golden else { return .missing(path: file) }
        guard golden != actual else { return .matched }
        var lines: [String]
        do {
            lines = try BIFDiff().compare(expected: golden, actual: actual).map { "\(output) \($0)" }
        } catch {
            lines = ["\(output) cannot be compared field by field: \(error)"]
        }
        if lines.isEmpty { lines = ["\(output) differs only in line endings or byte order mark"] }
        let diff = UnifiedDiff.make(
            old: String(decoding: golden, as: UTF8.self), new: String(decoding: actual, as: UTF8.self), oldName: file,
            newName: "actual \(output)")
        return .differs(lines, unifiedDiff: diff)
    }
}

/// An output of a scenario, as its golden file holds it.
public enum OutputValue: Sendable {
    case json(JSONValue)
    case bif([UInt8])
}
