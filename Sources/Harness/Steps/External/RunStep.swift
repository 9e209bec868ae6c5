import ChildProcesses
import Foundation
import Partners
import Support
import Transport
import Wire
import Yams

/// `run: {command, args, folder, timeout, env, outputs}`: runs a program of the user's as the
/// system under test, against the scenario's mocks.
///
/// The program gets the mocks' URLs and credentials in `BIFROST_…` variables
/// (``ProgramVariables``); its exit status and what it printed (at most 64 KiB of each
/// stream) go into `result.json`, the files it writes into `BIFROST_OUTPUT_DIR` that
/// `outputs:` names become outputs compared with golden files (`.bif` field by field, `.json`
/// structurally, `.xml` in canonical form, anything else byte for byte), and its exchanges
/// with the mocks go into the journal as a reference flow's do.
struct RunStep: StepKind, Hashable {
    static let key = "run"
    static let schema = MappingSchema(
        "Runs a program of the user's, in any language, as the system under test against the scenario's mocks.",
        ExternalProgram.members + [
            .optional(
                "timeout", .formatted(.duration),
                "How long it may run before its process group is killed, e.g. 500ms or 10s (default 30s)."),
            .optional(
                "outputs", .list(.text),
                "Files it writes into $BIFROST_OUTPUT_DIR, which expect.golden may name: .bif, .json, .xml or any other."),
        ])
    var program: ExternalProgram
    var files: [String]

    /// The longest a program runs when the step gives no `timeout`.
    static let defaultTimeout = Duration.seconds(30)
    /// The largest output file read back.
    static let largestOutput = 16 << 20

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let reader = loading.reader
        let fields = try reader.mapping(node, what: "a run step", schema: Self.schema)
        let timeout = try fields["timeout"].map { node throws(InputError) in
            try ScenarioLoader.duration(node, reader, what: "timeout")
        }
        program = try ExternalProgram.load(fields, at: node, reader, timeout: timeout ?? Self.defaultTimeout)
        files =
            try fields["outputs"].map { node throws(InputError) in
                try reader.sequence(node, what: "outputs").map { element throws(InputError) in
                    try loading.output(element, anyKind: true)
                }
            } ?? []
    }

    var needs: StepNeeds { [.folder] }
    var outputs: [String] { files }
    var secrets: [String] { program.secrets }

    func run(in context: inout ScenarioContext) async -> Output {
        let folder = context.folder
        let variables = ProgramVariables.of(context, outputFolder: folder)
        let run = await program.run(variables: variables)
        var output = Output(command: program.command, arguments: program.arguments)
        let scenarioContext = context
        func shown(_ captured: ChildProcess.Captured) -> String? {
            guard !captured.bytes.isEmpty || captured.dropped > 0 else { return nil }
            let text = ProgramVariables.placeholders(
                in: String(decoding: captured.bytes, as: UTF8.self), scenarioContext, outputFolder: folder)
            return captured.dropped == 0 ? text : text + "\n[\(captured.dropped) more bytes dropped]"
        }
        output.exit = run.exitStatus
        output.stdout = shown(run.output)
        output.stderr = shown(run.errors)
        if let reason = run.startFailure {
            output.status = "failed"
            output.message = reason
        } else if run.timedOut {
            output.status = "failed"
            output.message = "killed with its process group at its timeout of \(program.timeout)"
        } else if run.exitStatus != 0 {
            output.status = "failed"
            output.message = "exited with status \(run.exitStatus ?? -1)"
        }
        if let imt = context.imt { output.imtSessionsLeftOpen = imt.mock.openSessions }
        if let folder {
            output.files = (try? FileManager.default.contentsOfDirectory(atPath: folder).sorted()) ?? []
            for name in files { output.missing += await collect(name, from: folder, into: &context) }
        }
        return output
    }

    /// Reads the output file `name` into the scenario's outputs; returns `[name]` when the program wrote none.
    private func collect(_ name: String, from folder: String, into context: inout ScenarioContext) async -> [String] {
        let path = (folder as NSString).appendingPathComponent(name)
        // A file of unknown size: read on a thread of its own.
        let read = await BlockingPool.run { () -> [UInt8]? in
            guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
            defer { try? handle.close() }
            return [UInt8]((try? handle.read(upToCount: Self.largestOutput)) ?? Data())
        }
        guard let bytes = read else { return [name] }
        let output = Scenario.GoldenOutput(fileName: name)
        switch (name as NSString).pathExtension.lowercased() {
        case "bif":
            context.files[name] = bytes
            context.outputs[output] = .bif(bytes)
        case "json": context.outputs[output] = (try? JSONParser.parse(bytes)).map(OutputValue.json) ?? .text(bytes)
        case "xml": context.outputs[output] = .xml(bytes)
        default: context.outputs[output] = .text(bytes)
        }
        return []
    }

    /// The program's exit, what it printed, and the files it wrote.
    struct Output: Encodable, Sendable {
        var step = RunStep.key
        var command: String
        var arguments: [String]
        var status = "succeeded"
        var message: String?
        var exit: Int32?
        var stdout: String?
        var stderr: String?
        /// Sessions with the mock IMT still open when the program ended: 0 for a program that closes what it opens.
        var imtSessionsLeftOpen: Int?
        /// Every file in the output folder, by name.
        var files: [String] = []
        /// Files `outputs:` names that the program did not write.
        var missing: [String] = []

        enum CodingKeys: String, CodingKey {
            case step, command, arguments, status, message, exit, stdout, stderr
            case imtSessionsLeftOpen = "imt_sessions_left_open"
            case files, missing
        }
    }
}
