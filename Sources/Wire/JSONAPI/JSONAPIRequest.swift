/// A request document as a JSON:API server reads it: one resource of an expected type,
/// every problem answered with the error object the server returns.
///
/// Statuses follow the JSON:API spec: 400 for a malformed document, 409 for a type
/// (or, through `requireID`, an id) the endpoint does not serve, 422 for an attribute
/// that is missing, unknown or of the wrong shape.
public struct JSONAPIRequest: Sendable {
    public let resource: JSONAPIResource
    /// The attribute names read so far, to find unknown ones.
    private var read: Set<String> = []

    /// Reads the single resource of `document`, which must be of `type`.
    public init(document: JSONValue, type: String) throws(JSONAPIError) {
        do {
            resource = try JSONAPIDocument.single(in: document, requireID: false)
        } catch {
            throw JSONAPIError(
                status: 400, code: "invalid-document", title: "Invalid JSON:API document",
                detail: error.message, source: .pointer(error.pointer))
        }
        guard resource.type == type else {
            throw JSONAPIError(
                status: 409, code: "type-mismatch", title: "Resource type not served here",
                detail: "this endpoint takes \"\(type)\", not \"\(resource.type)\"", source: .pointer("/data/type"))
        }
    }

    /// 409 unless the resource's `id` is `expected` (the id in the URL, or the one the body must repeat).
    public func requireID(_ expected: String) throws(JSONAPIError) {
        guard resource.id == expected else {
            throw JSONAPIError(
                status: 409, code: "id-mismatch", title: "Resource id does not match",
                detail: "data.id must be \"\(expected)\", got \(resource.id.map { "\"\($0)\"" } ?? "none")",
                source: .pointer("/data/id"))
        }
    }

    /// A string attribute; `allowEmpty` false refuses "".
    public mutating func string(_ name: String, allowEmpty: Bool = true) throws(JSONAPIError) -> String {
        let value = try present(name)
        guard let text = value.stringValue else { throw invalid(name, "must be a string, got \(value.typeName)") }
        if !allowEmpty && text.isEmpty { throw invalid(name, "must not be empty") }
        return text
    }

    /// A string attribute that must be one of `allowed`.
    public mutating func choice(_ name: String, _ allowed: [String]) throws(JSONAPIError) -> String {
        let text = try string(name)
        guard allowed.contains(text) else {
            throw invalid(name, "must be one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", ")), got \"\(text)\"")
        }
        return text
    }

    /// An amount written as a decimal string, e.g. `"125.00"`: never a JSON number, which a client may round.
    public mutating func decimal(_ name: String) throws(JSONAPIError) -> Money {
        let value = try present(name)
        guard let text = value.stringValue else {
            throw invalid(name, "must be a decimal string such as \"125.00\", got \(value.typeName) \(value.compactText)")
        }
        guard let amount = Money(parsing: text) else { throw invalid(name, "\"\(text)\" is not a decimal amount") }
        return amount
    }

    /// A boolean attribute, or nil when absent.
    public mutating func optionalBool(_ name: String) throws(JSONAPIError) -> Bool? {
        read.insert(name)
        guard let value = resource.attributes[name] else { return nil }
        guard let flag = value.boolValue else { throw invalid(name, "must be true or false, got \(value.compactText)") }
        return flag
    }

    /// A string attribute, or nil when absent.
    public mutating func optionalString(_ name: String) throws(JSONAPIError) -> String? {
        guard resource.attributes[name] != nil else {
            read.insert(name)
            return nil
        }
        return try string(name)
    }

    /// 422 for the first attribute no accessor read.
    public func rejectUnknownAttributes() throws(JSONAPIError) {
        for member in resource.attributes.objectValue ?? [] where !read.contains(member.key) {
            throw JSONAPIError(
                status: 422, code: "unknown-attribute", title: "Unknown attribute",
                detail: "\(resource.type) has no attribute \(member.key)", source: .pointer("/data/attributes/\(member.key)"))
        }
    }

    private mutating func present(_ name: String) throws(JSONAPIError) -> JSONValue {
        read.insert(name)
        guard let value = resource.attributes[name] else {
            throw JSONAPIError(
                status: 422, code: "missing-attribute", title: "Missing attribute", detail: "\(name) is required",
                source: .pointer("/data/attributes/\(name)"))
        }
        return value
    }

    /// A 422 error on attribute `name`.
    public func invalid(_ name: String, _ message: String) -> JSONAPIError {
        JSONAPIError(
            status: 422, code: "invalid-attribute", title: "Invalid attribute", detail: "\(name) \(message)",
            source: .pointer("/data/attributes/\(name)"))
    }
}
