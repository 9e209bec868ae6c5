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

    @Flag(help: "Do not log each request.")
    var quiet = false

    @Option(help: "How long a request may take before the mock answers 503, in milliseconds.")
    var deadlineMs = Int(MockEndpoint.defaultDeadline.milliseconds)

    /// Reads the state file with `load`, or gives `empty`; an unreadable file exits 2.
    func initialState<State>(_ file: String?, _ load: (String) throws -> State, empty: State) throws -> State {
        do {
            return try file.map(load) ?? empty
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
    }

    /// The longest a stop may take: the grace period for requests in flight, then their cancellation.
    static let stopBound = Duration.milliseconds(1800)

    func validate() throws {
        guard deadlineMs > 0 else { throw ValidationError("--deadline-ms must be at least 1") }
    }

    /// A usage error unless `port` is 0 (any free port) to 65535.
    static func check(port: Int) throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 (any free port) to 65535, got \(port)") }
    }

    /// Serves the endpoint `make` builds (given the request log) until SIGINT or SIGTERM.
    func serve(
        port: Int, maximumBodySize: Int, banner: @escaping @Sendable (Int) -> String,
        make: (@escaping @Sendable (String) -> Void) -> MockEndpoint
    ) async throws {
        let log = RequestLog()
        let quiet = self.quiet
        let endpoint = make { line in if !quiet { log.append(line) } }
        do {
            try await MockServer.serve(
                .init(endpoint, maximumBodySize: maximumBodySize), host: host, port: port, services: [log],
                onBound: { printError(banner($0)) },
                onStop: { signal in
                    log.flush()
                    printError("stopping on \(signal)")
                    Self.exitAfter(Self.stopBound)
                })
        } catch {
            log.flush()
            printError("cannot serve on \(host):\(port): \(error)")
            throw ExitCode(2)
        }
        log.flush()
    }

    /// Ends the process with status 0 after `bound`, should the graceful stop not have ended it by then.
    static func exitAfter(_ bound: Duration) {
        let thread = Thread {
            Thread.sleep(forTimeInterval: Double(bound.milliseconds) / 1000)
            Foundation.exit(0)
        }
        thread.name = "bifrost.stop-bound"
        thread.start()
    }
}

struct ServeIMTCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imt",
        abstract: "Serve the mock IMT JSON:API (sessions, payments-due, payments, settings, bills) and its admin API.",
        discussion: """
            Partner routes: /auth/<id>/api/ and /webpayments/<id>/api/ (<id>: the state's biller_id, default 3401). \
            Without --state it serves a demo: the user icuser with the password s3cr3t-pass and the policy 20240903 with its bill. \
            Admin routes under /__admin/: state (GET, PUT), journal (GET), reset (POST), faults (GET, POST, DELETE), \
            openapi.json (GET). One line per partner request goes to standard error. A request still in work after \
            --deadline-ms is answered 503. SIGINT or SIGTERM stops the server within 2 s, requests in flight or not. \
            Exit status: 0 stopped by a signal, 2 a usage error, an unreadable state file or a port that cannot be bound.
            """)

    @OptionGroup var options: ServeOptions

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8080

    @Option(help: "A state file, YAML or JSON: a scenario's imt: block, with or without its imt: key.")
    var state: String?

    func validate() throws { try ServeOptions.check(port: port) }

    func run() async throws {
        let state = try options.initialState(state, { try IMTStandalone.state(file: $0) }, empty: IMTStandalone.demoState)
        let deadline = Duration.milliseconds(options.deadlineMs)
        let mock = IMTMock(state: state)
        let (auth, api, host) = (mock.authPath, mock.apiPath, options.host)
        try await options.serve(
            port: port, maximumBodySize: IMTMock.maximumBodySize,
            banner: { "mock IMT on http://\(host):\($0): auth \(auth)/, data \(api)/, admin /__admin/" },
            make: { log in IMTStandalone(state: state, log: log, deadline: deadline).endpoint })
    }
}

struct ServeICCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ic",
        abstract: "Serve the mock IC SOAP services (CloudInvoicing uploads and reports, WSDL at ?wsdl) and its admin API.",
        discussion: """
            Service: POST /portal/webservices/CloudInvoicing.asmx (SOAP 1.1 or 1.2); WSDL: GET …CloudInvoicing.asmx?wsdl. \
            Admin routes under /__admin/: state (GET, PUT), journal (GET), import (GET, ?date=mm/dd/yyyy), reset (POST), \
            faults (GET, POST, DELETE), CloudInvoicing.wsdl (GET). \
            One line per request goes to standard error. A request still in work after --deadline-ms is answered 503 \
            (a SOAP Fault). SIGINT or SIGTERM stops the server within 2 s, requests in flight or not. \
            Exit status: 0 stopped by a signal, 2 a usage error, an unreadable state file or a port that cannot be bound.
            """)

    @OptionGroup var options: ServeOptions

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8081

    @Option(help: "A state file, YAML or JSON: a scenario's ic: block, with or without its ic: key (e.g. Tools/ic-state.yaml).")
    var state: String?

    func validate() throws { try ServeOptions.check(port: port) }

    func run() async throws {
        let state = try options.initialState(state, { try ICStandalone.state(file: $0) }, empty: ICState())
        let deadline = Duration.milliseconds(options.deadlineMs)
        try await options.serve(
            port: port, maximumBodySize: ICMock.maximumBodySize,
            banner: { [host = options.host] in
                "mock IC on http://\(host):\($0)\(ICMock.cloudInvoicingPath) (WSDL: ?wsdl), admin /__admin/"
            },
            make: { log in ICStandalone(state: state, log: log, deadline: deadline).endpoint })
    }
}
