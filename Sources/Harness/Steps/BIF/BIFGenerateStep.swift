import Support
import Wire
import Yams

/// `bif-generate: {invoices, seed, output}`: writes a valid synthetic BIF of the scenario's
/// IMT profile, the same bytes for the same seed.
struct BIFGenerateStep: StepKind, Hashable {
    static let key = "bif-generate"
    static let schema = MappingSchema(
        "Writes a valid synthetic BIF of the scenario's IMT profile, the same bytes for the same seed.",
        .required("invoices", .boundedInteger(minimum: 0), "The number of invoices (1 for imt-mips-apps)."),
        .required("seed", .boundedInteger(minimum: 0), "The generator's seed (0 or more)."),
        .required("output", .text, "The file to write: a new name ending in .bif, which later steps and expect.golden may name."))
    var invoices: Int
    var seed: UInt64
    var output: String
    var profile: BIFProfile

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let reader = loading.reader
        let fields = try reader.mapping(node, what: "a bif-generate step", schema: Self.schema)
        let invoicesNode = try reader.required("invoices", in: fields, at: node)
        invoices = try reader.integer(invoicesNode, what: "invoices")
        guard invoices >= 0, loading.profile != .imtMipsApps || invoices == 1 else {
            throw reader.error("invoices must be 0 or more, and 1 for an imt-mips-apps upload", at: invoicesNode)
        }
        guard loading.profile != .aiMyMeter else { throw reader.error("bif-generate needs an IMT profile", at: node) }
        let seedNode = try reader.required("seed", in: fields, at: node)
        let seed = try reader.integer(seedNode, what: "seed")
        guard seed >= 0 else { throw reader.error("seed must be 0 or more", at: seedNode) }
        self.seed = UInt64(seed)
        profile = BIFProfile(rawValue: loading.profile.rawValue) ?? .imtSpectrum
        output = try loading.output(reader.required("output", in: fields, at: node))
    }

    var outputs: [String] { [output] }

    func run(in context: inout ScenarioContext) async -> Output {
        let bytes = BIFGenerator(profile: profile, seed: seed).bytes(invoices: invoices)
        context.files[output] = bytes
        return Output(output: output, invoices: invoices, bytes: bytes.count)
    }

    /// The file written and its size.
    struct Output: Encodable, Sendable {
        var step = BIFGenerateStep.key
        var status = "written"
        var output: String
        var invoices: Int
        var bytes: Int
    }
}
