/// Why `bifrost record` wrote nothing: the endpoint refused or did not answer (exit 1), or the
/// input is wrong (exit 2).
public struct RecordError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The exit status the command ends with.
    public var exitCode: Int32

    public init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }

    public var description: String { message }
}
