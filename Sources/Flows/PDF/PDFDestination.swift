import Foundation
public import Transport

/// Where `PDFExtraction` puts the PDFs.
public enum PDFDestination: Sendable {
    /// A local folder, created when missing; each file is written under a temporary
    /// name in the folder, then renamed, so no half-written file carries a final name.
    case folder(String)
    /// An absolute folder on an SFTP server; `SFTPClient` uploads then renames likewise.
    case sftp(SFTPClient, directory: String)

    /// Why a file did not arrive; `stopsDelivery` when every later file would fail the same way.
    struct Failure: Error {
        var message: String
        var stopsDelivery: Bool
    }

    /// Makes the destination ready: the folder exists.
    func prepare() throws(Failure) {
        guard case .folder(let path) = self else { return }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw Failure(message: "cannot create the folder \(path): \(error.localizedDescription)", stopsDelivery: true)
        }
    }

    /// Delivers one file under its final `name`.
    func deliver(_ bytes: [UInt8], name: String) async throws(Failure) {
        switch self {
        case .folder(let path):
            try Self.write(bytes, name: name, folder: path)
        case .sftp(let client, let directory):
            let folder = directory.hasSuffix("/") ? directory : directory + "/"
            do {
                _ = try await client.upload(bytes, to: folder + name)
            } catch {
                let stops: Set<TransportError.Code> = [.loginDenied, .hostKeyMismatch, .connectionFailed, .timeout, .invalidURL]
                throw Failure(message: error.description, stopsDelivery: stops.contains(error.code))
            }
        }
    }

    private static func write(_ bytes: [UInt8], name: String, folder: String) throws(Failure) {
        let final = URL(fileURLWithPath: folder).appendingPathComponent(name)
        let temporary = URL(fileURLWithPath: folder)
            .appendingPathComponent(".\(name).\(String(UInt32.random(in: .min ... .max), radix: 16)).part")
        do {
            try Data(bytes).write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw Failure(message: "cannot write \(temporary.path): \(error.localizedDescription)", stopsDelivery: false)
        }
        // rename(2) replaces an existing file in one step, where FileManager's move refuses.
        guard rename(temporary.path, final.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw Failure(message: "cannot rename \(temporary.lastPathComponent) to \(name): \(reason)", stopsDelivery: false)
        }
    }
}
