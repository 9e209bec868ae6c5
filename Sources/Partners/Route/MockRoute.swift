import Hummingbird

/// One row of a mock's route table: method, path pattern, the contract entry it implements, and its handler.
///
/// The pattern uses Hummingbird's route grammar (`RouterPath`): literal segments and `{name}`
/// captures, relative to one of the mock's base paths (`base`). Trailing slashes are optional when
/// matching, as IMT's routes always were; `path` keeps the contract's spelling for the published
/// document. A SOAP route also names the `operation` its envelope carries: its requests are POSTed
/// to `path`, and faults name it `POST /<path>/<operation>`, the path ASMX gives each operation.
public struct MockRoute<Owner: Sendable, Payload: Sendable>: Sendable {
    /// Answers a request that matched the route.
    public typealias Handle = @Sendable (Owner, MockRequest, RouteMatch<Payload>) -> MockResponse

    /// The HTTP method, upper case.
    public let method: String
    /// Which of the mock's base paths `path` is relative to (`auth`, `data`, `services`, `admin` ...).
    public let base: String
    /// The path pattern as the contract spells it, without a leading slash: `sessions/{username}`.
    public let path: String
    /// The SOAP operation of the envelope, for a SOAP route.
    public let operation: String?
    /// A query parameter the route needs (the WSDL's `?wsdl`), compared ignoring case.
    public let query: String?
    /// The contract operation the route implements.
    public let contract: ContractEntry
    let pattern: RouterPath
    /// The names of the `{name}` captures, by segment index.
    let captures: [Int: String]
    /// Answers a request the route matched.
    public let handle: Handle

    public init(
        _ method: String, _ path: String, base: String, operation: String? = nil, query: String? = nil,
        contract: ContractEntry, handle: @escaping Handle
    ) {
        self.method = method.uppercased()
        self.base = base
        self.path = path
        self.operation = operation
        self.query = query
        self.contract = contract
        self.handle = handle
        let pattern = RouterPath(path)
        self.pattern = pattern
        var captures: [Int: String] = [:]
        for (i, element) in pattern.enumerated() {
            let text = element.description
            if text.count > 2, text.hasPrefix("{"), text.hasSuffix("}") { captures[i] = String(text.dropFirst().dropLast()) }
        }
        self.captures = captures
    }

    /// The route as faults and diagnostics name it: `DELETE /sessions/{username}`, `POST /CloudInvoicing.asmx/UploadInvoice`.
    public var name: String { "\(method) \(relativeName)" }

    /// The path part of `name`.
    public var relativeName: String { "/" + path + (operation.map { (path.hasSuffix("/") ? "" : "/") + $0 } ?? "") }

    /// The parameters when `segments` (a path relative to the base, split at `/`) match the pattern; nil otherwise.
    func match(_ segments: [Substring]) -> [String: String]? {
        guard segments.count == pattern.count else { return nil }
        for (element, segment) in zip(pattern, segments) where !(element ~= segment) { return nil }
        if captures.isEmpty { return [:] }
        var parameters: [String: String] = [:]
        for (i, name) in captures { parameters[name] = String(segments[i]) }
        return parameters
    }

    /// Whether the request's query satisfies the route's `query` requirement.
    func acceptsQuery(_ query: [(name: String, value: String)]) -> Bool {
        guard let required = self.query else { return true }
        return query.contains { MockRequest.sameName($0.name, required) }
    }
}

/// The contract operation a route implements: where its request and answers are specified.
public enum ContractEntry: Sendable, Hashable, CustomStringConvertible {
    /// An operation of the mock's OpenAPI document, by `operationId`.
    case openAPI(operationID: String)
    /// An operation of the mock's WSDL, by name.
    case wsdl(operation: String)
    /// The WSDL document itself (`?wsdl`).
    case wsdlDocument

    public var description: String {
        switch self {
        case .openAPI(let id): "OpenAPI operation \(id)"
        case .wsdl(let operation): "WSDL operation \(operation)"
        case .wsdlDocument: "WSDL document"
        }
    }
}

/// What a request that matched a route brings its handler: the captured parameters and the path as sent.
public struct RouteMatch<Payload: Sendable>: Sendable {
    /// The `{name}` captures of the pattern, by name.
    public let parameters: [String: String]
    /// What the dispatcher read before choosing the route (the SOAP envelope of a SOAP route).
    public let payload: Payload

    public init(parameters: [String: String], payload: Payload) {
        self.parameters = parameters
        self.payload = payload
    }

    /// The value of capture `name`; empty when the pattern has none of that name.
    public subscript(_ name: String) -> String { parameters[name] ?? "" }
}
