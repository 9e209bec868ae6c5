public import ArgumentParser
public import Harness

/// `--junit-output failures|all|none`.
extension JUnitReporter.JournalOutput: ExpressibleByArgument {}
