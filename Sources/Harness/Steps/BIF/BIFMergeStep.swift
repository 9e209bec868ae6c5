import Support
import Wire
import Yams

/// `bif-merge: {files, output, date}`: consolidates single-invoice BIFs into one import file
/// dated `date` (mm/dd/yyyy), the clock's day unless given.
struct BIFMergeStep: StepKind, Hashable {
    static let key = "bif-merge"
    static let schema = MappingSchema(
        "Consolidates single-invoice BIFs into one import file, as IC does.",
        .required("files", .list(.text), "The BIFs to merge, in upload order: of the files: block or earlier steps' outputs."),
        .required("output", .text, "The file to write: a new name ending in .bif, which later steps and expect.golden may name."),
        .optional("date", .formatted(.bifDate), "The import file's date, mm/dd/yyyy (default the clock's day)."))
    var files: [String]
    var output: String
    var date: BIFDate

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let reader = loading.reader
        let fields = try reader.mapping(node, what: "a bif-merge step", schema: Self.schema)
        files = []
        let filesNode = try reader.required("files", in: fields, at: node)
        for element in try reader.sequence(filesNode, what: "files") { files.append(try loading.file(element)) }
        guard !files.isEmpty else { throw reader.error("files must name at least one BIF", at: filesNode) }
        date = loading.clock.day
        if let node = fields["date"] {
            guard let given = BIFDate(try reader.text(node, what: "date")) else {
                throw reader.error("date must be mm/dd/yyyy, e.g. 09/01/2024", at: node)
            }
            date = given
        }
        output = try loading.output(reader.required("output", in: fields, at: node))
    }

    var outputs: [String] { [output] }

    func run(in context: inout ScenarioContext) async -> StepOutcome<Output> {
        var read: [(name: String, file: BIFFile)] = []
        for name in files {
            switch context.bif(name) {
            case .success(let file): read.append((name, file))
            case .failure(let failure): return .failed(failure.named(Self.key))
            }
        }
        do {
            let result = try BIFConsolidator(fileDate: date).merge(read)
            context.files[output] = result.file.bytes
            let invoiceCode = BIFLayout.standard.row(.invoiceHeader).code
            return .done(
                Output(
                    output: output, invoices: result.file.records.count { $0.code == invoiceCode },
                    replacements: result.replacements.map {
                        Output.Replacement(invoice: $0.invoiceNumber, replaced: $0.replaced, by: $0.by)
                    }))
        } catch {
            return .failed(StepFailure(Self.key, error.description))
        }
    }

    /// The file written, its invoices, and each invoice a later upload replaced.
    struct Output: Encodable, Sendable {
        var step = BIFMergeStep.key
        var status = "written"
        var output: String
        var invoices: Int
        var replacements: [Replacement]

        struct Replacement: Encodable, Sendable {
            var invoice: String
            var replaced: String
            var by: String
        }
    }
}
