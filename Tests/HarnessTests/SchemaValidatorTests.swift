import BifrostTesting
import Testing
import Wire

/// The test support's JSON Schema check and its reading of YAML as JSON, which the scenario schema tests rely on.
@Suite struct SchemaValidatorTests {
    static let schema = SchemaValidator(
        schema: .object([
            "type": "object",
            "properties": .object([
                "hours": .object(["type": "integer"]),
                "soap": .object(["enum": ["1.1", .number("1.1")]]),
                "tags": .object(["type": "array", "items": .object(["type": "string"])]),
                "step": .object([
                    "oneOf": [
                        .object(["type": "object", "required": ["a"]]),
                        .object(["type": "object", "required": ["b"]]),
                    ]
                ]),
            ]),
            "required": ["hours"],
            "additionalProperties": false,
        ]))

    func violations(_ yaml: String) throws -> [String] {
        Self.schema.violations(of: try JSONValue(yaml: yaml))
    }

    @Test func `YAML reads as JSON with scalars typed as YAML resolves them, keys as text`() throws {
        let value = try JSONValue(yaml: "88: x\nn: 24\nq: \"24\"\nf: 1.2\nb: true\nt: 2024-09-03T00:00:00Z\nz: ~\n")
        #expect(value.objectValue?.map(\.key) == ["88", "n", "q", "f", "b", "t", "z"])
        #expect(value["n"] == .number("24"))
        #expect(value["q"] == .string("24"))
        #expect(value["f"] == .number("1.2"))
        #expect(value["b"] == .bool(true))
        #expect(value["t"] == .string("2024-09-03T00:00:00Z"))
        #expect(value["z"] == .null)
    }

    @Test func `an integer is a whole number written without quotes`() throws {
        #expect(try violations("{hours: 24}") == [])
        #expect(try violations("{hours: 2.5}") == ["$.hours: number is not of type integer"])
        #expect(try violations("{hours: \"24\"}") == ["$.hours: string is not of type integer"])
    }

    @Test func `enum values compare numbers by value`() throws {
        #expect(try violations("{hours: 1, soap: 1.10}") == [])
        #expect(try violations("{hours: 1, soap: \"1.1\"}") == [])
        #expect(try violations("{hours: 1, soap: 1.2}") == ["$.soap: 1.2 is not one of [\"1.1\",1.1]"])
    }

    @Test func `required, additional members and items are each reported with their path`() throws {
        #expect(
            try violations("{colour: blue, tags: [a, 2]}") == [
                "$: missing required member hours", "$: member colour is not allowed", "$.tags[1]: number is not of type string",
            ])
    }

    @Test func `oneOf takes exactly one alternative`() throws {
        #expect(try violations("{hours: 1, step: {a: 1}}") == [])
        #expect(try violations("{hours: 1, step: {a: 1, b: 2}}") == ["$.step: matches 2 of the alternatives, not exactly one"])
        #expect(try violations("{hours: 1, step: {c: 1}}").first == "$.step: matches none of the 2 alternatives")
    }

    @Test func `a keyword outside the subset is reported, not ignored`() {
        let schema: JSONValue = .object(["properties": .object(["name": .object(["type": "string", "minLength": .number("2")])])])
        #expect(SchemaValidator.unsupportedKeywords(in: schema) == ["$.properties.name: minLength"])
        #expect(
            SchemaValidator(schema: schema).violations(of: .object(["name": "b"])) == [
                "$.name: unsupported schema keyword minLength"
            ])
    }

    @Test func `a pattern is searched for in a string, as JSON Schema's regular expressions are`() {
        let schema: JSONValue = .object([
            "properties": .object(["name": .object(["type": "string", "pattern": #"^\{\{[a-z]+\}\}$"#])])
        ])
        #expect(SchemaValidator(schema: schema).violations(of: .object(["name": "{{due}}"])) == [])
        #expect(
            SchemaValidator(schema: schema).violations(of: .object(["name": "{{due}} "])) == [
                #"$.name: "{{due}} " does not match the pattern ^\{\{[a-z]+\}\}$"#
            ])
    }

    @Test func `pattern checks a string anywhere unless anchored; minimum and maximum bound a number`() {
        let schema: JSONValue = .object([
            "properties": .object([
                "at": .object(["type": "string", "pattern": "^[0-9]+s$"]), "any": .object(["pattern": "b"]),
                "count": .object(["type": "integer", "minimum": .number("1"), "maximum": .number("3")]),
            ])
        ])
        let validator = SchemaValidator(schema: schema)
        #expect(validator.violations(of: .object(["at": "10s", "any": "abc", "count": .number("3")])) == [])
        #expect(validator.violations(of: .object(["any": .number("5")])) == [], "pattern leaves other types alone")
        #expect(validator.violations(of: .object(["at": "10 s"])) == [#"$.at: "10 s" does not match the pattern ^[0-9]+s$"#])
        #expect(validator.violations(of: .object(["count": .number("0")])) == ["$.count: 0 is less than the minimum 1"])
        #expect(validator.violations(of: .object(["count": .number("4")])) == ["$.count: 4 is more than the maximum 3"])
    }
}
