import Flows
import Support
import Yams

/// `profile-feature: {name}`: what the scenario's profile says of a product or feature, with
/// the seed's words; a row the seeds mark not supported is `refused`.
///
/// Most products and features (Void, Multi-User Log In, Template, …) are no flow a step could
/// run; this step pins their rows, so that a partner reads the sentence a refusal rests on.
struct ProfileFeatureStep: StepKind, Hashable {
    static let key = "profile-feature"
    static let schema = MappingSchema(
        "Reports the scenario profile's row for a product or feature: supported, refused (not supported) or unspecified, with the seed's words.",
        .required("name", .text, "The row's name as docs/profiles.md lists it, e.g. Void or Multi-User Log In."))
    var feature: IntegrationProfile.Feature
    var profile: String

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let fields = try loading.reader.mapping(node, what: "a profile-feature step", schema: Self.schema)
        let nameNode = try loading.reader.required("name", in: fields, at: node)
        let name = try loading.reader.nonEmptyText(nameNode, what: "name")
        profile = loading.profile.rawValue
        let rows = IntegrationProfile.named(profile)?.features ?? []
        guard let feature = rows.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw loading.reader.error(
                "profile \(profile) has no row '\(name)'; its rows: \(rows.map(\.name).joined(separator: ", "))",
                at: nameNode)
        }
        self.feature = feature
    }

    func run(in context: inout ScenarioContext) async -> Output {
        let status =
            switch feature.support {
            case .supported: "supported"
            case .unsupported: "refused"
            case .unspecified: "unspecified"
            case .billerOption: "biller option"
            }
        var output = Output(feature: feature.name, status: status, seed: feature.seed, note: feature.note)
        if feature.support == .unsupported {
            output.message = "profile \(profile) does not support \(feature.name) (seed \(feature.seed): \"\(feature.note)\")"
        }
        return output
    }

    /// The row, as the matrix holds it.
    struct Output: Encodable, Sendable {
        var step = ProfileFeatureStep.key
        var feature: String
        var status: String
        var seed: String
        var note: String
        var message: String?
    }
}
