/// The body IC posts to IMT's `sessions/` to open a session (seed 000, "sessions").
public struct SessionRequest: Sendable, Hashable {
    public static let type = "sessions"

    public var username: String
    public var password: String

    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    /// The request document. The seed's example sends a client `id`; IC sends the username.
    public var document: JSONValue {
        .object([
            "data": .object([
                "id": .string(username),
                "type": .string(Self.type),
                "attributes": .object([
                    "password": .string(password),
                    "username": .string(username),
                ]),
            ])
        ])
    }

    /// Reads a request document as a server does, with the JSON:API error a server answers.
    public init(document: JSONValue) throws(JSONAPIError) {
        let resource: JSONAPIResource
        do {
            resource = try JSONAPIDocument.single(in: document, requireID: false)
        } catch {
            throw JSONAPIError(
                status: 400, code: "invalid-document", title: "Invalid JSON:API document",
                detail: error.message, source: .pointer(error.pointer))
        }
        guard resource.type == Self.type else {
            throw JSONAPIError(
                status: 409, code: "type-mismatch", title: "Resource type not served here",
                detail: "this endpoint creates \"\(Self.type)\", not \"\(resource.type)\"",
                source: .pointer("/data/type"))
        }
        func required(_ name: String) throws(JSONAPIError) -> String {
            guard let value = resource.attributes[name]?.stringValue, !value.isEmpty else {
                throw JSONAPIError(
                    status: 400, code: "missing-attribute", title: "Missing attribute",
                    detail: "\(name) is required and must be a non-empty string",
                    source: .pointer("/data/attributes/\(name)"))
            }
            return value
        }
        self.username = try required("username")
        self.password = try required("password")
    }
}
