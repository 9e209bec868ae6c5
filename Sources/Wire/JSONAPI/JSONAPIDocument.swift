/// A resource object of a JSON:API document.
public struct JSONAPIResource: Sendable, Hashable {
    public var type: String
    public var id: String?
    public var attributes: JSONValue

    public init(type: String, id: String?, attributes: JSONValue) {
        self.type = type
        self.id = id
        self.attributes = attributes
    }

    public var json: JSONValue {
        var members: [JSONValue.Member] = [.init("type", .string(type))]
        if let id { members.append(.init("id", .string(id))) }
        members.append(.init("attributes", attributes))
        return .object(members)
    }
}

/// A JSON:API document checked against the spec's top-level rules.
public enum JSONAPIDocument {
    /// A violation of the JSON:API document rules, located by an RFC 6901 pointer.
    public struct Violation: Error, Sendable, Hashable, CustomStringConvertible {
        public var pointer: String
        public var message: String
        public var description: String { "\(pointer.isEmpty ? "/" : pointer): \(message)" }

        public init(pointer: String, message: String) {
            self.pointer = pointer
            self.message = message
        }
    }

    /// The resources of a document whose primary data is a collection.
    public static func collection(in document: JSONValue) throws(Violation) -> [JSONAPIResource] {
        try checkTopLevel(document)
        guard let data = document["data"] else { throw Violation(pointer: "/data", message: "missing primary data") }
        guard let list = data.arrayValue else {
            throw Violation(pointer: "/data", message: "a collection must be an array, got \(data.typeName)")
        }
        var resources: [JSONAPIResource] = []
        for (i, element) in list.enumerated() {
            resources.append(try resource(element, at: "/data/\(i)", requireID: true))
        }
        return resources
    }

    /// The resource of a document whose primary data is a single resource object.
    public static func single(in document: JSONValue, requireID: Bool) throws(Violation) -> JSONAPIResource {
        try checkTopLevel(document)
        guard let data = document["data"] else { throw Violation(pointer: "/data", message: "missing primary data") }
        return try resource(data, at: "/data", requireID: requireID)
    }

    /// Checks the members every JSON:API document must (not) have.
    public static func checkTopLevel(_ document: JSONValue) throws(Violation) {
        guard document.objectValue != nil else {
            throw Violation(pointer: "", message: "a document must be an object, got \(document.typeName)")
        }
        let hasData = document["data"] != nil
        let hasErrors = document["errors"] != nil
        if !hasData && !hasErrors && document["meta"] == nil {
            throw Violation(pointer: "", message: "a document needs at least one of data, errors, meta")
        }
        if hasData && hasErrors {
            throw Violation(pointer: "", message: "data and errors must not appear together")
        }
        if document["included"] != nil && !hasData {
            throw Violation(pointer: "/included", message: "included is only allowed with data")
        }
    }

    static func resource(_ value: JSONValue, at pointer: String, requireID: Bool) throws(Violation) -> JSONAPIResource {
        guard value.objectValue != nil else {
            throw Violation(pointer: pointer, message: "a resource object must be an object, got \(value.typeName)")
        }
        guard let type = value["type"]?.stringValue else {
            throw Violation(pointer: pointer + "/type", message: "type must be a string")
        }
        let id = value["id"]
        if let id, id.stringValue == nil {
            throw Violation(pointer: pointer + "/id", message: "id must be a string, got \(id.typeName)")
        }
        if requireID && id == nil {
            throw Violation(pointer: pointer + "/id", message: "missing id")
        }
        let attributes = value["attributes"] ?? .object([])
        guard attributes.objectValue != nil else {
            throw Violation(pointer: pointer + "/attributes", message: "attributes must be an object")
        }
        return JSONAPIResource(type: type, id: id?.stringValue, attributes: attributes)
    }
}
