internal import CCurl
import Foundation

extension CurlEasy {
    /// Uploads `bytes` to `temporaryPath`, then, in the same session, removes
    /// whatever is at `path` and renames the temporary file to it; blocks until done.
    ///
    /// OpenSSH's SFTP server (protocol 3) refuses to rename over an existing file,
    /// hence the `rm` first (its failure ignored). When the transfer or the rename
    /// fails after the login, a second request on the same connection removes the
    /// temporary file.
    func uploadSFTP(
        _ bytes: [UInt8], temporaryPath: String, path: String, configuration: SFTPClient.Configuration
    ) throws(TransportError) {
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        var commands: UnsafeMutablePointer<curl_slist>?
        commands = bifrost_curl_slist_append(commands, "*rm \(Self.quoted(path))")
        commands = bifrost_curl_slist_append(commands, "rename \(Self.quoted(temporaryPath)) \(Self.quoted(path))")
        let source = UploadSource(bytes)
        defer {
            // The handle outlives this call: it must not keep pointers to what is freed here.
            _ = bifrost_curl_setopt_slist(handle, CURLOPT_POSTQUOTE, nil)
            _ = bifrost_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, nil)
            _ = bifrost_curl_setopt_pointer(handle, CURLOPT_READDATA, nil)
            bifrost_curl_slist_free_all(commands)
            errorBuffer.deallocate()
        }

        try check(bifrost_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        try prepareSFTP(configuration)
        try set(CURLOPT_URL, Self.url(configuration, path: temporaryPath))
        try set(CURLOPT_UPLOAD, 1)
        try check(bifrost_curl_setopt_off_t(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(bytes.count)))
        try check(
            bifrost_curl_setopt_callback(
                handle, CURLOPT_READFUNCTION,
                { data, size, count, context in
                    guard let data, let context else { return Int(CURL_READFUNC_ABORT) }
                    return Unmanaged<UploadSource>.fromOpaque(context).takeUnretainedValue().read(into: data, max: size * count)
                }))
        try check(bifrost_curl_setopt_pointer(handle, CURLOPT_READDATA, Unmanaged.passUnretained(source).toOpaque()))
        try check(bifrost_curl_setopt_slist(handle, CURLOPT_POSTQUOTE, commands))

        let code = withExtendedLifetime(source) { bifrost_curl_easy_perform(handle) }
        guard code != CURLE_OK else { return }
        var error = Self.sftpError(for: code, detail: String(cString: errorBuffer), configuration: configuration)
        if Self.mayHaveLeftFile(code) && !removeSFTP(temporaryPath, configuration: configuration) {
            error.message += "; the temporary file \(temporaryPath) may remain"
        }
        throw error
    }

    /// Removes `path` with an `rm` quote command and no transfer; false when that failed.
    private func removeSFTP(_ path: String, configuration: SFTPClient.Configuration) -> Bool {
        let commands = bifrost_curl_slist_append(nil, "rm \(Self.quoted(path))")
        defer {
            _ = bifrost_curl_setopt_slist(handle, CURLOPT_QUOTE, nil)
            bifrost_curl_slist_free_all(commands)
        }
        let directory = String(path[...(path.lastIndex(of: "/") ?? path.startIndex)])
        do {
            try check(bifrost_curl_setopt_slist(handle, CURLOPT_POSTQUOTE, nil))
            try set(CURLOPT_UPLOAD, 0)
            try set(CURLOPT_NOBODY, 1)
            try set(CURLOPT_URL, Self.url(configuration, path: directory))
            try check(bifrost_curl_setopt_slist(handle, CURLOPT_QUOTE, commands))
            return bifrost_curl_easy_perform(handle) == CURLE_OK
        } catch {
            return false
        }
    }

    private func prepareSFTP(_ configuration: SFTPClient.Configuration) throws(TransportError) {
        try set(CURLOPT_PROTOCOLS_STR, "sftp")
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_CONNECTTIMEOUT_MS, Int(configuration.connectTimeout.milliseconds))
        try set(CURLOPT_TIMEOUT_MS, Int(configuration.totalTimeout.milliseconds))
        try set(CURLOPT_USERNAME, configuration.user)
        try set(CURLOPT_SSH_AUTH_TYPES, Int(CURLSSH_AUTH_PUBLICKEY))
        try set(CURLOPT_SSH_PRIVATE_KEYFILE, configuration.privateKeyFile)
        if let publicKeyFile = configuration.publicKeyFile { try set(CURLOPT_SSH_PUBLIC_KEYFILE, publicKeyFile) }
        if let passphrase = configuration.keyPassphrase { try set(CURLOPT_KEYPASSWD, passphrase) }
        if let pinned = configuration.hostKeySHA256 { try set(CURLOPT_SSH_HOST_PUBLIC_KEY_SHA256, pinned) }
        try set(CURLOPT_FTP_CREATE_MISSING_DIRS, configuration.createMissingDirectories ? Int(CURLFTP_CREATE_DIR.rawValue) : 0)
    }

    /// `sftp://host:port/path`, the path percent-encoded (libcurl decodes it).
    static func url(_ configuration: SFTPClient.Configuration, path: String) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/".utf8)
        let encoded = path.utf8.map { unreserved.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return "sftp://\(host):\(configuration.port)\(encoded.joined())"
    }

    /// A path as libcurl's quote commands read it: in double quotes, `"` and `\` escaped.
    static func quoted(_ path: String) -> String {
        "\"" + path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Whether a failure came after the login, when a temporary file may exist.
    private static func mayHaveLeftFile(_ code: CURLcode) -> Bool {
        ![
            CURLE_LOGIN_DENIED, CURLE_PEER_FAILED_VERIFICATION, CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST,
            CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL, CURLE_REMOTE_FILE_NOT_FOUND,
        ].contains(code)
    }

    /// The SFTP meaning of a failure; libcurl's own detail (never a key or passphrase) in the message.
    private static func sftpError(
        for code: CURLcode, detail: String, configuration: SFTPClient.Configuration
    ) -> TransportError {
        let server = "\(configuration.user)@\(configuration.host):\(configuration.port)"
        var error = error(for: code)
        if !detail.isEmpty { error.message = detail }
        switch code {
        case CURLE_LOGIN_DENIED:
            error.code = .loginDenied
            error.message = "\(server) refused the login with key \(configuration.privateKeyFile): \(error.message)"
        case CURLE_PEER_FAILED_VERIFICATION:
            error.code = .hostKeyMismatch
            error.message = "the host key of \(server) is not the pinned one: \(error.message)"
        case CURLE_QUOTE_ERROR, CURLE_UPLOAD_FAILED, CURLE_REMOTE_FILE_NOT_FOUND, CURLE_REMOTE_ACCESS_DENIED,
            CURLE_REMOTE_DISK_FULL, CURLE_REMOTE_FILE_EXISTS:
            error.code = .remoteFailure
            error.message = "\(server): \(error.message)"
        default:
            error.message = "\(server): \(error.message)"
        }
        return error
    }
}

/// The bytes of an upload, handed to libcurl's read callback in pieces.
private final class UploadSource {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutablePointer<CChar>, max: Int) -> Int {
        let count = min(max, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { all in
            UnsafeMutableRawBufferPointer(start: buffer, count: count).copyMemory(
                from: UnsafeRawBufferPointer(rebasing: all[offset..<offset + count]))
        }
        offset += count
        return count
    }
}
