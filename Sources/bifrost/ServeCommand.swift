import ArgumentParser
import Foundation
import Harness
import Partners

/// `bifrost serve`: the mocks as standalone stand-in partners.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a mock partner until interrupted.",
        subcommands: [ServeIMTCommand.self, ServeICCommand.self])
}

struct ServeIMTCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imt",
        abstract: "Serve the mock IMT JSON:API (sessions, payments-due, payments, settings, bills) and its admin API.",
        discussion: """
            Partner routes: /auth/<id>/api/ and /webpayments/<id>/api/ (<id>: the state's biller_id, default 3401).
            Admin routes under /__admin/: state (GET, PUT), journal (GET), reset (POST), faults (GET, POST, DELETE),
            openapi.json (GET). One line per partner request goes to standard error. SIGINT or SIGTERM stops the server.
            Exit status: 0 stopped by a signal, 2 a usage error, an unreadable state file or a port that cannot be bound.
            """)

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8080

    @Option(help: "A state file: YAML or JSON with users, policies, policy_settings, bills and faults.")
    var state: String?

    @Flag(help: "Do not log each request.")
    var quiet = false

    func run() async throws {
        let initial: IMTState
        do {
            initial = try state.map { try IMTStandalone.state(file: $0) } ?? IMTState()
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        let quiet = self.quiet
        let log = BatchedLog()
        let standalone = IMTStandalone(state: initial) { line in if !quiet { log.append(line) } }
        let flushing = Task { await log.flushPeriodically() }
        defer { flushing.cancel() }
        do {
            try await MockServer.withRunning(
                host: host, port: port, maximumBodySize: IMTMock.maximumBodySize, handler: standalone.handle
            ) { bound in
                printError(
                    "mock IMT on http://\(host):\(bound): auth \(standalone.mock.authPath)/, data \(standalone.mock.apiPath)/, admin /__admin/"
                )
                let signal = await StopSignal.next()
                log.flush()
                printError("stopping on \(signal)")
            }
        } catch {
            printError("cannot serve on \(host):\(port): \(error)")
            throw ExitCode(2)
        }
    }
}

struct ServeICCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ic",
        abstract: "Serve the mock IC SOAP services (CloudInvoicing UploadInvoice, WSDL at ?wsdl) and its admin API.",
        discussion: """
            Service: POST /portal/webservices/CloudInvoicing.asmx (SOAP 1.1 or 1.2); WSDL: GET …CloudInvoicing.asmx?wsdl.
            Admin routes under /__admin/: state (GET), journal (GET), import (GET, ?date=mm/dd/yyyy), reset (POST).
            One line per request goes to standard error. SIGINT or SIGTERM stops the server.
            Exit status: 0 stopped by a signal, 2 a usage error, an unreadable state file or a port that cannot be bound.
            """)

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8081

    @Option(help: "A state file: YAML or JSON with the billers (guid, key, profile).")
    var state: String?

    @Flag(help: "Do not log each request.")
    var quiet = false

    func run() async throws {
        let initial: ICState
        do {
            initial = try state.map { try ICStandalone.state(file: $0) } ?? ICState()
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        let quiet = self.quiet
        let log = BatchedLog()
        let standalone = ICStandalone(state: initial) { line in if !quiet { log.append(line) } }
        let flushing = Task { await log.flushPeriodically() }
        defer { flushing.cancel() }
        do {
            try await MockServer.withRunning(
                host: host, port: port, maximumBodySize: ICMock.maximumBodySize, oversized: ICMock.oversized,
                handler: standalone.handle
            ) { bound in
                printError("mock IC on http://\(host):\(bound)\(ICMock.cloudInvoicingPath) (WSDL: ?wsdl), admin /__admin/")
                let signal = await StopSignal.next()
                log.flush()
                printError("stopping on \(signal)")
            }
        } catch {
            printError("cannot serve on \(host):\(port): \(error)")
            throw ExitCode(2)
        }
    }
}

/// Waits for SIGINT or SIGTERM.
enum StopSignal {
    static func next() async -> String {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        var sources: [any DispatchSourceSignal] = []
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(name) }
            source.resume()
            sources.append(source)
        }
        var iterator = stream.makeAsyncIterator()
        let name = await iterator.next() ?? "end"
        sources.forEach { $0.cancel() }
        return name
    }
}
