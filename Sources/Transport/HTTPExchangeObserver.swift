/// Records the exchanges of an `HTTPClient`: a scenario's journal, a recording of a real partner.
///
/// Called on the sender's task once the exchange ends, with the response or the reason there is none;
/// it must not block (take a lock, append, return).
public protocol HTTPExchangeObserver: Sendable {
    func observe(_ request: ClientRequest, _ result: Result<ClientResponse, TransportError>)
}
