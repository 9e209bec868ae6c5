import ArgumentParser
import Harness
import Partners

/// `serve imt|ic --proxy-to URL [--record DIR]`: a recording proxy in front of the real partner, for
/// a client started by hand; the state file and journal are written at SIGINT or SIGTERM.
struct ServeRecordOptions: ParsableArguments {
    @Option(
        help:
            "Forward every partner request, unchanged, to this real partner (an origin with the mock's paths) instead of mocking it."
    )
    var proxyTo: String?

    @Option(
        help:
            "With --proxy-to: at the stop, write <partner>.state.yaml (a --state file derived from the answers) and <partner>.journal.json here."
    )
    var record: String?

    @OptionGroup var transport: TransportOptions

    /// Serves `proxy` until SIGINT or SIGTERM, then writes its recording if `--record` names a folder.
    func serve(_ proxy: RecordingProxy, options: ServeOptions, port: Int, maximumBodySize: Int) async throws {
        let (record, host, scheme) = (self.record, options.host, options.scheme)
        let partner = proxy.partner
        try await options.serve(
            port: port, maximumBodySize: maximumBodySize,
            banner: {
                "recording proxy for \(partner) on \(scheme)://\(host):\($0[0])/, forwarding to \(RecordingProxy.origin(proxy.base))"
                    + (record.map { ", recording into \($0) at the stop" } ?? "")
            },
            make: { log in
                ([proxy.endpoint.observed(by: RequestLogObserver(log))], nil)
            },
            atStop: { ServeOptions.writeRecording(proxy, to: record) })
    }
}
