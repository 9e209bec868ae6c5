import ChildProcesses
import Foundation
import Partners
import Support
import Transport
import Yams

/// A program of the user's under test: what to start, where, for how long, with which variables.
///
/// A command with a slash is a path, relative to the scenario's folder; a bare name is
/// looked for in `PATH`. The program runs in a process group of its own: at its timeout the
/// whole group gets SIGTERM, then SIGKILL a second later, and whatever the program left of its
/// group when it ended is killed, so no process outlives the step.
struct ExternalProgram: Sendable, Hashable {
    var command: String
    var arguments: [String]
    /// The folder the program starts in, absolute.
    var folder: String
    /// How long a `run:` step's program may run; a service runs until the steps end.
    var timeout: Duration
    /// Variables set for the program, over this process's environment and Bifrost's own.
    var environment: [String: String]

    /// The most of standard output and of standard error a step keeps; the rest is dropped and counted.
    static let captureLimit = 64 << 10

    /// How one run went.
    struct Run: Sendable {
        /// The exit status (128 + the signal that ended it), nil when the program could not start.
        var exitStatus: Int32?
        var output = ChildProcess.Captured()
        var errors = ChildProcess.Captured()
        var timedOut = false
        /// Why the program could not start: missing, not executable.
        var startFailure: String?
    }

    /// The members a `run:` step and a service share.
    static let members: [MappingSchema.Member] = [
        .required(
            "command", .text,
            "The program: a path relative to the scenario's folder (./client.sh), or a name looked for in PATH."),
        .optional(
            "args", .list(.text), "Its arguments; ${NAME} stands for a variable of its environment, e.g. ${BIFROST_IMT_API_URL}."),
        .optional("folder", .text, "The folder it starts in, relative to the scenario's folder (default that folder)."),
        .optional("env", .dictionary(.text), "Variables set for it, over the BIFROST_… ones."),
    ]

    /// Reads `command`, `args`, `folder` and `env` of a step's or a service's members, those of the mapping at `node`.
    static func load(
        _ fields: [String: Node], at node: Node, _ reader: YAMLReader, timeout: Duration
    ) throws(InputError)
        -> Self
    {
        let scenarioFolder = URL(fileURLWithPath: Scenario.folder(of: reader.file), isDirectory: true)
        let folder = try fields["folder"].map { node throws(InputError) in
            URL(fileURLWithPath: try reader.nonEmptyText(node, what: "folder"), relativeTo: scenarioFolder).standardizedFileURL
                .path
        }
        return ExternalProgram(
            command: try reader.nonEmptyText(reader.required("command", in: fields, at: node), what: "command"),
            arguments: try fields["args"].map { node throws(InputError) in try reader.strings(node, what: "args") } ?? [],
            folder: folder ?? scenarioFolder.path, timeout: timeout,
            environment: try fields["env"].map { node throws(InputError) in try environment(node, reader) } ?? [:])
    }

    /// The values of `env:` variables whose names say they hold a secret (…PASSWORD, …KEY, …TOKEN,
    /// …SECRET, …COOKIE), scrubbed from every output like the scenario's own.
    var secrets: [String] {
        environment.filter { name, _ in
            ["PASSWORD", "KEY", "TOKEN", "SECRET", "COOKIE"].contains { name.uppercased().contains($0) }
        }.map(\.value)
    }

