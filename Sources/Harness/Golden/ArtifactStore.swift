import Foundation
import Support
import Wire

/// Keeps every output of each run (`--keep-artifacts DIR`): `DIR/<scenario path>/<output file>`,
/// under `run-N/` for the runs of `--repeat`; JSON pretty-printed, XML canonical, BIFs as produced, secrets redacted.
struct ArtifactStore {
    let root: String

    func keep(_ outputs: [Scenario.GoldenOutput: OutputValue], of scenario: Scenario, repetition: Int?) throws(InputError) {
        var folder = (root as NSString).appendingPathComponent(scenario.relativePath)
        if let repetition { folder = (folder as NSString).appendingPathComponent("run-\(repetition)") }
        for (output, value) in outputs.sorted(by: { $0.key.fileName < $1.key.fileName }) {
            try BIFFiles.write(value.bytes, to: (folder as NSString).appendingPathComponent(output.fileName))
        }
    }
}
