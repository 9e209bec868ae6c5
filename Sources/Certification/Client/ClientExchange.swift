public import Partners

/// One exchange a partner's client had with a mock, as the checks judge it: the request, the mock's
/// answer, and for a SOAP call the envelope read once for every check (`SOAPCall`).
public struct ClientExchange: Sendable {
    public var request: MockRequest
    public var response: MockResponse
    /// The request read as a CloudInvoicing call, when it is a POST to the service; nil otherwise.
    public var soap: SOAPCall?
}
