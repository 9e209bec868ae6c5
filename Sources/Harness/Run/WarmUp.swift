import Partners
import Transport

/// Readies what a run's first exchange would otherwise set up on its way: libcurl, the mocks'
/// threads and event loops, and the runtime's first look at the types of one HTTP exchange.
///
/// `bifrost run` starts it while its arguments are parsed and its files read, on cores that are
/// mostly idle then; the first scenarios no longer pay for it. It touches no scenario and journals
/// nothing: one GET to a mock of its own that answers 204. A warm-up that fails is silent: the
/// scenarios report the same problem (no libcurl, no loopback) themselves.
public enum WarmUp {
    /// Starts the warm-up in the background and returns at once.
    public static func start() {
        HTTPClient.preload()
        Task.detached {
            _ = try? await MockServer.withRunning(.init({ _ in MockResponse(status: 204) }, maximumBodySize: 0)) { port in
                try? await HTTPClient().send(ClientRequest(method: "GET", url: "http://127.0.0.1:\(port)/"))
            }
        }
    }
}
