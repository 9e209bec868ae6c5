import Flows
import Foundation
import Partners
import Transport
import Wire

extension ICStepRunner {
    /// Runs a `pdf-extraction` step: the PDFs go to a fresh temporary folder, or to a real
    /// OpenSSH server started for the step; the result lists each invoice's delivery and
    /// what arrived, read back from the destination.
    func extract(_ step: PDFExtractionStep, files: [String: [UInt8]]) async -> JSONValue {
        let bif: BIFFile
        do {
            bif = try BIFFile.read(files[step.file] ?? [])
        } catch {
            return Self.failed("pdf-extraction", "\(step.file):\(error)")
        }
        let extraction = PDFExtraction(billerID: step.billerID)
        let deliveries: [PDFDelivery]
        let received: [(name: String, bytes: [UInt8])]
        switch step.destination {
        case .folder:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bifrost-pdf-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            deliveries = await extraction.deliver(bif, to: .folder(folder))
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
            received = names.map { name in
                (name, FileManager.default.contents(atPath: folder + "/" + name).map { [UInt8]($0) } ?? [])
            }
        case .sftp:
            let server: OpenSSHServer
            do {
                server = try await OpenSSHServer.start()
            } catch {
                return Self.failed("pdf-extraction", "the SFTP server did not start: \(error)")
            }
            let configuration = server.clientConfiguration(
                privateKeyFile: step.refusedLogin ? server.unauthorizedKeyFile : nil)
            let sent = await extraction.deliver(
                bif, to: .sftp(SFTPClient(configuration: configuration), directory: server.remoteUploadDirectory))
            // The server's port, user and key folder change from run to run; results name them by placeholder.
            let keyFolder = (configuration.privateKeyFile as NSString).deletingLastPathComponent
            deliveries = sent.map { delivery in
                guard case .failed(let message) = delivery.outcome else { return delivery }
                var stable = delivery
                stable.outcome = .failed(
                    message.replacingOccurrences(of: "\(server.user)@127.0.0.1:\(server.port)", with: "<user>@127.0.0.1:<port>")
                        .replacingOccurrences(of: keyFolder, with: "<keys>"))
                return stable
            }
            received = ((try? server.files()) ?? []).map { ($0.name, $0.bytes) }
            await server.stop()
        }
        let result = JSONValue.object([
            "step": "pdf-extraction", "file": .string(step.file), "to": .string(step.destination.rawValue),
            "deliveries": .array(deliveries.map(\.json)),
            "received": .array(
                received.map { file in
                    .object([
                        "file": .string(file.name), "bytes": .number(String(file.bytes.count)),
                        "sha256": .string(SHA256.hex(file.bytes)),
                    ])
                }),
        ])
        return result
    }
}