    /// An `env:` mapping: variable names to their values.
    static func environment(_ node: Node, _ reader: YAMLReader) throws(InputError) -> [String: String] {
        var variables: [String: String] = [:]
        for (key, value) in try reader.pairs(node, what: "env") {
            let name = try reader.nonEmptyText(key, what: "a variable name")
            guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }), name.first?.isNumber == false
            else {
                throw reader.error("'\(name)' is not a variable name: letters, digits and _, not starting with a digit", at: key)
            }
            variables[name] = try reader.text(value, what: "the value of \(name)")
        }
        return variables
    }

    /// The executable the command names, or why there is none.
    func executable(searching path: String?) -> Result<String, RunFailure> {
        let candidates: [String]
        if command.contains("/") {
            candidates = [
                command.hasPrefix("/")
                    ? command
                    : URL(fileURLWithPath: command, relativeTo: URL(fileURLWithPath: folder, isDirectory: true))
                        .standardizedFileURL.path
            ]
        } else {
            candidates = (path ?? "").split(separator: ":").map { "\($0)/\(command)" }
        }
        var isFolder: ObjCBool = false
        guard
            let found = candidates.first(where: {
                FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && !isFolder.boolValue
            })
        else {
            let looked = command.contains("/") ? " (looked for \(candidates[0]))" : " in PATH"
            return .failure(RunFailure("command '\(command)' not found\(looked)"))
        }
        guard access(found, X_OK) == 0 else {
            return .failure(RunFailure("command '\(command)' is not executable (\(found)); chmod +x it or name its interpreter"))
        }
        return .success(found)
    }

    /// Starts the program, in a process group of its own, with `variables` added to the environment.
    func start(variables: [String: String]) async -> Result<ChildProcess, RunFailure> {
        var environment = ProcessInfo.processInfo.environment
        environment.merge(variables) { $1 }
        environment.merge(self.environment) { $1 }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            return .failure(RunFailure("the folder '\(folder)' to start '\(command)' in does not exist"))
        }
        let path: String
        switch executable(searching: environment["PATH"]) {
        case .failure(let failure): return .failure(failure)
        case .success(let found): path = found
        }
        var launch = ChildProcess.Launch(path, arguments.map { Self.expanding($0, environment) })
        launch.environment = environment
        launch.workingDirectory = folder
        launch.separateErrors = true
        launch.ownGroup = true
        // A script written a moment ago may still be open for writing in a child another thread
        // forked meanwhile ("text file busy"): that passes within milliseconds, so try again.
        var attempt = 0
        while true {
            do throws(ChildProcess.SpawnError) {
                return .success(try await ChildProcess.start(launch))
            } catch  where error.code == ETXTBSY && attempt < 5 {
                attempt += 1
                try? await Task.sleep(for: .milliseconds(1 << attempt))
            } catch {
                return .failure(RunFailure(error.message))
            }
        }
    }

    /// `argument` with each `${NAME}` of a variable in `environment` replaced by its value; others are left as they are.
    static func expanding(_ argument: String, _ environment: [String: String]) -> String {
        guard argument.contains("${") else { return argument }
        var result = ""
        var rest = Substring(argument)
        while let open = rest.range(of: "${"), let close = rest[open.upperBound...].firstIndex(of: "}") {
            let name = String(rest[open.upperBound..<close])
            result += rest[..<open.lowerBound] + (environment[name] ?? "${\(name)}")
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// Starts the program with `variables` added to the environment, and waits for it to end or time out.
    func run(variables: [String: String]) async -> Run {
        let process: ChildProcess
        switch await start(variables: variables) {
        case .failure(let failure): return Run(startFailure: failure.message)
        case .success(let started): process = started
        }
        async let streams = process.capture(limit: Self.captureLimit)
        let timedOut = await Self.waitOrTimeOut(process, timeout)
        var run = Run(exitStatus: await process.wait(), timedOut: timedOut)
        (run.output, run.errors) = await streams
        return run
    }

    /// Waits for the program to end; at `timeout`, terminates its group and returns true.
    private static func waitOrTimeOut(_ process: ChildProcess, _ timeout: Duration) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await process.wait()
                return false
            }
            group.addTask {
                do { try await Task.sleep(for: timeout) } catch { return false }
                return true
            }
            let timedOut = await group.next() ?? false
            // The group ends only once the waiter does: the program is stopped here, not after.
            if timedOut { await process.terminate(grace: .seconds(1)) }
            group.cancelAll()
            return timedOut
        }
    }

    /// Why a program could not be run.
    struct RunFailure: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
