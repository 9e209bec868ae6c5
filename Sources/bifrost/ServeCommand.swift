import ArgumentParser
import Certification
import Foundation
import Harness
import MockTLS
import Partners
import Support
import Synchronization
import Transport

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

    @Option(help: "How long a connection may take to send a whole request (or stay idle) before it is closed, in milliseconds.")
    var readTimeoutMs = Int(MockServer.defaultReadTimeout.milliseconds)

    @Option(help: "Serve HTTPS with this certificate chain, PEM (the server's certificate first); needs --tls-key.")
    var tlsCert: String?

    @Option(help: "The private key of --tls-cert, PEM.")
    var tlsKey: String?

    /// `https` with `--tls-cert`, `http` otherwise.
    var scheme: String { tlsCert == nil ? "http" : "https" }

    /// The TLS the options name, read now: a file that cannot be read exits 2 before the server listens.
    func tls() throws -> MockTLS? {
        guard let tlsCert, let tlsKey else { return nil }
        do {
            return try MockTLS(certificateFile: tlsCert, keyFile: tlsKey)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
    }

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
        guard readTimeoutMs > 0 else { throw ValidationError("--read-timeout-ms must be at least 1") }
        guard (tlsCert == nil) == (tlsKey == nil) else {
            throw ValidationError("--tls-cert and --tls-key go together: the certificate chain and its private key")
        }
    }

    /// A usage error unless `port` is 0 (any free port) to 65535.
    static func check(port: Int) throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 (any free port) to 65535, got \(port)") }
    }

    /// Serves the endpoints `make` builds (given the request log) until SIGINT or SIGTERM, the first
    /// on `port`, the others on `alsoPorts` in order; with the certification `make` gives, every
    /// exchange is judged and the report written at the stop (exit 2 if it cannot be). `banner` gets
    /// the bound ports in the same order.
    func serve(
        port: Int, alsoPorts: [Int] = [], maximumBodySize: Int, banner: @escaping @Sendable ([Int]) -> String,
        make: (@escaping @Sendable (String) -> Void) -> ([MockEndpoint], ServeCertifyOptions.Certifying?),
        atStop: @escaping @Sendable () -> Bool = { true }
    ) async throws {
        let log = RequestLog()
        let quiet = self.quiet
        let tls = try self.tls()
        let (served, certifying) = make { line in if !quiet { log.append(line) } }
        let handlers = served.map { endpoint in
            var handler = MockServer.Handler(
                certifying.map { endpoint.observed(by: $0.certification) } ?? endpoint, maximumBodySize: maximumBodySize)
            handler.readTimeout = .milliseconds(readTimeoutMs)
            handler.wrapping = tls?.server
            return handler
        }
        let reportFailed = ReportFailure()
        do {
            try await MockServer.serve(
                handlers[0], host: host, port: port, also: Array(zip(handlers.dropFirst(), alsoPorts)), services: [log],
                onBound: { printError(banner($0)) },
                onStop: { signal in
                    log.flush()
                    printError("stopping on \(signal)")
                    if let certifying, !certifying.finish() { reportFailed.record() }
                    if !atStop() { reportFailed.record() }
                    Self.exitAfter(Self.stopBound, status: reportFailed.happened ? 2 : 0)
                })
        } catch {
            log.flush()
            printError("cannot serve on \(host):\(([port] + alsoPorts).map(String.init).joined(separator: ", ")): \(error)")
            throw ExitCode(2)
        }
        log.flush()
        if reportFailed.happened { throw ExitCode(2) }
    }

    /// A recording proxy to `proxyTo` in place of the mock, when given: `serve … --proxy-to URL --record DIR`.
    static func proxy(
        partner: String, proxyTo: String?, record: String?, transport: TransportOptions
    ) throws -> RecordingProxy? {
        guard let proxyTo else {
            if record != nil { throw ValidationError("--record needs --proxy-to") }
            return nil
        }
        guard proxyTo.hasPrefix("http://") || proxyTo.hasPrefix("https://") else {
            throw ValidationError("--proxy-to must be an http:// or https:// URL")
        }
        return RecordingProxy(partner: partner, base: proxyTo, client: HTTPClient(configuration: try transport.configuration()))
    }

    /// Writes a proxy's recording into `folder` at the stop; false (exit 2) when it cannot.
    static func writeRecording(_ proxy: RecordingProxy?, to folder: String?) -> Bool {
        guard let proxy, let folder else { return true }
        do {
            for line in try proxy.writeRecording(to: folder) { printError("recorded: \(line)") }
            return true
        } catch {
            printError("cannot write the recording into \(folder): \(error)")
            return false
        }
    }

    /// Ends the process with `status` after `bound`, should the graceful stop not have ended it by then.
    static func exitAfter(_ bound: Duration, status: Int32 = 0) {
        Task.detached {
            try? await Task.sleep(for: bound)
            Foundation.exit(status)
        }
    }
}

