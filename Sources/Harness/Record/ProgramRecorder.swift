import Foundation
public import Partners
import Support
public import Transport
import Wire

/// `bifrost record run`: runs a program of the user's against recording proxies in front of the
/// real partners, then writes a scenario whose `run:` step runs the same program against the mocks,
/// their state derived from the partners' answers (`RecordedSuite`: replayed and checked before
/// anything is kept).
///
/// The program gets the `BIFROST_…` variables a `run:` step gives (`ProgramVariables`), naming the
/// proxies and the real credentials; in the scenario, the mocks and placeholder credentials.
public struct ProgramRecorder: Sendable {
    /// One partner to proxy.
    public struct Partner: Sendable {
        /// The real partner: an origin (with the mock's paths below it), optionally with a path prefix.
        public var proxyTo: String
        /// The IMT user or IC biller the program is given; nil: the one its requests name.
        public var user: String?
        /// The password or web service key the program is given: never written.
        public var secret: String?

        public init(proxyTo: String, user: String? = nil, secret: String? = nil) {
            self.proxyTo = proxyTo
            self.user = user
            self.secret = secret
        }
    }

    /// What to run and record, and where to write it.
    public struct Options: Sendable {
        public var imt: Partner?
        /// The IMT biller id of the program's URLs (`/auth/<id>/api`).
        public var imtBillerID = IMTState().billerID
        /// IMT's auth and data APIs on hosts of their own (`https://auth.partner.example/3401/api`), instead of under `imt.proxyTo`.
        public var imtAuthURL: String?
        public var imtAPIURL: String?
        public var ic: Partner?
        /// The program: a path (made absolute) or a name looked for in PATH.
        public var command: String
        public var arguments: [String] = []
        /// Variables set for the program and written into the step's `env:`.
        public var environment: [String: String] = [:]
        /// The folder the program starts in (default this process's), written into the step.
        public var folder = FileManager.default.currentDirectoryPath
        public var programTimeout: Duration = .seconds(30)
        public var transport = HTTPClient.Configuration()
        public var profile: Scenario.Profile = .imtSpectrum
        public var name = "recorded-run"
        public var output: String
        public var force = false

        public init(command: String, output: String) {
            self.command = command
            self.output = output
        }
    }

    public var options: Options

    public init(_ options: Options) { self.options = options }

    /// Records and writes the suite; returns the scenario's description, line by line.
    /// - Throws: `RecordError`: the program could not start or ran past its timeout, or a partner
    ///   never answered (exit 1); bad input (exit 2). Nothing is written then.
    public func record() async throws(RecordError) -> [String] {
        try check()
        let clock = try IMTRecorder.now()
        let journal = Journal()
        let client = HTTPClient(configuration: options.transport)
        let imtProxy = options.imt.map { imt in
            var rewrites: [(prefix: String, base: String)] = []
            let mock = IMTMock(state: IMTState(billerID: options.imtBillerID))
            if let auth = options.imtAuthURL { rewrites.append((mock.authPath, auth)) }
            if let api = options.imtAPIURL { rewrites.append((mock.apiPath, api)) }
            return RecordingProxy(partner: "imt", base: imt.proxyTo, rewrites: rewrites, client: client, journal: journal)
        }
        let icProxy = options.ic.map { RecordingProxy(partner: "ic", base: $0.proxyTo, client: client, journal: journal) }
        let proxies = [imtProxy, icProxy].compactMap { $0 }
        let program = ExternalProgram(
            command: absoluteCommand, arguments: options.arguments, folder: options.folder, timeout: options.programTimeout,
            environment: options.environment)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("bifrost-record-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run: ExternalProgram.Run
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            run = try await MockServer.withRunning(
                proxies.map {
                    MockServer.Handler($0.endpoint, maximumBodySize: max(IMTMock.maximumBodySize, ICMock.maximumBodySize))
                }
            ) { ports in
                var variables = variables(clock: clock, output: scratch.path)
                for (proxy, port) in zip(proxies, ports) {
                    let origin = "http://127.0.0.1:\(port)"
                    if proxy.partner == "imt" {
                        let mock = IMTMock(state: IMTState(billerID: options.imtBillerID))
                        let user = options.imt?.user.map { ($0, options.imt?.secret ?? "") }
                        variables.merge(
                            ProgramVariables.imt(origin: origin, authPath: mock.authPath, apiPath: mock.apiPath, user: user)
                        ) { $1 }
                    } else {
                        let biller = options.ic?.user.map { ($0, options.ic?.secret ?? "") }
                        variables.merge(ProgramVariables.ic(origin: origin, biller: biller)) { $1 }
                    }
                }
                return await program.run(variables: variables)
            }
        } catch {
            throw RecordError("the recording proxies could not start: \(error)")
        }
        if let failure = run.startFailure { throw RecordError("\(failure); nothing was written", exitCode: 2) }
        if run.timedOut {
            throw RecordError(
                "the program ran past its timeout of \(options.programTimeout) and was killed; nothing was written")
        }
        for proxy in proxies {
            if let failed = proxy.exchanges.first(where: { $0.response == nil }), case .failure(let error) = failed.result {
                throw RecordError("\(RecordingProxy.origin(proxy.base)) did not answer (\(error)); nothing was written")
            }
        }
        return try await write(run: run, proxies: (imtProxy, icProxy), journal: journal, clock: clock)
    }

