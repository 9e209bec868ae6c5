public import Transport
public import Wire

/// Posts SOAP requests to one service endpoint and reads the answers: an HTTP
/// exchange, an XML document, and a SOAP Fault turned into a failure.
public struct SOAPCaller: Sendable {
    /// The endpoint, e.g. `https://www.invoicecloud.com/portal/webservices/CloudInvoicing.asmx`.
    public var serviceURL: String
    public var version: SOAPVersion
    public var client: HTTPClient

    public init(serviceURL: String, version: SOAPVersion, client: HTTPClient) {
        self.serviceURL = serviceURL
        self.version = version
        self.client = client
    }

    /// The answer's HTTP status and document, or a message saying why there is none:
    /// no HTTP answer, an answer that is not XML, or a SOAP Fault (with its reason).
    public func call(_ envelope: [UInt8], action: String) async -> Result<(status: Int, document: XMLDocument), SOAPCallFailure> {
        var headers = [
            HTTPHeader("Content-Type", version == .v12 ? version.contentType + "; action=\"\(action)\"" : version.contentType)
        ]
        if version == .v11 { headers.append(HTTPHeader("SOAPAction", "\"\(action)\"")) }
        let response: ClientResponse
        do {
            response = try await client.send(ClientRequest(method: "POST", url: serviceURL, headers: headers, body: envelope))
        } catch {
            return .failure(SOAPCallFailure(message: error.description))
        }
        let document: XMLDocument
        do {
            document = try XMLDocument(parsing: response.body)
        } catch {
            return .failure(SOAPCallFailure(message: "HTTP \(response.status), the answer is not XML: \(error)"))
        }
        let ns = ["s": version.namespace]
        if let fault = try? document.select("/s:Envelope/s:Body/s:Fault", namespaces: ns).first {
            let reason = (try? document.text("//faultstring | //s:Reason/s:Text", namespaces: ns)) ?? nil
            return .failure(SOAPCallFailure(message: "SOAP Fault (HTTP \(response.status)): \(reason ?? fault.text)"))
        }
        return .success((response.status, document))
    }
}

/// Why a SOAP call has no answer to read.
public struct SOAPCallFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(message: String) { self.message = message }

    public var description: String { message }
}
