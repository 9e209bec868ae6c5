import Partners
import Transport

/// Readies what a run's first exchange would otherwise set up on its way: libcurl, the mocks'
/// threads and event loops, and the runtime's first look at the types of one HTTP exchange.
///
/// `bifrost run` starts it while its arguments are parsed and its files read, on cores that are
/// mostly idle then; the first scenarios no longer pay for it. It touches no scenario and journals
/// nothing: one GET to a mock of its own that answers 204. A warm-up that fails is silent: the
/// scenarios report the same problem (no libcurl, no loopback) themselves.
///
/// A process must not exit while libcurl's global init runs on another thread (exiting tears
/// OpenSSL down under it, and crashes): the command awaits `finish()` before it exits, and
/// `libraryLoaded()` before it installs a signal handler that exits.
public struct WarmUp: Sendable {
    private let loading: Task<Void, Never>
    private let exchange: Task<Void, Never>

    /// Starts the warm-up in the background and returns at once.
    public static func start() -> WarmUp {
        WarmUp(
            loading: Task.detached { await OwnThread.run { HTTPClient.loadLibrary() } },
            exchange: Task.detached {
                _ = try? await MockServer.withRunning(.init({ _ in MockResponse(status: 204) }, maximumBodySize: 0)) { port in
                    let client = HTTPClient(configuration: .init(connectTimeout: .seconds(1), totalTimeout: .seconds(2)))
                    _ = try? await client.send(ClientRequest(method: "GET", url: "http://127.0.0.1:\(port)/"))
                }
            })
    }

    /// Returns once libcurl is loaded and initialised.
    public func libraryLoaded() async { await loading.value }

    /// Returns once the whole warm-up has ended.
    public func finish() async {
        await loading.value
        await exchange.value
    }
}
