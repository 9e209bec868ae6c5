import Wire
import Yams

/// Reads a scenario's BIF steps and its `files:` block.
///
/// ```yaml
/// files:
///   upload-1.bif: |
///     FH|6f1c2e0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b||09/01/2024|1|1675.00
///     …
/// steps:
///   - bif-validate: {file: upload-1.bif}            # profile: the scenario's, or given here
///   - bif-merge: {files: [upload-1.bif, upload-2.bif], output: import.bif}   # date: the clock's day
///   - bif-generate: {invoices: 3, seed: 7, output: hourly.bif}
///   - bif-diff: {expected: upload-1.bif, actual: import.bif}
///   - invoice-upload: {file: upload-1.bif, soap: "1.2"}   # to the mock IC; biller and key: the ic block's first
///   - invoice-upload: {file: hourly.bif, operation: UploadInvoiceFile}
///   - pdf-extraction: {file: hourly.bif, biller_id: "2984", to: sftp}   # or folder (default); login: refused
/// ```
struct BIFStepLoader {
    static let stepNames = ["bif-validate", "bif-merge", "bif-generate", "bif-diff", "invoice-upload", "pdf-extraction"]

    let reader: YAMLReader
    let profile: Scenario.Profile
    let clock: String
    /// The file names the steps so far can read: the scenario's files and earlier steps' outputs.
    var known: Set<String>

    /// The `files:` block: BIF names (ending in `.bif`) and their text.
    static func files(_ node: Node, _ reader: YAMLReader) throws(InputError) -> [String: String] {
        var files: [String: String] = [:]
        for (key, value) in try reader.pairs(node, what: "files") {
            let name = try reader.nonEmptyText(key, what: "a file name")
            guard name.hasSuffix(".bif"), !name.contains("/") else {
                throw reader.error("a file name ends in .bif and has no folder, e.g. upload-1.bif", at: key)
            }
            files[name] = try reader.text(value, what: "the text of \(name)")
        }
        return files
    }

    mutating func step(_ name: String, _ node: Node) throws(InputError) -> Scenario.Step {
        switch name {
        case "bif-validate":
            let fields = try reader.mapping(node, what: "a bif-validate step", allowed: ["file", "profile"], required: ["file"])
            var rules = BIFProfile(rawValue: profile.rawValue) ?? .common
            if let given = fields["profile"] { rules = try reader.choice(given, what: "BIF profile", of: BIFProfile.self) }
            return .bifValidate(file: try file(fields["file"]!), profile: rules)
        case "bif-merge":
            let fields = try reader.mapping(
                node, what: "a bif-merge step", allowed: ["files", "output", "date"], required: ["files", "output"])
            var inputs: [String] = []
            for element in try reader.sequence(fields["files"]!, what: "files") { inputs.append(try file(element)) }
            guard !inputs.isEmpty else { throw reader.error("files must name at least one BIF", at: fields["files"]!) }
            let date = try fields["date"].map { node throws(InputError) in try self.date(node) } ?? clockDate()
            return .bifMerge(files: inputs, output: try output(fields["output"]!), date: date)
        case "bif-generate":
            let fields = try reader.mapping(
                node, what: "a bif-generate step", allowed: ["invoices", "seed", "output"],
                required: ["invoices", "seed", "output"])
            let invoices = try reader.integer(fields["invoices"]!, what: "invoices")
            guard invoices >= 0, profile != .imtMipsApps || invoices == 1 else {
                throw reader.error("invoices must be 0 or more, and 1 for an imt-mips-apps upload", at: fields["invoices"]!)
            }
            guard profile != .aiMyMeter else { throw reader.error("bif-generate needs an IMT profile", at: node) }
            let seed = try reader.integer(fields["seed"]!, what: "seed")
            guard seed >= 0 else { throw reader.error("seed must be 0 or more", at: fields["seed"]!) }
            return .bifGenerate(invoices: invoices, seed: UInt64(seed), output: try output(fields["output"]!))
        case "invoice-upload":
            let fields = try reader.mapping(
                node, what: "an invoice-upload step", allowed: ["file", "soap", "biller", "key", "operation"], required: ["file"])
            let version = try fields["soap"].map { node throws(InputError) in
                try reader.choice(node, what: "SOAP version", of: SOAPVersion.self)
            }
            return .invoiceUpload(
                InvoiceUploadStep(
                    file: try file(fields["file"]!),
                    billerGUID: try fields["biller"].map { node throws(InputError) in
                        try reader.nonEmptyText(node, what: "biller")
                    },
                    key: try fields["key"].map { node throws(InputError) in try reader.nonEmptyText(node, what: "key") },
                    version: version ?? .v11,
                    operation: try fields["operation"].map { node throws(InputError) in
                        try reader.choice(node, what: "upload operation", of: UploadInvoiceRequest.Operation.self)
                    } ?? .uploadInvoice))
        case "pdf-extraction":
            let fields = try reader.mapping(
                node, what: "a pdf-extraction step", allowed: ["file", "biller_id", "to", "login"],
                required: ["file", "biller_id"])
            let refused = try fields["login"].map { node throws(InputError) -> Bool in
                guard try reader.text(node, what: "login") == "refused" else {
                    throw reader.error("login is refused (log in with a key the server does not accept) or left out", at: node)
                }
                return true
            }
            let destination =
                try fields["to"].map { node throws(InputError) in
                    try reader.choice(node, what: "destination", of: PDFExtractionStep.Destination.self)
                } ?? .folder
            if refused != nil, destination != .sftp {
                throw reader.error("login: refused needs to: sftp", at: fields["login"]!)
            }
            return .pdfExtraction(
                PDFExtractionStep(
                    file: try file(fields["file"]!), billerID: try reader.nonEmptyText(fields["biller_id"]!, what: "biller_id"),
                    destination: destination, refusedLogin: refused ?? false))
        default:
            let fields = try reader.mapping(
                node, what: "a bif-diff step", allowed: ["expected", "actual"], required: ["expected", "actual"])
            return .bifDiff(expected: try file(fields["expected"]!), actual: try file(fields["actual"]!))
        }
    }

    /// A file a step reads: it must exist by then.
    private func file(_ node: Node) throws(InputError) -> String {
        let name = try reader.nonEmptyText(node, what: "a file name")
        guard known.contains(name) else {
            let names = known.sorted().joined(separator: ", ")
            throw reader.error("no file '\(name)' in the scenario's files or earlier steps' outputs (\(names))", at: node)
        }
        return name
    }

    /// A file a step writes: a new `.bif` name.
    private mutating func output(_ node: Node) throws(InputError) -> String {
        let name = try reader.nonEmptyText(node, what: "an output name")
        guard name.hasSuffix(".bif"), !name.contains("/") else {
            throw reader.error("an output name ends in .bif and has no folder, e.g. import.bif", at: node)
        }
        guard !known.contains(name) else { throw reader.error("'\(name)' already names a file of the scenario", at: node) }
        known.insert(name)
        return name
    }

    private func date(_ node: Node) throws(InputError) -> BIFDate {
        let text = try reader.text(node, what: "date")
        guard let date = BIFDate(text) else { throw reader.error("date must be mm/dd/yyyy, e.g. 09/01/2024", at: node) }
        return date
    }

    /// The clock's calendar day as written (the clock's own zone).
    private func clockDate() -> BIFDate {
        let digits = clock.prefix(10).split(separator: "-").compactMap { Int($0) }
        return BIFDate(year: digits[0], month: digits[1], day: digits[2])!
    }
}
