import Foundation
import Wire

/// The JSON documents of the mock IC's REST services: `{"Data": …}` on success,
/// `{"Errors": [{"Code", "Message", "Field"}]}` otherwise.
enum RESTAnswer {
    static let jsonType = "application/json; charset=utf-8"

    static func data(_ value: JSONValue, status: Int = 200) -> MockResponse {
        MockResponse(
            status: status, headers: [("Content-Type", jsonType)], body: Array(JSONValue.object(["Data": value]).prettyText.utf8))
    }

    static func error(_ status: Int, _ code: String, _ message: String, field: String? = nil) -> MockResponse {
        errors(status, [(code, message, field)])
    }

    static func errors(_ status: Int, _ list: [(code: String, message: String, field: String?)]) -> MockResponse {
        let items: [JSONValue] = list.map { item in
            var members: [JSONValue.Member] = [.init("Code", .string(item.code)), .init("Message", .string(item.message))]
            if let field = item.field { members.append(.init("Field", .string(field))) }
            return .object(members)
        }
        return MockResponse(
            status: status, headers: [("Content-Type", jsonType)],
            body: Array(JSONValue.object(["Errors": .array(items)]).prettyText.utf8))
    }

    /// The request's JSON object body, or the error document to answer instead.
    static func body(_ request: MockRequest) -> Result<[JSONValue.Member], MockResponseBox> {
        let type = request.header("Content-Type")?.lowercased() ?? ""
        guard type.hasPrefix("application/json") else {
            return .failure(
                MockResponseBox(error(415, "UnsupportedMediaType", "send the request as Content-Type: application/json")))
        }
        do {
            let value = try JSONParser.parse(request.body)
            guard let members = value.objectValue else {
                return .failure(
                    MockResponseBox(error(400, "MalformedRequest", "the body must be a JSON object, not \(value.typeName)")))
            }
            return .success(members)
        } catch let syntax {
            return .failure(MockResponseBox(error(400, "MalformedRequest", "the body is not JSON: \(syntax)")))
        }
    }

    /// Whether `Authorization: Basic` carries `key`, encoded alone or as `key:` (clients differ).
    static func authorized(_ request: MockRequest, key: String?) -> Bool {
        guard let key, let header = request.header("Authorization"), header.lowercased().hasPrefix("basic ") else {
            return false
        }
        let sent = header.dropFirst(6).trimmingSpaces
        let forms = [key, key + ":"].map { Data($0.utf8).base64EncodedString() }
        return forms.contains(String(sent))
    }

    static let unauthorized = error(
        401, "Unauthorized", "send the biller's API key as Authorization: Basic, base64 of the key or of key:")

    static let ssoOff = error(
        403, "SSOConnectNotActivated",
        "Cloud SSO Connect is not activated for this biller (create the SSO Connect product and activate it)")
}

/// A response carried as an error, for `Result`.
struct MockResponseBox: Error {
    let response: MockResponse
    init(_ response: MockResponse) { self.response = response }
}

extension [JSONValue.Member] {
    /// The text member `name`, if it is one and not empty.
    func text(_ name: String) -> String? {
        guard case .string(let text)? = first(where: { $0.key == name })?.value, !text.isEmpty else { return nil }
        return text
    }

    /// The whole-number member `name`, as a number or its text.
    func integer(_ name: String) -> Int? {
        switch first(where: { $0.key == name })?.value {
        case .number(let text)?, .string(let text)?: Int(text)
        default: nil
        }
    }
}
