import Foundation
public import Logging
import NIOCore
public import ServiceLifecycle
import Synchronization
import UnixSignals

extension MockServer {
    /// Serves `handler` as a long-running server until a stop request (SIGINT or SIGTERM), then
    /// shuts down gracefully: in-flight requests get `gracePeriod` to finish, then are cancelled.
    ///
    /// The server, the caller's `services` (a `RequestLog`) and the stop watch run in one `ServiceGroup`; when a stop arrives, `onStop` is
    /// called with its name (`SIGINT`), the group shuts down in reverse order (the server before the
    /// log, so its last lines are flushed), and `serve` returns. A handler stuck in its work does not
    /// hold the stop: its request is answered at its deadline, and cancelled at the end of `gracePeriod`.
    ///
    /// ```swift
    /// try await MockServer.serve(.init(mock.handle, maximumBodySize: IMTMock.maximumBodySize), port: 8080,
    ///     onBound: { print("listening on \($0[0])") }, onStop: { print("stopping on \($0)") })
    /// ```
    /// - Parameters:
    ///   - also: more listeners served alongside, each its own handler on its own port (the mock
    ///     IMT's auth API on a host of its own), stopped with the first.
    ///   - stops: names of stop requests; nil: SIGINT and SIGTERM, trapped while serving.
    ///   - onBound: called with the bound ports (the first's, then those of `also`) once every server listens.
    public static func serve(
        _ handler: Handler, host: String = "127.0.0.1", port: Int, also: [(handler: Handler, port: Int)] = [],
        services: [any Service] = [], gracePeriod: Duration = .seconds(1), logger: Logger = MockServer.silentLogger,
        stops: AsyncStream<String>? = nil,
        onBound: @escaping @Sendable ([Int]) -> Void, onStop: @escaping @Sendable (String) -> Void
    ) async throws {
        let listeners = [(handler, port)] + also.map { ($0.handler, $0.port) }
        let bound = Mutex([Int?](repeating: nil, count: listeners.count))
        let apps = try listeners.enumerated().map { index, listener in
            try application(listener.0, host: host, port: listener.1, logger: logger) { port in
                let ports: [Int]? = bound.withLock { ports in
                    ports[index] = port
                    return ports.contains(nil) ? nil : ports.compactMap { $0 }
                }
                if let ports { onBound(ports) }
            }
        }
        let watch = StopWatch(stops: stops, onStop: onStop)
        var configuration = ServiceGroupConfiguration(
            services: services.map { .init(service: $0) } + apps.map { .init(service: $0) } + [
                .init(service: watch, successTerminationBehavior: .gracefullyShutdownGroup)
            ],
            logger: logger)
        configuration.maximumGracefulShutdownDuration = gracePeriod
        do {
            try await ServiceGroup(configuration: configuration).run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw StartError(message: "the port is already in use (another server listens there)")
        }
    }
}

/// Ends a service group on the first stop request: a signal's name, or an element of a stream.
struct StopWatch: Service {
    let stops: AsyncStream<String>?
    let onStop: @Sendable (String) -> Void

    func run() async {
        let name: String?
        if let stops {
            name = await cancelWhenGracefulShutdownOrNil { await stops.first { _ in true } }
        } else {
            let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
            let names: [UnixSignal: String] = [.sigint: "SIGINT", .sigterm: "SIGTERM"]
            name = await cancelWhenGracefulShutdownOrNil { await signals.first { _ in true }.map { names[$0] ?? "\($0)" } }
        }
        if let name { onStop(name) }
    }

    /// The operation's result, or nil when the group shuts down or is cancelled first.
    private func cancelWhenGracefulShutdownOrNil(_ operation: @escaping @Sendable () async -> String?) async -> String? {
        await cancelWhenGracefulShutdown { await operation() }
    }
}
