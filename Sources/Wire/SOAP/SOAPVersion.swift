/// The two SOAP versions IC's ASMX services speak, told apart by Content-Type and envelope namespace.
public enum SOAPVersion: String, Sendable, CaseIterable {
    case v11 = "1.1"
    case v12 = "1.2"

    /// The envelope namespace.
    public var namespace: String {
        switch self {
        case .v11: "http://schemas.xmlsoap.org/soap/envelope/"
        case .v12: "http://www.w3.org/2003/05/soap-envelope"
        }
    }

    /// The media type of a message.
    public var mediaType: String {
        switch self {
        case .v11: "text/xml"
        case .v12: "application/soap+xml"
        }
    }

    /// The Content-Type a service answers with.
    public var contentType: String { mediaType + "; charset=utf-8" }

    /// The version a Content-Type names, or nil for another media type.
    public static func named(byContentType header: String?) -> SOAPVersion? {
        guard let header else { return nil }
        let type = header.split(separator: ";").first.map { $0.trimmingSpaces.lowercased() } ?? ""
        return allCases.first { $0.mediaType == type }
    }

    /// The version whose envelope namespace this is.
    public static func named(byNamespace namespace: String?) -> SOAPVersion? {
        allCases.first { $0.namespace == namespace }
    }

    /// SOAP 1.2's `action` parameter of the Content-Type, unquoted.
    static func actionParameter(of header: String?) -> String? {
        guard let header else { return nil }
        for parameter in header.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingSpaces.lowercased() == "action" {
                return String(pair[1].trimmingSpaces).unquoted
            }
        }
        return nil
    }
}

extension String {
    /// The text without one pair of surrounding double quotes.
    var unquoted: String {
        count >= 2 && hasPrefix("\"") && hasSuffix("\"") ? String(dropFirst().dropLast()) : self
    }
}
