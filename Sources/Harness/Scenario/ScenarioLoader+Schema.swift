import Flows

extension ScenarioLoader {
    /// A scenario's top-level keys: what ``load(file:suiteRoot:)`` allows and requires, and
    /// what the scenario schema describes.
    static let schema = MappingSchema(
        "A Bifrost scenario: a profile, a clock, the partners' state, the steps to run and the outputs to compare.",
        .required("name", .text, "The scenario's title, as reports show it."),
        .optional("description", .text, "Free text: what the scenario checks and why."),
        .required(
            "profile", .choice(of: Scenario.Profile.self),
            "The integration profile; a step for a flow it does not support is refused (docs/profiles.md)."),
        .optional("covers", .list(.text), "The requirement ids of Scenarios/requirements.yaml the scenario checks."),
        .required(
            "clock", .formatted(.dateTime),
            "The scenario's \"now\": an ISO 8601 date and time with its zone, e.g. 2024-11-18T17:05:28Z."),
        .optional(
            "tls", .boolean,
            "The mocks serve HTTPS with a certificate of a test CA made for the run; programs under test get the CA as BIFROST_CA_FILE (default false)."
        ),
        .optional(
            "timeout", .formatted(.duration), "The longest one HTTP exchange of IC's may take, e.g. 500ms or 2s (default 30s)."),
        .optional("settings", .mapping(settingsSchema), "IC's advanced settings by id."),
        .optional(
            "environments", .dictionary(.choice(["1", "2"])),
            "The IMT instance each InvoiceTypeID goes to under setting 81 MULTIENVIRONMENT: 1 the first URL of a setting, 2 the second."
        ),
        .optional("imt", .mapping(IMTStateLoader.schema), "The mock IMT's state."),
        .optional("imt2", .mapping(IMTStateLoader.schema), "A second mock IMT instance's state, for multi-environment routing."),
        .optional("ic", .mapping(ICStateLoader.schema), "The mock IC's state: billers, report records and faults."),
        .optional(
            "files", .dictionary(.text),
            "The scenario's BIFs by name (ending in .bif, no folder), each its text; a block scalar keeps the lines."),
        .optional(
            "services", .list(.mapping(ServiceUnderTest.schema)),
            "Long-running programs under test, started once the mocks serve and stopped after the steps."),
        .required(
            "steps", .list(StepRegistry.schema), "The steps, run in order: each a mapping of one step kind to its members."),
        .optional("expect", .mapping(expectSchema), "What the run compares with the golden files."),
        .optional(
            "examples", .list(.dictionary(.any)),
            "A scenario table: each row (row: its name, then a value per placeholder) fills the file's \"{{name}}\" placeholders and runs as scenario path[row], with its own golden folder."
        ))

    /// The `settings:` block: seed 000's advanced settings, by id.
    static let settingsSchema = MappingSchema(
        "IC's advanced settings by id; {imt.auth}, {imt.api} and {imt.origin} (and {imt2.…}) stand for the mock's URLs.",
        AdvancedSettingDefinition.all.sorted { $0.id < $1.id }.map { setting in
            .optional("\(setting.id)", .text, "\(setting.name): \(setting.meaning).")
        })

    /// The `expect:` block.
    static let expectSchema = MappingSchema(
        "What the run compares with the golden files.",
        .optional(
            "golden", .list(.text),
            "The outputs compared with their golden files (default journal and result): "
                + goldenOutputs.map(\.name).joined(separator: ", ") + ", or a file a step writes."),
        .optional(
            "fails_with", .text,
            "For a scenario that teaches a wrong program: it passes only when its differences hold this text, and --update leaves its golden files alone."
        ))

    /// The outputs `expect.golden` names besides the BIFs the steps write.
    static let goldenOutputs: [(name: String, output: Scenario.GoldenOutput)] = [
        ("journal", .journal), ("result", .result), ("imt.state", .imtState), ("imt2.state", .imt2State),
        ("ic.import", .icImport), ("ic.state", .icState), ("reconciliation", .reconciliation),
    ]
}
