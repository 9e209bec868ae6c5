/// The JSON:API media type and the negotiation rules of JSON:API 1.1.
public enum JSONAPIMediaType {
    public static let value = "application/vnd.api+json"

    /// Parameters JSON:API 1.1 allows on its media type.
    static let allowedParameters: Set<String> = ["ext", "profile"]

    /// Whether a request's `Content-Type` is the JSON:API media type with no parameter
    /// other than `ext` or `profile` (a server answers 415 otherwise).
    public static func isAcceptableContentType(_ header: String?) -> Bool {
        if header == value { return true }
        guard let header, let parsed = parse(header) else { return false }
        return parsed.type == value && parsed.parameters.allSatisfy { allowedParameters.contains($0) }
    }

    /// Whether an `Accept` header lets the server answer with JSON:API: false only
    /// when every JSON:API media type in it carries a disallowed parameter (406).
    public static func isAcceptable(accept header: String?) -> Bool {
        guard let header, header != value else { return true }
        let ranges = header.split(separator: ",").compactMap { parse(String($0)) }
        let jsonAPI = ranges.filter { $0.type == value }
        if jsonAPI.isEmpty { return true }
        return jsonAPI.contains { $0.parameters.allSatisfy { allowedParameters.contains($0) } }
    }

    /// The lowercased media type and the lowercased names of its parameters.
    static func parse(_ text: String) -> (type: String, parameters: [String])? {
        let parts = text.split(separator: ";")
        guard let first = parts.first else { return nil }
        let type = first.trimmingSpaces.lowercased()
        guard !type.isEmpty else { return nil }
        let parameters = parts.dropFirst().compactMap { part -> String? in
            let name = part.split(separator: "=", maxSplits: 1).first.map { $0.trimmingSpaces.lowercased() }
            return name?.isEmpty == false ? name : nil
        }
        return (type, parameters)
    }
}
