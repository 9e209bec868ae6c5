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

/// The options of every `serve` subcommand.
struct ServeOptions: ParsableArguments {
    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port; default 8080 for imt, 8081 for ic).")
    var port: Int?

    @Option(help: "A state file, YAML or JSON: the shape of a scenario's imt: or ic: block.")
    var state: String?

    @Flag(help: "Do not log each request.")
    var quiet = false

    /// Reads the state file with `load`, or gives `empty`; an unreadable file exits 2.
    func initialState<State>(_ load: (String) throws -> State, empty: State) throws -> State {
        do {
            return try state.map(load) ?? empty
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
    }

    /// Serves the handler `make` builds (given the request log) until SIGINT or SIGTERM.
    func serve(
        defaultPort: Int, maximumBodySize: Int,
        oversized: @escaping @Sendable (MockRequest, Int) -> MockResponse = MockServer.oversizedJSONAPI,
        banner: @escaping @Sendable (Int) -> String,
        make: (@escaping @Sendable (String) -> Void) -> @Sendable (MockRequest) -> MockResponse
    ) async throws {
        let log = BatchedLog()
        let quiet = self.quiet
        let handler = make { line in if !quiet { log.append(line) } }
        let flushing = Task { await log.flushPeriodically() }
        defer { flushing.cancel() }
        let port = self.port ?? defaultPort
        do {
            try await MockServer.withRunning(
                host: host, port: port, maximumBodySize: maximumBodySize, oversized: oversized, handler: handler
            ) { bound in
                printError(banner(bound))
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

    @OptionGroup var options: ServeOptions

    func run() async throws {
        let state = try options.initialState({ try IMTStandalone.state(file: $0) }, empty: IMTState())
        let mock = IMTMock(state: state)
        let (auth, api) = (mock.authPath, mock.apiPath)
        try await options.serve(
            defaultPort: 8080, maximumBodySize: IMTMock.maximumBodySize,
            banner: { "mock IMT on http://\(options.host):\($0): auth \(auth)/, data \(api)/, admin /__admin/" },
            make: { log in IMTStandalone(state: state, log: log).handle })
    }
}

struct ServeICCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ic",
        abstract: "Serve the mock IC SOAP services (CloudInvoicing uploads and reports, WSDL at ?wsdl) and its admin API.",
        discussion: """
            Service: POST /portal/webservices/CloudInvoicing.asmx (SOAP 1.1 or 1.2); WSDL: GET …CloudInvoicing.asmx?wsdl.
            Admin routes under /__admin/: state (GET, PUT), journal (GET), import (GET, ?date=mm/dd/yyyy), reset (POST),
            faults (GET, POST, DELETE).
            One line per request goes to standard error. SIGINT or SIGTERM stops the server.
            Exit status: 0 stopped by a signal, 2 a usage error, an unreadable state file or a port that cannot be bound.
            """)

    @OptionGroup var options: ServeOptions

    func run() async throws {
        let state = try options.initialState({ try ICStandalone.state(file: $0) }, empty: ICState())
        try await options.serve(
            defaultPort: 8081, maximumBodySize: ICMock.maximumBodySize, oversized: ICMock.oversized,
            banner: { [host = options.host] in
                "mock IC on http://\(host):\($0)\(ICMock.cloudInvoicingPath) (WSDL: ?wsdl), admin /__admin/"
            },
            make: { log in ICStandalone(state: state, log: log).handle })
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
