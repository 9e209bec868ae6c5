import Support
import Wire
import Yams

/// `bif-validate: {file, profile, alphanumeric_accounts, payment_options_in_bif}`: validates a BIF
/// of the scenario (or one a step wrote) with a profile's rules, the scenario's profile unless given,
/// and the biller's options where the seeds allow either way.
struct BIFValidateStep: StepKind, Hashable {
    static let key = "bif-validate"
    static let schema = MappingSchema(
        "Validates a BIF with a profile's rules; the result lists every finding with its rule, line and field.",
        [
            .required("file", .text, "A BIF of the files: block or one an earlier step wrote."),
            .optional("profile", .choice(of: BIFProfile.self), "The rules to apply (default the scenario's profile)."),
        ] + BillerOptionsReader.members)
    var file: String
    var profile: BIFProfile
    var options: BIFBillerOptions

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let fields = try loading.reader.mapping(node, what: "a bif-validate step", schema: Self.schema)
        profile =
            try fields["profile"].map { node throws(InputError) in
                try loading.reader.choice(node, what: "BIF profile", of: BIFProfile.self)
            } ?? loading.bifProfile
        file = try loading.file(loading.reader.required("file", in: fields, at: node))
        options = try BillerOptionsReader.options(fields, loading.reader)
    }

    func run(in context: inout ScenarioContext) async -> Output {
        var findings: [JSONValue] = []
        let summary = try? BIFValidator(profile: profile, options: options).validate(BIFMemorySource(context.files[file] ?? [])) {
            findings.append($0.json)
        }
        return Output(
            file: file, profile: profile.rawValue, invoices: summary?.invoices ?? 0, errors: summary?.errors ?? 0,
            warnings: summary?.warnings ?? 0, findings: findings)
    }

    /// The counts and every finding.
    struct Output: Encodable, Sendable {
        var step = BIFValidateStep.key
        var file: String
        var profile: String
        var invoices: Int
        var errors: Int
        var warnings: Int
        var findings: [JSONValue]
    }
}
