import Foundation
import Harness

/// What the command line reads of its surroundings: CI and terminals.
enum Environment {
    /// Whether the `CI` environment variable says this is CI.
    static var isCI: Bool { ContinuousIntegration.isCI(ProcessInfo.processInfo.environment) }

    /// Whether standard error is a terminal, for the progress line.
    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
