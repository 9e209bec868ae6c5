import Flows
import Foundation
import Partners
import Support
import Transport
import Wire
import Yams

/// `pdf-extraction: {file, biller_id, to, login}`: IMT Spectrum's PDF extraction, one PDF per
/// invoice of a BIF, to a fresh temporary folder (`to: folder`, the default) or to a real
/// OpenSSH server started for the step (`to: sftp`; `login: refused` logs in with a key the
/// server does not accept). The result lists each delivery and what arrived, read back.
struct PDFExtractionStep: StepKind, Hashable {
    static let key = "pdf-extraction"
    static let schema = MappingSchema(
        "IMT Spectrum's PDF extraction: one PDF per invoice of a BIF, delivered and read back from the destination.",
        .required("file", .text, "The BIF whose invoices become PDFs: of the files: block or an earlier step's output."),
        .required("biller_id", .text, "The IC biller id in the PDFs' names."),
        .optional(
            "to", .choice(of: Destination.self),
            "folder: a fresh temporary folder (the default); sftp: a real OpenSSH server started on loopback for the step."),
        .optional("login", .choice(["refused"]), "refused: log in with a key the server does not accept (needs to: sftp)."))

    enum Destination: String, Sendable, CaseIterable {
        case folder
        case sftp
    }

    var file: String
    var billerID: String
    var destination: Destination
    var refusedLogin: Bool

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let reader = loading.reader
        let fields = try reader.mapping(node, what: "a pdf-extraction step", schema: Self.schema)
        let loginNode = fields["login"]
        let refused = try loginNode.map { node throws(InputError) -> Bool in
            guard try reader.text(node, what: "login") == "refused" else {
                throw reader.error("login is refused (log in with a key the server does not accept) or left out", at: node)
            }
            return true
        }
        destination =
            try fields["to"].map { node throws(InputError) in
                try reader.choice(node, what: "destination", of: Destination.self)
            } ?? .folder
        if let loginNode, destination != .sftp {
            throw reader.error("login: refused needs to: sftp", at: loginNode)
        }
        refusedLogin = refused ?? false
        file = try loading.file(reader.required("file", in: fields, at: node))
        billerID = try reader.nonEmptyText(reader.required("biller_id", in: fields, at: node), what: "biller_id")
    }

    var needs: StepNeeds { destination == .sftp ? [.sshd] : [.folder] }
    var flow: IntegrationFlow? { .pdfExtraction }

    func run(in context: inout ScenarioContext) async -> StepOutcome<Output> {
        let bif: BIFFile
        switch context.bif(file) {
        case .success(let read): bif = read
        case .failure(let failure): return .failed(failure.named(Self.key))
        }
        let extraction = PDFExtraction(billerID: billerID)
        var output = Output(file: file, to: destination.rawValue)
        if let server = context.sshd {
            let configuration = server.clientConfiguration(privateKeyFile: refusedLogin ? server.unauthorizedKeyFile : nil)
            let sent = await extraction.deliver(
                bif, to: .sftp(SFTPClient(configuration: configuration), directory: server.remoteUploadDirectory))
            // The server's port, user and key folder change from run to run; results name them by placeholder.
            let keyFolder = (configuration.privateKeyFile as NSString).deletingLastPathComponent
            output.deliveries = sent.map { delivery in
                guard case .failed(let message) = delivery.outcome else { return delivery.json }
                var stable = delivery
                stable.outcome = .failed(
                    message.replacingOccurrences(of: "\(server.user)@127.0.0.1:\(server.port)", with: "<user>@127.0.0.1:<port>")
                        .replacingOccurrences(of: keyFolder, with: "<keys>"))
                return stable.json
            }
            output.received = ((try? server.files()) ?? []).map { Output.Received($0.name, $0.bytes) }
        } else if let folder = context.folder {
            output.deliveries = await extraction.deliver(bif, to: .folder(folder)).map(\.json)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
            output.received = names.map { name in
                Output.Received(name, FileManager.default.contents(atPath: folder + "/" + name).map { [UInt8]($0) } ?? [])
            }
        }
        return .done(output)
    }

    /// Each invoice's delivery and each file that arrived, with its size and SHA-256.
    struct Output: Encodable, Sendable {
        var step = PDFExtractionStep.key
        var file: String
        var to: String
        var deliveries: [JSONValue] = []
        var received: [Received] = []

        struct Received: Encodable, Sendable {
            var file: String
            var bytes: Int
            var sha256: String

            init(_ name: String, _ bytes: [UInt8]) {
                file = name
                self.bytes = bytes.count
                sha256 = SHA256.hex(bytes)
            }
        }
    }
}
