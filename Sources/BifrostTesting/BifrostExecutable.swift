import ChildProcesses
public import Foundation

/// The `bifrost` executable of the checkout's debug build, for tests of the command line.
public enum BifrostExecutable {
    /// `.build/debug/bifrost` under the checkout, or nil when it was not built.
    public static let path: String? = {
        let path = SourceTree.path(".build/debug/bifrost")
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }()

    /// The executable was not built: a test that runs it fails, rather than skip, with this.
    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "the bifrost executable is not built at .build/debug/bifrost: run swift build first" }
    }

    /// Runs `bifrost` with `arguments`, standard error discarded; returns its exit status and standard output.
    /// - Parameters:
    ///   - environment: variables set over this process's own.
    ///   - folder: the folder it runs in; nil: this process's.
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], in folder: String? = nil
    ) async throws -> (status: Int32, output: String) {
        let (status, output, _) = try await runKeepingErrors(arguments, environment: environment, in: folder)
        return (status, output)
    }

    /// Runs `bifrost` as `run(_:environment:in:)` does, standard error kept; its exit status, standard output and error.
    ///
    /// Through `ChildProcess` (swift-subprocess), as every process Bifrost starts: Foundation's `Process`
    /// waits for its children's ends on a run loop of its own, and in a test process that also starts
    /// children through swift-subprocess, parallel runs were seen to wait for ends already gone.
    public static func runKeepingErrors(
        _ arguments: [String], environment: [String: String] = [:], in folder: String? = nil
    ) async throws -> (status: Int32, output: String, errors: String) {
        guard let path else { throw Missing() }
        var launch = ChildProcess.Launch(path, arguments)
        launch.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        launch.workingDirectory = folder
        launch.separateErrors = true
        let child = try await ChildProcess.start(launch)
        let (output, errors) = await child.capture(limit: 256 << 20)
        let status = await child.wait()
        return (status, String(decoding: output.bytes, as: UTF8.self), String(decoding: errors.bytes, as: UTF8.self))
    }
}
