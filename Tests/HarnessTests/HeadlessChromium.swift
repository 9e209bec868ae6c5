import BifrostTesting
import Foundation
import Transport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Debian's `chromium` run headless on one page: the DOM after the page's scripts ran, and its log.
///
/// Console messages reach the log through `--enable-logging=stderr --v=0` as lines holding
/// `CONSOLE` (an uncaught exception reads `"Uncaught …"`); the page under test logs nothing
/// of its own, so any such line is an error. The browser runs as a Foundation `Process`
/// started and awaited on a thread of its own (`BlockingPool`), never on Swift's cooperative
/// pool, and is killed when it outlives `timeout`.
struct HeadlessChromium {
    /// What `ci/setup --tests` installs; the test fails pointing there when it is missing.
    static let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium"]

    /// How the browser ended.
    struct Result: Sendable {
        var status: Int32
        var dom: String
        var log: String

        /// The lines of the log that are messages of the page's console or uncaught exceptions.
        var consoleLines: [String] {
            log.split(separator: "\n").map(String.init).filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let executable: String

    /// The installed browser, or nil.
    static func find() -> HeadlessChromium? {
        candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map(HeadlessChromium.init)
    }

    /// Loads `page` and returns the DOM `--dump-dom` prints once the page loaded.
    func dumpDOM(of page: String, timeout: Duration = .seconds(90)) async throws -> Result {
        try await dumpDOM(url: URL(fileURLWithPath: page).absoluteString, timeout: timeout)
    }

    /// Loads `url` and returns the DOM once the page loaded and, with `budget`, once that much
    /// virtual time ran (the page's scripts, frames and form submissions it starts).
    func dumpDOM(url: String, budget: Duration? = nil, timeout: Duration = .seconds(90)) async throws -> Result {
        let scratch = try TemporaryFolder("chromium")
        defer { scratch.remove() }
        var arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--user-data-dir=\(scratch.file("profile"))",
            "--enable-logging=stderr", "--v=0",
        ]
        if let budget { arguments.append("--virtual-time-budget=\(budget.components.seconds * 1000)") }
        arguments += ["--dump-dom", url]
        let allArguments = arguments
        let output = scratch.file("dom.html")
        let log = scratch.file("stderr.log")
        let executable = executable
        let status = try await BlockingPool.run { () throws -> Int32 in
            try Self.run(executable, allArguments, output: output, log: log, timeout: timeout)
        }
        return Result(
            status: status,
            dom: (try? String(contentsOfFile: output, encoding: .utf8)) ?? "",
            log: (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }

    /// Runs the browser to its end on the calling thread, its output and log into files.
    private static func run(
        _ executable: String, _ arguments: [String], output: String, log: String, timeout: Duration
    ) throws -> Int32 {
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        if ended.wait(timeout: .now() + seconds) == .timedOut {
            process.terminate()
            if ended.wait(timeout: .now() + 5) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            throw Failure(description: "chromium did not finish within \(timeout)")
        }
        return process.terminationStatus
    }
}
