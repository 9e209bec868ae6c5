import ChildProcesses
import Foundation
import Partners
import Transport
import Wire

/// A service under test while its scenario runs: its process, its port, what it printed.
final class RunningService: Sendable {
    let name: String
    let port: Int
    private let process: ChildProcess
    private let streams: Task<(output: ChildProcess.Captured, errors: ChildProcess.Captured), Never>

    private init(name: String, port: Int, process: ChildProcess) {
        self.name = name
        self.port = port
        self.process = process
        streams = Task { await process.capture(limit: ExternalProgram.captureLimit) }
    }

    /// How the service ended, for `result.json`.
    struct Report: Encodable, Sendable {
        var name: String
        var status: String
        var message: String?
        var exit: Int32?
        var stdout: String?
        var stderr: String?
    }

    /// Starts `service` on a free loopback port and waits until it is ready; on failure it is
    /// stopped, and the report says why.
    static func start(
        _ service: ServiceUnderTest, variables: [String: String], client: HTTPClient
    ) async -> Result<RunningService, Failure> {
        let port: Int
        do {
            port = try LoopbackSocket(listening: false).port
        } catch {
            return .failure(Failure(Report(name: service.name, status: "not started", message: error.message)))
        }
        var variables = variables
        variables["BIFROST_SERVICE_PORT"] = "\(port)"
        switch await service.program.start(variables: variables) {
        case .failure(let failure):
            return .failure(Failure(Report(name: service.name, status: "not started", message: failure.message)))
        case .success(let process):
            let running = RunningService(name: service.name, port: port, process: process)
            if let problem = await running.waitUntilReady(service, client: client) {
                var report = await running.stop(showingOutput: true)
                (report.status, report.message) = ("not ready", problem)
                return .failure(Failure(report))
            }
            return .success(running)
        }
    }

    /// Why the service did not become ready, or nil once it is.
    private func waitUntilReady(_ service: ServiceUnderTest, client: HTTPClient) async -> String? {
        let deadline = ContinuousClock.now + service.readyTimeout
        let url = service.readyPath.map { "http://127.0.0.1:\(port)\($0)" }
        while ContinuousClock.now < deadline {
            if let status = process.exitStatus { return "exited with status \(status) before it was ready" }
            let port = self.port
            if let url {
                if let response = try? await client.send(ClientRequest(method: "GET", url: url)),
                    (200..<300).contains(response.status)
                {
                    return nil
                }
            } else if await BlockingPool.run({ LoopbackSocket.accepts(port: port) }) {
                return nil
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        let what = url.map { "GET \($0) answered 2xx" } ?? "port \(port) accepted connections"
        return "not ready within \(service.readyTimeout): no \(what)"
    }

    /// Stops the service with its whole process group: SIGTERM, SIGKILL a second later. What it
    /// printed is in the report when it ended early or `showingOutput` says so.
    func stop(showingOutput: Bool = false) async -> Report {
        let ranUntilStopped = process.exitStatus == nil
        let exit = await process.terminate(grace: .seconds(1))
        let (output, errors) = await streams.value
        var report = Report(name: name, status: ranUntilStopped ? "stopped" : "exited early", exit: ranUntilStopped ? nil : exit)
        if !ranUntilStopped { report.message = "exited with status \(exit) while the steps ran" }
        if !ranUntilStopped || showingOutput {
            report.stdout = String(decoding: output.bytes, as: UTF8.self)
            report.stderr = String(decoding: errors.bytes, as: UTF8.self)
        }
        return report
    }

    /// A service that could not start, was not ready, or ended early.
    struct Failure: Error {
        var report: Report
        init(_ report: Report) { self.report = report }
    }
}
