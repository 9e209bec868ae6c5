public import Wire

/// The JSON Schema (draft 2020-12) of a scenario file, generated from the loader's tables and
/// the step registry: what `bifrost schema` prints and `Scenarios/scenario.schema.json` holds.
///
/// ```swift
/// print(ScenarioSchema.text, terminator: "")
/// ```
public enum ScenarioSchema {
    /// The file name the shipped suite keeps it under, beside its scenarios.
    public static let fileName = "scenario.schema.json"

    /// The schema as a JSON value.
    public static var document: JSONValue {
        let body = ScenarioLoader.schema.jsonSchema(description: nil).objectValue ?? []
        return .object(
            [
                .init("$schema", "https://json-schema.org/draft/2020-12/schema"),
                .init("title", "Bifrost scenario"),
            ] + body)
    }

    /// The schema as indented JSON text ending in a newline.
    public static var text: String { document.prettyText }
}
