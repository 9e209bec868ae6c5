public import Partners
public import Wire

/// A POST to the mock IC's CloudInvoicing service read as the mock reads it, once per exchange:
/// the envelope or the fault it earns, the XSD's verdict on it, and the upload or report it asks for.
public struct SOAPCall: Sendable {
    /// The envelope of a CloudInvoicing operation, or the fault the mock answers.
    public var envelope: Result<SOAPEnvelope, SOAPFault>
    /// Why the operation's message breaks the XSD; nil when it is valid or there is no envelope.
    public var schemaFault: SOAPFault?
    /// The upload a schema-valid envelope asks for.
    public var upload: UploadInvoiceRequest?
    /// The report a schema-valid envelope asks for.
    public var report: ICReportRequest?

    /// The call `request` makes; nil when it is not a POST to the service.
    public init?(_ request: MockRequest) {
        guard request.method == "POST", request.path == ICMock.cloudInvoicingPath else { return nil }
        envelope = Self.read(request)
        guard case .success(let envelope) = envelope else { return }
        do throws(SOAPFault) {
            try ICMock.checkSchema(envelope)
        } catch {
            schemaFault = error
            return
        }
        upload = try? UploadInvoiceRequest(envelope: envelope)
        report = try? ICReportRequest(envelope: envelope)
    }

    /// Whether the envelope was read and its message is valid against the XSD.
    public var isValid: Bool {
        if case .success = envelope { return schemaFault == nil }
        return false
    }

    /// The envelope when it is one of a CloudInvoicing operation, or the fault the mock answers.
    static func read(_ request: MockRequest) -> Result<SOAPEnvelope, SOAPFault> {
        do throws(SOAPFault) {
            let envelope = try SOAPEnvelope(
                body: request.body, contentType: request.header("Content-Type"), soapAction: request.header("SOAPAction"))
            guard envelope.operationNamespace == CloudInvoicingMessage.namespace, ICMock.operations.contains(envelope.operation)
            else {
                throw SOAPFault(
                    .sender,
                    "Server did not recognize the operation \(envelope.operation) in namespace \(envelope.operationNamespace ?? "none")"
                )
            }
            return .success(envelope)
        } catch {
            return .failure(error)
        }
    }
}
