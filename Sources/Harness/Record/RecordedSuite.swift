import Foundation
import Support
import Transport
import Wire

/// Writes a recording as a suite the mock replays: `Scenarios/<name>.yaml` and an empty
/// requirement catalog, `Golden/<name>/journal.json` and `result.json` (the mock's replay),
/// and `Recordings/<name>.journal.json` (the exchanges as recorded, secrets redacted).
///
/// All or nothing: the files are made in a temporary folder beside `output`, the scenario is
/// replayed and run against its golden files there, and only then is the folder moved into place.
public struct RecordedSuite {
    let output: String
    let name: String
    let force: Bool

    /// What a recording gives the writer.
    struct Recording {
        /// The scenario's text, given its description.
        var scenario: (String) -> String
        /// The recorded journal, as recorded (partner `external`, the endpoint's paths).
        var journal: JSONValue
        /// The recorded journal and result as the mock's replay would show them when it matched.
        var expected: [Scenario.GoldenOutput: JSONValue]
        /// The description's opening lines: where and when, and what the mock cannot represent.
        var notes: [String]
        /// Values no file written may contain (the password, the web service key).
        var secrets: [String]
    }

    /// What was written: the scenario's description, and the recorded flows that failed.
    public struct Written: Sendable {
        /// The scenario's description, line by line.
        public var lines: [String]
        /// Each step of the recording whose status is `failed` or `refused`, with its error:
        /// `step 1 rtdr: failed: HTTP 404: no policy 999`. The recording is written all the same
        /// (a failure replays as faithfully as a success), and `bifrost record` exits 1.
        public var failedFlows: [String]
    }

    /// The steps of `result` that failed or were refused, each with its error.
    static func failedFlows(in result: JSONValue?) -> [String] {
        (result?["steps"]?.arrayValue ?? []).enumerated().compactMap { index, step in
            let status = step["status"]?.stringValue ?? ""
            guard status == "failed" || status == "refused" else { return nil }
            let errors = StepStatusSummary.errors(step)
            let name = step["step"]?.stringValue ?? "step"
            return "step \(index + 1) \(name): \(status)" + (errors.isEmpty ? "" : ": " + errors.joined(separator: "; "))
        }
    }

