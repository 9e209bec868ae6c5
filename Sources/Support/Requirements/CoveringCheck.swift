/// A check that covers a requirement besides the scenarios: a certification check, with the command that runs it.
///
/// Certification lists its checks as these (`CheckDefinition.covering`) and the coverage report counts them,
/// so neither module needs the other.
public struct CoveringCheck: Sendable, Hashable {
    /// The command that runs the check: `certify imt`.
    public var command: String
    /// The requirement id the check tests.
    public var id: String
    /// What the check asserts, in one line.
    public var title: String

    public init(command: String, id: String, title: String) {
        self.command = command
        self.id = id
        self.title = title
    }
}
