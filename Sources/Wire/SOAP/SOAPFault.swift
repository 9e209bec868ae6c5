/// A SOAP Fault: the answer to a message the service cannot process, in either version's shape.
///
/// Codes are named as SOAP 1.2 does; SOAP 1.1 writes `Sender` as `Client` and
/// `Receiver` as `Server`. Both versions answer with HTTP 500, as ASMX services do.
public struct SOAPFault: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The envelope is not the version's (a SOAP 1.2 envelope sent as 1.1, or the reverse).
        case versionMismatch = "VersionMismatch"
        /// The message is wrong: malformed, refused, unknown operation or action, bad credentials.
        case sender = "Sender"
        /// The service failed.
        case receiver = "Receiver"

        /// The code's local name in `version`.
        public func name(in version: SOAPVersion) -> String {
            switch (self, version) {
            case (.sender, .v11): "Client"
            case (.receiver, .v11): "Server"
            default: rawValue
            }
        }
    }

    public var code: Code
    /// Why, for a person: `faultstring` (1.1) or `Reason/Text` (1.2).
    public var reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { "\(code.rawValue): \(reason)" }

    /// The HTTP status a fault is sent with.
    public static let httpStatus = 500

    /// The fault as a whole envelope of `version`.
    public func envelope(_ version: SOAPVersion) -> [UInt8] {
        let reason = XMLText.escaped(reason)
        let body: String
        switch version {
        case .v11:
            body =
                "<soap:Fault><faultcode>soap:\(code.name(in: version))</faultcode><faultstring>\(reason)</faultstring></soap:Fault>"
        case .v12:
            body =
                "<soap:Fault><soap:Code><soap:Value>soap:\(code.name(in: version))</soap:Value></soap:Code>"
                + "<soap:Reason><soap:Text xml:lang=\"en\">\(reason)</soap:Text></soap:Reason></soap:Fault>"
        }
        return SOAPEnvelope.wrap(body, version: version)
    }
}