    /// Refuses a non-empty `output` unless `force`; exit 2, before anything is sent.
    static func checkOutput(_ output: String, force: Bool) throws(RecordError) {
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw RecordError("\(output) is a file, not a folder", exitCode: 2)
        }
        if !contents.isEmpty, !force {
            throw RecordError("\(output) is not empty; choose another --output or pass --force to replace it", exitCode: 2)
        }
    }

    /// Writes the suite and returns the description's lines and the flows that failed; nothing is left behind on failure.
    func write(_ recording: Recording) async throws(RecordError) -> Written {
        try Self.checkOutput(output, force: force)
        let fm = FileManager.default
        let target = URL(fileURLWithPath: output).standardizedFileURL
        let staging = target.deletingLastPathComponent().appendingPathComponent(
            ".\(target.lastPathComponent).record-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: staging) }
        let description: [String]
        do {
            description = try await stage(recording, in: staging)
        } catch let error as RecordError {
            throw error
        } catch {
            throw RecordError("cannot write the recording: \(error)")
        }
        do {
            if fm.fileExists(atPath: target.path) {
                let old = staging.appendingPathExtension("old")
                try fm.moveItem(at: target, to: old)
                try fm.moveItem(at: staging, to: target)
                try? fm.removeItem(at: old)
            } else {
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try fm.moveItem(at: staging, to: target)
            }
        } catch {
            throw RecordError("cannot move the recording into \(output): \(error.localizedDescription)")
        }
        return Written(lines: description, failedFlows: Self.failedFlows(in: recording.expected[.result]))
    }

    private func stage(_ recording: Recording, in staging: URL) async throws -> [String] {
        let scenarios = staging.appendingPathComponent("Scenarios")
        let file = scenarios.appendingPathComponent("\(name).yaml").path
        try write(Self.catalog, to: scenarios.appendingPathComponent(RequirementCatalog.fileName).path)
        try write(recording.scenario(Self.description(recording.notes, deviations: [])), to: file)
        let replayed = try await ScenarioExecution(scenario: try load(file, root: scenarios.path), client: HTTPClient()).run()
            .outputs
        var deviations: [String] = []
        var golden: [(Scenario.GoldenOutput, JSONValue)] = []
        for output in [Scenario.GoldenOutput.journal, .result] {
            guard case .json(let actual) = replayed[output] else { continue }
            golden.append((output, actual))
            if let expected = recording.expected[output] {
                deviations += JSONDiff.differences(expected: expected, actual: actual).map {
                    "\(output) \($0.path): recorded \(Self.short($0.expected)), replayed \(Self.short($0.actual))"
                }
            }
        }
        let description = Self.description(recording.notes, deviations: deviations)
        try write(recording.scenario(description), to: file)
        _ = try load(file, root: scenarios.path)
        let goldenRoot = staging.appendingPathComponent("Golden")
        for (output, value) in golden {
            try write(value.prettyText, to: goldenRoot.appendingPathComponent("\(name)/\(output.fileName)").path)
        }
        try write(
            recording.journal.prettyText,
            to: staging.appendingPathComponent("Recordings/\(name).journal.json").path)
        let suite = try await Suite.loadInParallel(paths: [scenarios.path])
        let reports = await SuiteRunner(suite: suite, goldenRoot: goldenRoot.path, update: false, jobs: 1).run { _ in }
        guard reports.count == 1, reports[0].passed else {
            throw RecordError(
                "the replay of the recording does not pass against its own golden files: "
                    + (reports.first?.failures.joined(separator: "\n") ?? "no scenario ran"))
        }
        try checkSecrets(recording.secrets, in: staging)
        return description.split(separator: "\n").map(String.init)
    }

    /// Refuses to write a folder in which a secret appears, whatever wrote it there.
    private func checkSecrets(_ secrets: [String], in folder: URL) throws {
        let secrets = secrets.filter { $0.count >= 4 }
        guard !secrets.isEmpty else { return }
        for relative in FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [] {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) else {
                continue
            }
            let text = String(decoding: data, as: UTF8.self)
            if secrets.contains(where: { text.contains($0) }) {
                throw RecordError("a secret would have been written to \(relative); nothing was written")
            }
        }
    }

    private func load(_ file: String, root: String) throws -> Scenario {
        do {
            return try ScenarioLoader.load(file: file, suiteRoot: root)
        } catch {
            throw RecordError("the recorded scenario does not load: \(error)")
        }
    }

    private func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// The most replay differences the description lists.
    static let deviationLimit = 12

    /// The scenario's description: the notes, then how the replay differs from the recording.
    static func description(_ notes: [String], deviations: [String]) -> String {
        var lines = notes
        if deviations.isEmpty {
            lines.append("The mock's replay matches the recording exchange for exchange.")
        } else {
            lines.append(
                "The mock's replay differs from the recording (Recordings/ holds what was recorded; the golden files are the replay):"
            )
            lines += deviations.prefix(deviationLimit).map { "- " + $0 }
            if deviations.count > deviationLimit { lines.append("- and \(deviations.count - deviationLimit) more") }
        }
        return lines.joined(separator: "\n")
    }

    /// A value in a line of its own, cut at 80 characters.
    static func short(_ value: JSONValue?) -> String {
        guard let text = value?.compactText else { return "nothing" }
        return text.count > 80 ? String(text.prefix(77)) + "..." : text
    }

    /// The catalog that makes `Scenarios/` the suite root wherever the folder is put.
    static let catalog = """
        # Recorded scenarios cover no requirement of the shipped catalog; this file makes
        # Scenarios/ the suite root, so that `bifrost run Scenarios` finds Golden/ beside it.
        requirements: []

        """
}
