import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the reports go: checks of a report's path before a run, and writes a reader never sees half done.
public enum ReportFile {
    /// Why a report file cannot be written at `path`, or nil when its folder exists.
    ///
    /// Checked before anything runs, so a typo in a report's path is a usage error rather
    /// than a run whose report is lost at the end.
    public static func problem(writingFile path: String) -> String? {
        if isFolder(path) { return "\(path) is a folder, not a file" }
        return folderProblem(parentOf: path)
    }

    /// Why a report folder cannot be made or used at `path`, or nil when it exists or its parent does.
    public static func problem(writingFolder path: String) -> String? {
        if FileManager.default.fileExists(atPath: path) {
            return isFolder(path) ? nil : "\(path) is a file, not a folder"
        }
        return folderProblem(parentOf: path)
    }

    /// Writes `text` to a temporary file beside `path`, then renames it over `path`.
    ///
    /// The rename is atomic: a reader sees the old report or the new one, never a part.
    /// The temporary file is removed when the write or the rename fails.
    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Makes the folder `path` unless it exists; its parent must exist.
    public static func makeFolder(_ path: String) throws {
        if !isFolder(path) { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false) }
    }

    private static func folderProblem(parentOf path: String) -> String? {
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        return isFolder(folder) ? nil : "the folder \(folder) does not exist"
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
