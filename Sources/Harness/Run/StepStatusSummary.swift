import Wire

/// Each step's status and error from a run's `result.json`, for the console of a scenario whose
/// outputs have no golden file to be compared with: what a `result.json.pending` alone would show.
///
/// ```text
/// steps (no golden file to compare them with):
///   1 run: failed: exited with status 1
///       stderr: HTTP 422 {"errors": [{"detail": "Amount must be positive"}]}
///   2 datapump-payment: failed: advanced setting 11 (the DataPump Payments URL) is not set
/// ```
struct StepStatusSummary {
    /// The most lines of a program's standard output or error shown; the rest are in the result.
    static let programLines = 5

    let lines: [String]

    /// The steps of `result` (the `result` output, secrets already scrubbed).
    init(result: JSONValue) {
        lines = (result["steps"]?.arrayValue ?? []).enumerated().flatMap { Self.lines(index: $0.offset + 1, step: $0.element) }
    }

    /// The block, or nil when the scenario has no step.
    var text: String? {
        lines.isEmpty ? nil : (["steps (no golden file to compare them with):"] + lines).joined(separator: "\n")
    }

    static func lines(index: Int, step: JSONValue) -> [String] {
        let name = step["step"]?.stringValue ?? "step"
        let status = step["status"]?.stringValue ?? "done"
        let errors = Self.errors(step)
        var lines = ["  \(index) \(name): \(status)" + (errors.isEmpty ? "" : ": " + errors.joined(separator: "; "))]
        let failed = !["succeeded", "done"].contains(status)
        for stream in ["stderr", "stdout"] where failed {
            guard let text = step[stream]?.stringValue else { continue }
            let shown = text.split(separator: "\n", omittingEmptySubsequences: true).suffix(programLines)
            for (offset, line) in shown.enumerated() { lines.append("      \(offset == 0 ? stream + ":" : "       ") \(line)") }
        }
        return lines
    }

    /// The step's error messages: `message`, `failure.message`, `errors[].message`, `problems[]`.
    static func errors(_ step: JSONValue) -> [String] {
        var found: [String] = []
        if let message = step["message"]?.stringValue { found.append(message) }
        if let failure = step["failure"] {
            let status = failure["status"].flatMap { $0.numberText }.map { "HTTP \($0): " } ?? ""
            if let message = failure["message"]?.stringValue { found.append(status + message) }
        }
        for error in step["errors"]?.arrayValue ?? [] {
            if let message = error["message"]?.stringValue ?? error["detail"]?.stringValue { found.append(message) }
        }
        for problem in step["problems"]?.arrayValue ?? [] {
            if let text = problem.stringValue { found.append(text) }
        }
        return found
    }
}

extension JSONValue {
    /// A number's text, nil for anything else.
    fileprivate var numberText: String? {
        if case .number(let text) = self { return text }
        return nil
    }
}
