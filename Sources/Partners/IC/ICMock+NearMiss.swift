import Synchronization
import Wire

extension ICMock {
    /// The operation closest to the one an envelope named, when the service has none of that name.
    func operationMiss(_ request: MockRequest) -> RequestNearMiss? {
        guard
            let envelope = try? SOAPEnvelope(
                body: request.body, contentType: request.header("Content-Type"), soapAction: request.header("SOAPAction")),
            !Self.operations.contains(envelope.operation),
            let closest = ClosestKey.closest(to: envelope.operation, among: Self.operations)
        else { return nil }
        return RequestNearMiss(
            kind: RequestNearMiss.routeKind,
            closest: "POST \(Self.cloudInvoicingPath) (SOAP operation \(closest))",
            differences: [.init(.body, "operation", expected: closest, actual: envelope.operation)])
    }

    /// The biller closest to an envelope's `Req/BillerGUID` and `Req/WebServiceKey` when no biller has both:
    /// the biller of that GUID (its key said to differ, never shown), or the one whose GUID is closest.
    func billerMiss(_ envelope: SOAPEnvelope) -> RequestNearMiss? {
        guard let guid = try? CloudInvoicingMessage.field("BillerGUID", of: envelope.operation, in: envelope),
            let key = try? CloudInvoicingMessage.field("WebServiceKey", of: envelope.operation, in: envelope)
        else { return nil }
        let billers = store.withLock { $0.state.billers }
        let keyDiffers = RequestNearMiss.Difference.secret(.body, "Req/WebServiceKey")
        if let same = billers.first(where: { $0.guid.lowercased() == guid.lowercased() }) {
            guard same.webServiceKey != key else { return nil }
            return RequestNearMiss(kind: "biller", closest: same.guid, differences: [keyDiffers])
        }
        guard let closest = ClosestKey.closest(to: guid, among: billers.map(\.guid), ignoringCase: true),
            let biller = billers.first(where: { $0.guid == closest })
        else { return nil }
        var differences = [RequestNearMiss.Difference(.body, "Req/BillerGUID", expected: closest, actual: guid)]
        if biller.webServiceKey != key { differences.append(keyDiffers) }
        return RequestNearMiss(kind: "biller", closest: closest, differences: differences)
    }
}
