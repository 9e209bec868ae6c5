import Wire
import Yams

extension SchemaValue {
    /// The value as JSON Schema, in the subset `bifrost schema` writes: `type`, `enum`, `pattern`,
    /// `minimum`, `maximum`, `items`, `properties`, `required`, `additionalProperties` and `oneOf`.
    /// Where a value is not text, a `{{name}}` placeholder of a scenario table (`ScenarioTable`) is
    /// one more alternative.
    func jsonSchema(description: String?) -> JSONValue {
        switch self {
        case .text, .any: return plainSchema(description: description)
        default:
            var schema: [JSONValue.Member] = []
            if let description, !description.isEmpty { schema.append(.init("description", .string(description))) }
            schema.append(.init("oneOf", [plainSchema(description: nil), Self.placeholder]))
            return .object(schema)
        }
    }

    /// A quoted `"{{name}}"`, which each row of `examples:` fills.
    static let placeholder: JSONValue = .object([
        "description": "A placeholder each row of examples: fills with its value.", "type": "string",
        "pattern": #"^\{\{[A-Za-z0-9_-]+\}\}$"#,
    ])

    /// The value's own schema, without the placeholder alternative.
    private func plainSchema(description: String?) -> JSONValue {
        var schema: [JSONValue.Member] = []
        if let description, !description.isEmpty { schema.append(.init("description", .string(description))) }
        switch self {
        case .text: schema.append(.init("type", ["string", "number", "boolean"]))
        case .formatted(let format):
            let types = format.types
            schema.append(.init("type", types.count == 1 ? .string(types[0]) : .array(types.map(JSONValue.string))))
            schema.append(.init("pattern", .string(format.pattern)))
        case .any: break
        case .integer: schema.append(.init("type", "integer"))
        case .boundedInteger(let minimum, let maximum):
            schema += [.init("type", "integer"), .init("minimum", .number(String(minimum)))]
            if let maximum { schema.append(.init("maximum", .number(String(maximum)))) }
        case .boolean: schema.append(.init("type", "boolean"))
        case .choice(let names): schema.append(.init("enum", .array(names.flatMap(Self.writtenForms))))
        case .list(let element):
            schema += [.init("type", "array"), .init("items", element.jsonSchema(description: nil))]
        case .dictionary(let value):
            schema += [.init("type", "object"), .init("additionalProperties", value.jsonSchema(description: nil))]
        case .mapping(let mapping): return mapping.jsonSchema(description: description)
        case .oneOf(let kinds): schema.append(.init("oneOf", .array(kinds.map { $0.plainSchema(description: nil) })))
        }
        return .object(schema)
    }

    /// A choice's name as a scenario may write it: quoted, and also unquoted when YAML then reads
    /// it as a number or a boolean (`soap: 1.2`), as the loader takes both.
    static func writtenForms(_ name: String) -> [JSONValue] {
        let node = Node(name)
        switch Resolver.default.resolveTag(of: node) {
        case .int: return [.string(name)] + (node.int.map { [.number("\($0)")] } ?? [])
        case .float: return [.string(name)] + (node.float.flatMap { $0.isFinite ? [.number("\($0)")] : nil } ?? [])
        case .bool: return [.string(name)] + (node.bool.map { [.bool($0)] } ?? [])
        default: return [.string(name)]
        }
    }
}

extension MappingSchema {
    /// The mapping as a JSON Schema object: its members as `properties`, no others allowed.
    func jsonSchema(description: String?) -> JSONValue {
        var schema: [JSONValue.Member] = [
            .init("description", .string(description ?? self.description)), .init("type", "object"),
        ]
        if !members.isEmpty {
            schema.append(
                .init("properties", .object(members.map { .init($0.name, $0.value.jsonSchema(description: $0.description)) })))
        }
        if !required.isEmpty { schema.append(.init("required", .array(required.map(JSONValue.string)))) }
        schema.append(.init("additionalProperties", false))
        return .object(schema)
    }
}
