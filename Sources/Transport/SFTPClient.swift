import Foundation

/// Uploads files to an SFTP server through libcurl (libssh2), logging in with a key.
///
/// Each upload goes to a temporary name in the target folder and is renamed to
/// its final name on the server, so nothing half-written ever carries the final
/// name; a file already there under that name is replaced. Like `HTTPClient`,
/// the blocking libcurl work runs on the client's own dispatch queue.
///
/// ```swift
/// let client = SFTPClient(configuration: .init(
///     host: "127.0.0.1", port: 2222, user: "bifrost", privateKeyFile: "/keys/id_ed25519",
///     hostKeySHA256: "0wsbhnlOCR50JwbsDjtiVlcuyADITHDBXpJtPjf3/rI"))
/// try await client.upload(pdf, to: "/upload/2984_20240903_INV1001.pdf")
/// ```
public struct SFTPClient: Sendable {
    /// Server, login and timeouts.
    public struct Configuration: Sendable, CustomStringConvertible {
        public var host: String
        public var port: Int
        public var user: String
        /// The private key file; neither its contents nor the passphrase appear in errors.
        public var privateKeyFile: String
        /// The public key file, for libssh2 builds that cannot derive it from the private key.
        public var publicKeyFile: String?
        public var keyPassphrase: String?
        /// The server's host key as base64 SHA-256, as `ssh-keygen -l -E sha256` prints it
        /// without `SHA256:`; a server with another key is refused. When nil, any host key is accepted.
        public var hostKeySHA256: String?
        public var connectTimeout: Duration
        /// The longest one upload may take, login and rename included.
        public var totalTimeout: Duration
        /// Whether missing folders of the remote path are created.
        public var createMissingDirectories: Bool

        public init(
            host: String, port: Int = 22, user: String, privateKeyFile: String, publicKeyFile: String? = nil,
            keyPassphrase: String? = nil, hostKeySHA256: String? = nil, connectTimeout: Duration = .seconds(5),
            totalTimeout: Duration = .seconds(60), createMissingDirectories: Bool = false
        ) {
            (self.host, self.port, self.user) = (host, port, user)
            (self.privateKeyFile, self.publicKeyFile, self.keyPassphrase) = (privateKeyFile, publicKeyFile, keyPassphrase)
            (self.hostKeySHA256, self.connectTimeout, self.totalTimeout) = (hostKeySHA256, connectTimeout, totalTimeout)
            self.createMissingDirectories = createMissingDirectories
        }

        /// The server and key file, never the passphrase.
        public var description: String {
            "sftp://\(user)@\(host):\(port) key \(privateKeyFile)\(hostKeySHA256.map { " host key SHA256:\($0)" } ?? "")"
        }
    }

    /// One completed upload.
    public struct Upload: Sendable, Hashable {
        /// The final remote path.
        public var path: String
        public var byteCount: Int
        /// From the start of the connection to the end of the rename.
        public var duration: Duration
    }

    public var configuration: Configuration

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// Uploads `bytes` to the absolute remote `path`, replacing any file there.
    /// - Throws: `TransportError`; `.loginDenied`, `.hostKeyMismatch` and
    ///   `.remoteFailure` are the SFTP-specific codes.
    public func upload(_ bytes: [UInt8], to path: String) async throws(TransportError) -> Upload {
        guard let slash = path.lastIndex(of: "/"), path.hasPrefix("/"), path.index(after: slash) < path.endIndex,
            !path.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw TransportError(
                code: .invalidURL, message: "the remote path '\(path)' is not an absolute path to a file", curlCode: -1)
        }
        // libssh2 reports an unreadable key file as a refused login: say what it is.
        guard FileManager.default.isReadableFile(atPath: configuration.privateKeyFile) else {
            throw TransportError(
                code: .other, message: "cannot read the private key file \(configuration.privateKeyFile)", curlCode: -1)
        }
        let name = path[path.index(after: slash)...]
        let temporaryPath = "\(path[...slash]).\(name).\(String(UInt32.random(in: .min ... .max), radix: 16)).part"
        let configuration = self.configuration
        return try await BlockingPool.run { () throws(TransportError) -> Upload in
            let start = ContinuousClock.now
            let easy = try CurlEasy()
            try easy.uploadSFTP(bytes, temporaryPath: temporaryPath, path: path, configuration: configuration)
            return Upload(path: path, byteCount: bytes.count, duration: ContinuousClock.now - start)
        }
    }
}
