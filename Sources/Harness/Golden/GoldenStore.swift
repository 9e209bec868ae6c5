import Foundation
import Support
public import Wire

/// The golden files of a suite: `<root>/<scenario path>/<output file>`.
///
/// Golden files are reviewed, never recorded behind a reader's back: a missing
/// one is a failure unless the run was asked to `--update`, and updating refuses
/// to run on CI. JSON outputs are compared structurally with placeholders, BIF
/// outputs field by field with `BIFDiff`.
///
/// Beside a golden file, `<file>.pending` holds an output waiting for review
/// (`bifrost review`): written by `--update=pending`, and outside CI by any run
/// whose output differs from its golden file or has none; removed when the
/// output matches again.
struct GoldenStore {
    let root: String

    /// The suffix of an output waiting for review.
    static let pendingSuffix = ".pending"

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

    /// Compares `actual` with its golden file, recording it as `recording` says; `pending`
    /// names the `.pending` file written, if any.
    func check(
        _ actual: OutputValue, scenario: Scenario, output: Scenario.GoldenOutput, recording: GoldenRecording
    ) throws -> (verdict: Verdict, pending: String?) {
        let file = path(of: scenario, output: output)
        let pendingFile = file + Self.pendingSuffix
        let stored = FileManager.default.contents(atPath: file).map { [UInt8]($0) }
        let (comparison, recorded) = try compare(actual, golden: stored, file: file, output: output)
        switch (comparison, recording) {
        case (.matched, _):
            try? FileManager.default.removeItem(atPath: pendingFile)
            return (.matched, nil)
        case (_, .all):
            guard recorded != stored else { return (.matched, nil) }
            try BIFFiles.write(recorded, to: file)
            try? FileManager.default.removeItem(atPath: pendingFile)
            return (.written(path: file), nil)
        case (_, .pending):
            try BIFFiles.write(recorded, to: pendingFile)
            return (comparison, pendingFile)
        case (_, .never):
            return (comparison, nil)
        }
    }

    /// The verdict of `actual` against the stored golden bytes, and the bytes `--update` would write.
    private func compare(
        _ actual: OutputValue, golden stored: [UInt8]?, file: String, output: Scenario.GoldenOutput
    ) throws -> (Verdict, recorded: [UInt8]) {
        switch actual {
        case .json(let value): try compareJSON(value, golden: stored, file: file, output: output)
        case .bif(let bytes): (compareBIF(bytes, golden: stored, file: file, output: output), bytes)
        case .xml, .text: (compareText(actual, golden: stored, file: file, output: output), actual.bytes)
        }
    }

    private func compareJSON(
        _ actual: JSONValue, golden stored: [UInt8]?, file: String, output: Scenario.GoldenOutput
    ) throws -> (Verdict, recorded: [UInt8]) {
        var golden: JSONValue?
        if let stored {
            do {
                golden = try JSONParser.parse(stored)
            } catch {
                throw InputError(file: file, line: error.line, column: error.column, message: error.message)
            }
        }
        let differences = golden.map { JSONDiff.differences(expected: $0, actual: actual) } ?? []
        // Equal under the placeholders, yet written differently (members reordered): --update rewrites nothing.
        if let stored, differences.isEmpty { return (.matched, stored) }
        let reconciled = JSONDiff.reconcile(expected: golden, actual: actual)
        let recorded = Array(reconciled.prettyText.utf8)
        guard let golden else { return (.missing(path: file), recorded) }
        let diff = UnifiedDiff.make(
            old: golden.prettyText, new: reconciled.prettyText, oldName: file, newName: "actual \(output)")
        return (.differs(differences.map { "\(output) \($0)" }, unifiedDiff: diff), recorded)
    }

    /// An XML output against its golden file, both in canonical form; any other file byte for byte.
    private func compareText(
        _ actual: OutputValue, golden stored: [UInt8]?, file: String, output: Scenario.GoldenOutput
    ) -> Verdict {
        guard let stored else { return .missing(path: file) }
        let (expected, got) =
            if case .xml = actual { (OutputValue.xml(stored).bytes, actual.bytes) } else { (stored, actual.bytes) }
        guard expected != got else { return .matched }
        let old = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let new = String(decoding: got, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        let form = if case .xml = actual { " (canonical XML)" } else { "" }
        let (expectedLine, actualLine) = (line < old.count ? old[line] : "", line < new.count ? new[line] : "")
        let column =
            zip(expectedLine, actualLine).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLine.count, actualLine.count)
        let diff = UnifiedDiff.make(
            old: String(decoding: expected, as: UTF8.self), new: String(decoding: got, as: UTF8.self), oldName: file,
            newName: "actual \(output)")
        return .differs(
            [
                "\(output)\(form) line \(line + 1) column \(column + 1): expected \(Self.excerpt(expectedLine, at: column)), got \(Self.excerpt(actualLine, at: column))"
            ], unifiedDiff: diff)
    }

    /// Up to 100 characters of `line` around `column`, quoted, with … where it was cut.
    static func excerpt(_ line: Substring, at column: Int) -> String {
        let start = line.index(line.startIndex, offsetBy: max(0, column - 30), limitedBy: line.endIndex) ?? line.endIndex
        let end = line.index(start, offsetBy: 100, limitedBy: line.endIndex) ?? line.endIndex
        return "\"" + (start > line.startIndex ? "…" : "") + line[start..<end] + (end < line.endIndex ? "…" : "") + "\""
    }

    private func compareBIF(_ actual: [UInt8], golden: [UInt8]?, file: String, output: Scenario.GoldenOutput) -> Verdict {
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

/// What a run does with outputs that differ from their golden files.
public enum GoldenRecording: String, Sendable, CaseIterable {
    /// Compare only.
    case never
    /// Compare, and write a `.pending` file beside each golden file that differs or is missing.
    case pending
    /// Write the golden file of each output that changed (`--update`).
    case all
}

/// An output of a scenario, as its golden file holds it.
public enum OutputValue: Sendable {
    case json(JSONValue)
    case bif([UInt8])
    /// An XML document, compared in canonical form (C14N 1.0).
    case xml([UInt8])
    /// Any other file, compared byte for byte.
    case text([UInt8])

    /// The bytes a golden file or an artifact holds: JSON pretty-printed, XML canonical when well-formed.
    var bytes: [UInt8] {
        switch self {
        case .json(let value): Array(value.prettyText.utf8)
        case .bif(let bytes), .text(let bytes): bytes
        case .xml(let bytes): Self.canonical(bytes) ?? bytes
        }
    }

    /// `bytes` in canonical XML, nil when they are not well-formed.
    static func canonical(_ bytes: [UInt8]) -> [UInt8]? {
        (try? Wire.XMLDocument(parsing: bytes)).map { $0.canonical() }
    }
}
