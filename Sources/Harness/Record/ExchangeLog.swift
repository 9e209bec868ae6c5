import Synchronization
import Transport

/// The exchanges of a recording as they were, bytes and all, for deriving the mock's state.
/// Held in memory only: it carries the secrets the journal redacts, and is never written.
final class ExchangeLog: HTTPExchangeObserver {
    /// One request and its answer, or why none came.
    struct Exchange: Sendable {
        var request: ClientRequest
        var result: Result<ClientResponse, TransportError>

        /// The response, when one came.
        var response: ClientResponse? { try? result.get() }
    }

    private let list = Mutex<[Exchange]>([])

    func observe(_ request: ClientRequest, _ result: Result<ClientResponse, TransportError>) {
        list.withLock { $0.append(Exchange(request: request, result: result)) }
    }

    var exchanges: [Exchange] { list.withLock { $0 } }
}
