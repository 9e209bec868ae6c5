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
        var request = try JSONAPIRequest(document: document, type: Self.type)
        self.username = try request.string("username", allowEmpty: false)
        self.password = try request.string("password", allowEmpty: false)
    }
}
