import ArgumentParser
import Foundation
import Harness

/// What the command line reads of its surroundings: CI, terminals, folders.
enum Environment {
    /// Whether the `CI` environment variable says this is CI.
    static var isCI: Bool { ContinuousIntegration.isCI(ProcessInfo.processInfo.environment) }

    /// Whether standard error is a terminal, for the progress line.
    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// A usage error unless the folder that would hold `path` exists.
    static func requireParentFolder(of path: String, option: String) throws {
        let parent = (URL(fileURLWithPath: path).standardizedFileURL.path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("\(option) \(path): the folder \(parent) does not exist")
        }
    }
}
