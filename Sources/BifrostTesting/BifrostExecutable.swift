public import Foundation
import Transport

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
        guard let path else { throw Missing() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return await BlockingPool.run { () -> (Int32, String) in
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
    }

    /// Runs `bifrost` as `run(_:environment:in:)` does, standard error kept; its exit status, standard output and error.
    public static func runKeepingErrors(
        _ arguments: [String], environment: [String: String] = [:], in folder: String? = nil
    ) async throws -> (status: Int32, output: String, errors: String) {
        guard let path else { throw Missing() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let (output, errors) = (Pipe(), Pipe())
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Standard error is read on a thread of its own, so that neither pipe fills while the other is read.
        async let errorData = BlockingPool.run { errors.fileHandleForReading.readDataToEndOfFile() }
        let (status, outputText) = await BlockingPool.run { () -> (Int32, String) in
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
        return (status, outputText, String(decoding: await errorData, as: UTF8.self))
    }
}
