/// Why a call IC made to IMT did not succeed: a result, not a thrown error.
public struct IMTFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The step of the flow that failed.
    public enum Stage: String, Sendable {
        case configuration
        case openSession = "open-session"
        case paymentsDue = "payments-due"
        case payment
        case settings
        case bill
        /// A request a scenario wrote itself.
        case request
        case closeSession = "close-session"
    }

    /// What went wrong; more kinds may come with more flows.
    public enum Kind: String, Sendable {
        /// An advanced setting is missing or malformed: nothing was called.
        case configuration
        /// No HTTP response: connection refused, TLS, timeout.
        case transport
        /// IMT refused the username and password.
        case authentication
        /// An HTTP status other than the expected success.
        case httpStatus = "http-status"
        /// A success status whose body is not the expected document.
        case invalidResponse = "invalid-response"
        /// No record for the account.
        case notFound = "not-found"
        /// Several records for the account.
        case ambiguous
    }

    public var stage: Stage
    public var kind: Kind
    /// The HTTP status, when there was a response.
    public var status: Int?
    public var message: String

    public init(stage: Stage, kind: Kind, status: Int? = nil, message: String) {
        self.stage = stage
        self.kind = kind
        self.status = status
        self.message = message
    }

    public var description: String {
        "\(stage.rawValue): \(kind.rawValue)\(status.map { " (HTTP \($0))" } ?? ""): \(message)"
    }
}
