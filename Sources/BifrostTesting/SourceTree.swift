public import Foundation

/// The checkout the tests were built from, for tests that check its committed files.
public enum SourceTree {
    /// The package's root folder: two folders above this file's `Sources/BifrostTesting`.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The absolute path of `relative` under the root.
    public static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    /// The text of the committed file `relative`.
    public static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }
}
