import ChildProcesses
import Foundation
import Transport

extension OpenSSHServer {
    /// The server's folder, keys and configuration, made before sshd starts.
    struct Setup {
        var folder: String
        var user: String
        var chroot: String?
        var uploadFolder: String
        var remoteUploadDirectory: String
        var clientKeyFile: String
        var unauthorizedKeyFile: String
        var hostKeySHA256 = ""
        var port = 0

        var configFile: String { folder + "/sshd_config" }

        /// Checks the tools, makes the folder and the keys.
        ///
        /// The folder and files are made in line (a few small local writes); only reading
        /// ssh-keygen's output blocks, on a thread of its own, and its exit is awaited.
        static func make(sshd: String, keygen: String) async throws(StartError) -> Setup {
            var setup = try makeFolders(sshd: sshd, keygen: keygen)
            do {
                setup.hostKeySHA256 = try await makeKeys(in: setup.folder, keygen: keygen)
            } catch {
                setup.remove()
                throw error
            }
            return setup
        }

        /// Checks the tools and makes the server's folder, the chroot and the upload folder.
        private static func makeFolders(sshd: String, keygen: String) throws(StartError) -> Setup {
            for tool in [sshd, keygen] where !FileManager.default.isExecutableFile(atPath: tool) {
                throw StartError(message: "\(tool) is missing: install openssh-server and openssh-client (ci/setup does)")
            }
            let root = getuid() == 0
            // sshd refuses a chroot below a folder others may write (/tmp): as root, work under /run.
            let base = root && Self.isPrivate("/run") ? "/run" : FileManager.default.temporaryDirectory.path
            let folder = base + "/bifrost-sshd-" + UUID().uuidString.prefix(8).lowercased()
            let chroot = root ? folder + "/root" : nil
            let upload = (chroot ?? folder) + "/upload"
            let setup = Setup(
                folder: folder, user: NSUserName(), chroot: chroot, uploadFolder: upload,
                remoteUploadDirectory: root ? "/upload" : upload, clientKeyFile: folder + "/client_key",
                unauthorizedKeyFile: folder + "/stranger_key")
            do {
                let files = FileManager.default
                try files.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                if let chroot {
                    try files.createDirectory(
                        atPath: chroot, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
                }
                try files.createDirectory(
                    atPath: upload, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
                // Privilege separation needs this folder when sshd runs as root.
                if root {
                    try files.createDirectory(
                        atPath: "/run/sshd", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
                }
            } catch {
                setup.remove()
                throw StartError(message: "cannot set up sshd in \(folder): \(error.localizedDescription)")
            }
            return setup
        }

        /// Makes the host key, the accepted client key and the refused one at once; returns the host key's SHA-256.
        private static func makeKeys(in folder: String, keygen: String) async throws(StartError) -> String {
            let failure = await withTaskGroup(of: StartError?.self) { group in
                for key in ["host_key", "client_key", "stranger_key"] {
                    group.addTask {
                        do throws(StartError) {
                            _ = try await run(
                                keygen, ["-q", "-t", "ed25519", "-N", "", "-C", "bifrost-\(key)", "-f", folder + "/" + key])
                            return nil
                        } catch {
                            return error
                        }
                    }
                }
                return await group.reduce(nil) { first, failure in first ?? failure }
            }
            if let failure { throw failure }
            // "256 SHA256:<base64> comment (ED25519)"
            let fingerprint = try await run(keygen, ["-l", "-E", "sha256", "-f", folder + "/host_key.pub"])
            let field = fingerprint.split(separator: " ").dropFirst().first ?? ""
            guard field.hasPrefix("SHA256:") else { throw StartError(message: "unexpected fingerprint: \(fingerprint)") }
            return String(field.dropFirst("SHA256:".count))
        }

        func writeConfiguration() throws(StartError) {
            var lines = [
                "ListenAddress 127.0.0.1", "Port \(port)", "HostKey \(folder)/host_key", "PidFile none",
                "AuthorizedKeysFile \(clientKeyFile).pub", "PasswordAuthentication no",
                "KbdInteractiveAuthentication no", "PubkeyAuthentication yes", "StrictModes no", "UsePAM no",
                "LogLevel VERBOSE", "Subsystem sftp internal-sftp", "ForceCommand internal-sftp -d \(remoteUploadDirectory)",
                "AllowUsers \(user)",
            ]
            if let chroot { lines.append("ChrootDirectory \(chroot)") }
            do {
                try (lines.joined(separator: "\n") + "\n").write(toFile: configFile, atomically: true, encoding: .utf8)
            } catch {
                throw StartError(message: "cannot write \(configFile): \(error.localizedDescription)")
            }
        }

        func remove() { try? FileManager.default.removeItem(atPath: folder) }

        /// A loopback TCP port free at the time of asking.
        static func freePort() throws(StartError) -> Int {
            do {
                return try LoopbackSocket(listening: false).port
            } catch {
                throw StartError(message: error.message)
            }
        }

        /// Whether `path` is owned by root and writable by no one else, as a chroot's parents must be.
        private static func isPrivate(_ path: String) -> Bool {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                let owner = attributes[.ownerAccountID] as? NSNumber, let mode = attributes[.posixPermissions] as? NSNumber
            else { return false }
            return owner.intValue == 0 && mode.intValue & 0o022 == 0
        }

        /// Runs `tool` and returns its output; a non-zero exit is an error with its output.
        private static func run(_ tool: String, _ arguments: [String]) async throws(StartError) -> String {
            let process: ChildProcess
            do throws(ChildProcess.SpawnError) {
                process = try await ChildProcess.start(ChildProcess.Launch(tool, arguments))
            } catch {
                throw StartError(message: error.message)
            }
            var bytes: [UInt8] = []
            await process.readOutput { chunk in
                bytes += chunk
                return true
            }
            let output = String(decoding: bytes, as: UTF8.self)
            guard await process.wait() == 0 else {
                throw StartError(message: "\(tool) \(arguments.joined(separator: " ")) failed: \(output)")
            }
            return output
        }
    }
}
