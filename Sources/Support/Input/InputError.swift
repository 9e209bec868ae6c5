import Foundation

/// Input the harness cannot use: a malformed or unknown scenario, catalog or golden file.
///
/// Printed as `file:line:column: message`; the command exits with status 2.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }

    /// The UTF-8 text of `file`, or an error at its start saying why it cannot be read.
    public static func text(ofFile file: String) throws(InputError) -> String {
        do {
            return try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw InputError(file: file, line: 1, column: 1, message: "cannot read the file: \(error.localizedDescription)")
        }
    }
}
