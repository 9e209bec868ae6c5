import ChildProcesses
import Foundation
import Synchronization
public import Transport

/// A real OpenSSH `sshd` on loopback that accepts SFTP uploads, for tests and scenarios.
///
/// Everything lives in a fresh folder removed by `stop()`: throwaway ed25519
/// keys (host, client, and a second client key the server does not accept), an
/// `sshd_config` allowing only the current user with the client key and only
/// `internal-sftp`, and the upload folder. Run as root, the user is chrooted
/// (paths are then `/upload/...`), and the folder is made under `/run`, as
/// sshd refuses a chroot below a world-writable folder such as `/tmp`; otherwise
/// the upload folder's own absolute path is the remote path.
///
/// It stands in for IC's SFTP endpoint, where IMT Spectrum delivers bill PDFs.
///
/// ```swift
/// try await OpenSSHServer.withRunning { server in
///     try await SFTPClient(configuration: server.clientConfiguration()).upload(bytes, to: server.remoteUploadDirectory + "/a.pdf")
///     let arrived = try server.files()
/// }
/// ```
public final class OpenSSHServer: Sendable {
    /// A file in the upload folder: its path below the folder and its bytes.
    public struct File: Sendable, Hashable {
        public var name: String
        public var bytes: [UInt8]

        public init(name: String, bytes: [UInt8]) { (self.name, self.bytes) = (name, bytes) }
    }

    /// Why the server could not start; the message says what to do.
    public struct StartError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The loopback port sshd listens on.
    public let port: Int
    /// The one user who may log in: the current user.
    public let user: String
    /// The client key the server accepts.
    public let clientKeyFile: String
    /// A client key the server does not accept, for refused logins.
    public let unauthorizedKeyFile: String
    /// The host key as base64 SHA-256, without padding, as `SFTPClient.Configuration.hostKeySHA256` takes it.
    public let hostKeySHA256: String
    /// The upload folder on this machine.
    public let uploadFolder: String
    /// The upload folder as SFTP clients name it.
    public let remoteUploadDirectory: String
    /// From `start()` until sshd listened, key generation included.
    public let startupDuration: Duration

    private let folder: String
    private let sshd: ChildProcess
    private let log: SSHDLog
    private let stopped = Mutex(false)

    init(setup: Setup, sshd: ChildProcess, log: SSHDLog, startupDuration: Duration) {
        (port, user, hostKeySHA256) = (setup.port, setup.user, setup.hostKeySHA256)
        (clientKeyFile, unauthorizedKeyFile) = (setup.clientKeyFile, setup.unauthorizedKeyFile)
        (uploadFolder, remoteUploadDirectory, folder) = (setup.uploadFolder, setup.remoteUploadDirectory, setup.folder)
        (self.sshd, self.log, self.startupDuration) = (sshd, log, startupDuration)
    }

    // A server dropped without `stop()`: sshd is killed at once (swift-subprocess's monitor reaps it).
    deinit {
        guard markStopped() else { return }
        sshd.send(signal: SIGKILL)
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Starts a server and returns once it accepts connections (within 5 s).
    /// - Throws: `StartError` when sshd or ssh-keygen is missing (run `ci/setup`) or sshd does not start.
    public static func start(
        sshd: String = "/usr/sbin/sshd", keygen: String = "/usr/bin/ssh-keygen"
    ) async throws(StartError)
        -> OpenSSHServer
    {
        let started = ContinuousClock.now
        var setup = try await Setup.make(sshd: sshd, keygen: keygen)
        var log = ""
        // A port picked free may be taken before sshd binds it: then try another.
        for _ in 0..<3 {
            let process: ChildProcess
            do throws(StartError) {
                setup.port = try Setup.freePort()
                try setup.writeConfiguration()
            } catch {
                setup.remove()
                throw error
            }
            do throws(ChildProcess.SpawnError) {
                // sshd wants its absolute path; -D stays in the foreground, -e logs to standard error.
                process = try await ChildProcess.start(ChildProcess.Launch(sshd, ["-D", "-e", "-f", setup.configFile]))
            } catch {
                setup.remove()
                throw StartError(message: error.message)
            }
            let sshdLog = SSHDLog(reading: process)
            if await sshdLog.wait(for: "Server listening on", timeout: .seconds(5)) {
                return OpenSSHServer(setup: setup, sshd: process, log: sshdLog, startupDuration: .now - started)
            }
            await process.terminate()
            log = sshdLog.text
            guard log.contains("Address already in use") else { break }
        }
        setup.remove()
        throw StartError(message: "sshd exited, or did not listen within 5 s; its log:\n\(log)")
    }

    /// Runs `body` with a started server, and stops the server after it, whether it threw or not.
    public static func withRunning<T>(_ body: (OpenSSHServer) async throws -> T) async throws -> T {
        let server = try await start()
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// A client configuration for this server: by default the accepted key and the host key pinned.
    public func clientConfiguration(privateKeyFile: String? = nil, hostKeySHA256: String? = nil) -> SFTPClient.Configuration {
        SFTPClient.Configuration(
            host: "127.0.0.1", port: port, user: user, privateKeyFile: privateKeyFile ?? clientKeyFile,
            hostKeySHA256: hostKeySHA256 ?? self.hostKeySHA256, connectTimeout: .seconds(5), totalTimeout: .seconds(20))
    }

    /// The files in the upload folder and below, temporary ones included, sorted by name.
    public func files() throws -> [File] {
        let base = URL(fileURLWithPath: uploadFolder)
        let names = try FileManager.default.subpathsOfDirectory(atPath: uploadFolder).sorted()
        return try names.compactMap { name in
            var isFolder: ObjCBool = false
            let url = base.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else {
                return nil
            }
            return File(name: name, bytes: Array(try Data(contentsOf: url)))
        }
    }

    /// What sshd logged so far (LogLevel VERBOSE): connections, logins accepted and refused.
    public var logText: String { log.text }

    /// Waits until sshd's log holds `text`, or `timeout` passes; true when it does.
    public func waitForLog(_ text: String, timeout: Duration = .seconds(5)) async -> Bool {
        await log.wait(for: text, timeout: timeout)
    }

    /// Stops sshd (SIGTERM, SIGKILL after 2 s) and removes its folder; calling it again does nothing.
    public func stop() async {
        guard markStopped() else { return }
        await sshd.terminate()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Marks the server stopped; true for the first call only.
    private func markStopped() -> Bool {
        stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
    }
}
