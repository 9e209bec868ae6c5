import Foundation
public import Transport
public import Wire

/// One request a certification sent to the partner and what came back.
public struct CertificationExchange: Sendable {
    /// What the request was for, e.g. `open a session`.
    public var label: String
    public var request: ClientRequest
    public var result: Result<ClientResponse, TransportError>

    /// The response, when one came.
    public var response: ClientResponse? { try? result.get() }

    /// The status, when a response came.
    public var status: Int? { response?.status }

    /// The response's media type, lowercased and without parameters; nil without one.
    public var mediaType: String? {
        guard let type = response?.headers.first(named: "Content-Type") else { return nil }
        return type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }

    /// The response body as JSON, or why it is not.
    public var json: Result<JSONValue, CheckProblem> {
        guard let response else { return .failure(CheckProblem("no response")) }
        guard !response.body.isEmpty else { return .failure(CheckProblem("an empty body")) }
        guard response.body.count <= 4 << 20 else {
            return .failure(CheckProblem("a body of \(response.body.count) bytes, too long to read"))
        }
        do {
            return .success(try JSONParser.parse(response.body))
        } catch {
            return .failure(CheckProblem("not JSON (\(error))"))
        }
    }

    /// `POST sessions/ answered 201`, `GET payments-due/ got no response (timeout: …)`: for messages.
    public var summary: String {
        switch result {
        case .success(let response): return "\(label): HTTP \(response.status)"
        case .failure(let error): return "\(label): no response (\(error))"
        }
    }
}

/// Why a response could not be read as a check needs it.
public struct CheckProblem: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