    /// Derives the mocks' state and writes the suite.
    private func write(
        run: ExternalProgram.Run, proxies: (imt: RecordingProxy?, ic: RecordingProxy?), journal: Journal, clock: ScenarioClock
    ) async throws(RecordError) -> [String] {
        let imt = proxies.imt.map {
            PartnerDerivation.imt(
                $0.exchanges, origin: RecordingProxy.recordedOrigin, billerID: options.imtBillerID, username: options.imt?.user)
        }
        let ic = proxies.ic.map { PartnerDerivation.ic($0.exchanges, guid: options.ic?.user) }
        let program = (options.command as NSString).lastPathComponent
        var notes = [
            "Recorded by bifrost record run from "
                + [proxies.imt, proxies.ic].compactMap { $0 }.map { "\($0.partner) at \(RecordingProxy.origin($0.base))" }
                .joined(separator: " and ") + " at \(clock.text): \(program) exited with status \(run.exitStatus ?? -1)."
        ]
        if journal.count == 0 { notes.append("The program sent no request to a partner.") }
        notes += (imt?.notes ?? []) + (ic?.notes ?? [])
        let secrets =
            [options.imt?.secret, options.ic?.secret].compactMap { $0 } + (imt?.secrets ?? []) + (ic?.secrets ?? [])
            + ExternalProgram(command: "", arguments: [], folder: "", timeout: .zero, environment: options.environment).secrets
        let scrubber = SecretScrubber(secrets: secrets)
        let recorded = scrubber.scrub(journal.json)
        let title = "Recorded run of \(program)"
        let blocks = [imt?.yaml, ic?.yaml].compactMap { $0 }
        let yaml = { (description: String) in self.yaml(title: title, description: description, clock: clock, blocks: blocks) }
        let suite = RecordedSuite(output: options.output, name: options.name, force: options.force)
        return try await suite.write(
            .init(scenario: yaml, journal: recorded, expected: [.journal: recorded], notes: notes, secrets: secrets)
        ).lines
    }

    /// The variables a `run:` step gives besides the partners'.
    private func variables(clock: ScenarioClock, output: String) -> [String: String] {
        let scenarios = URL(fileURLWithPath: options.output).standardizedFileURL.appendingPathComponent("Scenarios").path
        return ["BIFROST_SCENARIO_DIR": scenarios, "BIFROST_CLOCK": clock.text, "BIFROST_OUTPUT_DIR": output]
    }

    /// The command as the scenario names it: a path made absolute against the program's folder, a bare name as it is.
    var absoluteCommand: String {
        guard options.command.contains("/"), !options.command.hasPrefix("/") else { return options.command }
        return URL(fileURLWithPath: options.command, relativeTo: URL(fileURLWithPath: options.folder, isDirectory: true))
            .standardizedFileURL.path
    }

    private func check() throws(RecordError) {
        try RecordedSuite.checkOutput(options.output, force: options.force)
        try IMTRecorder.check(name: options.name)
        guard options.imt != nil || options.ic != nil else {
            throw RecordError("name at least one partner to proxy: --imt-proxy-to or --ic-proxy-to", exitCode: 2)
        }
        let urls = [options.imt?.proxyTo, options.ic?.proxyTo, options.imtAuthURL, options.imtAPIURL].compactMap { $0 }
        for url in urls where !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            throw RecordError("\(url) is not an http:// or https:// URL", exitCode: 2)
        }
        for name in options.environment.keys {
            let secret = ExternalProgram(command: "", arguments: [], folder: "", timeout: .zero, environment: [name: "x"])
            if !secret.secrets.isEmpty {
                throw RecordError(
                    "--env \(name) looks like a secret, which the scenario would have to hold; pass it through the "
                        + "environment instead, or give the partner's credentials with --imt-password-env / --ic-key-env",
                    exitCode: 2)
            }
        }
        if case .failure(let failure) = ExternalProgram(
            command: absoluteCommand, arguments: [], folder: options.folder, timeout: .zero, environment: [:]
        ).executable(searching: ProcessInfo.processInfo.environment["PATH"]) {
            throw RecordError(failure.message, exitCode: 2)
        }
    }

    private func yaml(title: String, description: String, clock: ScenarioClock, blocks: [String]) -> String {
        var lines = [
            "# Written by bifrost record run: the mocks replay what the partners answered the program.",
            "name: \(YAMLText.quoted(title))",
            "description: \(YAMLText.quoted(description))",
            "profile: \(options.profile.rawValue)",
            "clock: \(YAMLText.quoted(clock.text))",
        ]
        lines += blocks
        lines += [
            "steps:",
            "  - run:",
            "      command: \(YAMLText.quoted(absoluteCommand))",
            "      args: \(YAMLText.flow(.array(options.arguments.map(JSONValue.string))))",
            "      folder: \(YAMLText.quoted(options.folder))",
            "      timeout: \(YAMLText.quoted("\(options.programTimeout.milliseconds)ms"))",
        ]
        if !options.environment.isEmpty {
            lines.append("      env:")
            lines += options.environment.sorted { $0.key < $1.key }.map {
                "        \(YAMLText.quoted($0.key)): \(YAMLText.quoted($0.value))"
            }
        }
        lines += ["expect:", "  golden: [journal, result]", ""]
        return lines.joined(separator: "\n")
    }
}
