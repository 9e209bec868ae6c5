public import Foundation

/// A folder of its own below the system's temporary folder, for a test's files; `remove()` deletes it.
public struct TemporaryFolder: Sendable {
    /// The folder's absolute path.
    public let path: String

    /// Names a new folder `bifrost-LABEL-UUID` and, when `create` is true, makes it.
    public init(_ label: String, create: Bool = true) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("bifrost-\(label)-\(UUID().uuidString)").path
        if create { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
    }

    /// The folder as a file URL.
    public var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    /// The path of `relative` inside the folder.
    public func file(_ relative: String) -> String { path + "/" + relative }

    /// Writes `text` to `relative`, making the folders on the way, and returns the file's path.
    @discardableResult
    public func write(_ text: String, to relative: String) throws -> String {
        let file = file(relative)
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// The names in the folder, sorted.
    public func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    /// Deletes the folder and everything in it; a folder already gone is no error.
    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}