struct ServeIMTCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imt",
        abstract: "Serve the mock IMT JSON:API (sessions, payments-due, payments, settings, bills) and its admin API.",
        discussion: """
            Partner routes: /auth/<id>/api/ and /webpayments/<id>/api/ (<id>: the state's biller_id, default 3401). \
            Without --state it serves a demo: the user icuser with the password s3cr3t-pass and the policy 20240903 with its bill. \
            Admin routes under /__admin/: state (GET, PUT), journal (GET; ?offset=N&limit=M for one page), requests (GET; ?method=&path=&header.NAME=&body.PATH=: the matching entries and their count), reset (POST), faults (GET, POST, DELETE), \
            openapi.json (GET). One line per partner request goes to standard error. A request still in work after \
            --deadline-ms is answered 503; a connection whose request has not arrived whole within --read-timeout-ms is closed. SIGINT or SIGTERM stops the server within 2 s, requests in flight or not. \
            With --tls-cert and --tls-key (PEM) it serves HTTPS only. \
            With --certify, each request of the partner's client is judged and the certification report written at the stop \
            (docs/certification.md). \
            Exit status: 0 stopped by a signal (whatever the report says), 2 a usage error, an unreadable state file, \
            a port that cannot be bound or a report that cannot be written.
            """)

    @OptionGroup var options: ServeOptions

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8080

    @Option(
        help: """
            Serve the auth API on this port instead (0: any free port), as IMT's own host: the --port then serves \
            the data and admin APIs only, and the auth URL names the host localhost when --host is 127.0.0.1, \
            so a cookie jar keyed by host does not carry the session cookie to the data host.
            """)
    var authPort: Int?

    @Option(help: "A state file, YAML or JSON: a scenario's imt: block, with or without its imt: key.")
    var state: String?

    @OptionGroup var certify: ServeCertifyOptions

    @OptionGroup var recording: ServeRecordOptions

    func validate() throws {
        try ServeOptions.check(port: port)
        if let authPort {
            guard (0...65535).contains(authPort) else {
                throw ValidationError("--auth-port must be 0 (any free port) to 65535, got \(authPort)")
            }
            guard authPort == 0 || authPort != port else { throw ValidationError("--auth-port must differ from --port") }
        }
    }

    func run() async throws {
        if let proxy = try ServeOptions.proxy(
            partner: "imt", proxyTo: recording.proxyTo, record: recording.record, transport: recording.transport)
        {
            if certify.certify || state != nil { throw ValidationError("--proxy-to serves no mock: drop --certify and --state") }
            return try await recording.serve(proxy, options: options, port: port, maximumBodySize: IMTMock.maximumBodySize)
        }
        let state = try options.initialState(state, { try IMTStandalone.state(file: $0) }, empty: IMTStandalone.demoState)
        let deadline = Duration.milliseconds(options.deadlineMs)
        let expected = try certify.expectedFailures(kind: "imt")
        let mock = IMTMock(state: state)
        let (auth, api, host) = (mock.authPath, mock.apiPath, options.host)
        // The auth API's own host: another name for the loopback address, where there is one.
        let authHost = host == "127.0.0.1" ? "localhost" : host
        let standalone = Served<IMTStandalone>()
        try await options.serve(
            port: port, alsoPorts: authPort.map { [$0] } ?? [], maximumBodySize: IMTMock.maximumBodySize,
            banner: { [scheme = options.scheme] ports in
                guard ports.count > 1 else {
                    return "mock IMT on \(scheme)://\(host):\(ports[0]): auth \(auth)/, data \(api)/, admin /__admin/"
                }
                let authOrigin = "\(scheme)://\(authHost):\(ports[1])"
                standalone.value.withLock { $0?.authListens(at: authOrigin) }
                return "mock IMT: data \(scheme)://\(host):\(ports[0])\(api)/, admin \(scheme)://\(host):\(ports[0])/__admin/, "
                    + "auth \(authOrigin)\(auth)/"
            },
            make: { log in
                let served = IMTStandalone(state: state, log: log, deadline: deadline)
                standalone.value.withLock { $0 = served }
                let certifying = expected.map { certify.certifying(.imt(served.mock, state: state, expectedFailures: $0)) }
                guard authPort != nil else { return ([served.endpoint], certifying) }
                let (data, auth) = served.endpoints
                return ([data, auth], certifying)
            })
    }
}

struct ServeICCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ic",
        abstract: "Serve the mock IC SOAP services (CloudInvoicing uploads and reports, WSDL at ?wsdl) and its admin API.",
        discussion: """
            Service: POST /portal/webservices/CloudInvoicing.asmx (SOAP 1.1 or 1.2); WSDL: GET …CloudInvoicing.asmx?wsdl. \
            Admin routes under /__admin/: state (GET, PUT), journal (GET; ?offset=N&limit=M for one page), requests (GET; ?method=&path=&header.NAME=&body.PATH=: the matching entries and their count), import (GET, ?date=mm/dd/yyyy), reset (POST), \
            faults (GET, POST, DELETE), CloudInvoicing.wsdl (GET), clock (GET; PUT {"now": "2024-11-18T17:05:28Z", "running": false}; \
            POST clock/advance {"seconds": 3600}). The clock, which SSO tokens expire on and payments are dated with, runs with the \
            wall clock from --clock (default: the wall clock's time). \
            One line per request goes to standard error. A request still in work after --deadline-ms is answered 503 \
            (a SOAP Fault); a connection whose request has not arrived whole within --read-timeout-ms is closed. SIGINT or SIGTERM stops the server within 2 s, requests in flight or not. \
            With --tls-cert and --tls-key (PEM) it serves HTTPS only. \
            With --certify, each request of the partner's client is judged and the certification report written at the stop \
            (docs/certification.md). \
            Exit status: 0 stopped by a signal (whatever the report says), 2 a usage error, an unreadable state file, \
            a port that cannot be bound or a report that cannot be written.
            """)

    @OptionGroup var options: ServeOptions

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8081

    @Option(help: "A state file, YAML or JSON: a scenario's ic: block, with or without its ic: key (e.g. Tools/ic-state.yaml).")
    var state: String?

    @Option(help: "Where the mock's clock starts, ISO 8601 with its zone (e.g. 2024-11-18T17:05:28Z); it runs on from there.")
    var clock: String?

    @OptionGroup var certify: ServeCertifyOptions

    @OptionGroup var recording: ServeRecordOptions

    func validate() throws {
        try ServeOptions.check(port: port)
        if let clock, MockClock.date(clock) == nil {
            throw ValidationError(
                "--clock must be an ISO 8601 date and time with its zone, e.g. 2024-11-18T17:05:28Z; got \(clock)")
        }
    }

    func run() async throws {
        if let proxy = try ServeOptions.proxy(
            partner: "ic", proxyTo: recording.proxyTo, record: recording.record, transport: recording.transport)
        {
            if certify.certify || state != nil || clock != nil {
                throw ValidationError("--proxy-to serves no mock: drop --certify, --state and --clock")
            }
            return try await recording.serve(proxy, options: options, port: port, maximumBodySize: ICMock.maximumBodySize)
        }
        let state = try options.initialState(state, { try ICStandalone.state(file: $0) }, empty: ICState())
        let start = clock.flatMap(MockClock.date)
        let deadline = Duration.milliseconds(options.deadlineMs)
        let expected = try certify.expectedFailures(kind: "ic")
        try await options.serve(
            port: port, maximumBodySize: ICMock.maximumBodySize,
            banner: { [host = options.host, scheme = options.scheme] in
                "mock IC on \(scheme)://\(host):\($0[0])\(ICMock.cloudInvoicingPath) (WSDL: ?wsdl), admin /__admin/"
            },
            make: { log in
                let standalone = ICStandalone(state: state, log: log, deadline: deadline, clock: start)
                return (
                    [standalone.endpoint],
                    expected.map { certify.certifying(.ic(standalone.mock, state: state, expectedFailures: $0)) }
                )
            })
    }
}

/// What a server serves once `make` has built it, for the banner, which runs later, to reach.
private final class Served<Value: Sendable>: Sendable {
    let value = Mutex<Value?>(nil)
}
