import BifrostTesting
import Testing
import Transport

/// SFTPClient's checks before it connects, and a server that is not there.
/// Uploads to a real sshd are in SFTPUploadTests.
@Suite struct SFTPClientTests {
    /// A client for a loopback port nothing listens on, with a key file that exists.
    func client(keyFile: String = "/dev/null") throws -> SFTPClient {
        SFTPClient(
            configuration: .init(
                host: "127.0.0.1", port: try SilentListener.closedPort(), user: "bifrost", privateKeyFile: keyFile,
                keyPassphrase: "s3cret", connectTimeout: .seconds(2), totalTimeout: .seconds(5)))
    }

    func error(_ client: SFTPClient, _ path: String) async -> TransportError? {
        do {
            _ = try await client.upload(Array("%PDF-".utf8), to: path)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: ["relative/a.pdf", "/upload/", "/upload/a\n.pdf", ""])
    func `a remote path that is not an absolute path to a file is an invalid URL`(path: String) async throws {
        let error = await error(try client(), path)
        #expect(error?.code == .invalidURL)
    }

    @Test func `a key file that cannot be read is named, not taken for a refused login`() async throws {
        let error = await error(try client(keyFile: "/nonexistent/id_ed25519"), "/upload/a.pdf")
        #expect(error?.code == .other)
        #expect(error?.message == "cannot read the private key file /nonexistent/id_ed25519")
    }

    @Test func `no server on the port is a connection failure`() async throws {
        let error = await error(try client(), "/upload/a.pdf")
        #expect(error?.code == .connectionFailed)
        #expect(error?.message.contains("bifrost@127.0.0.1:") == true)
    }

    @Test func `the configuration's description leaves out the passphrase`() throws {
        let configuration = try client().configuration
        #expect("\(configuration)".hasPrefix("sftp://bifrost@127.0.0.1:"))
        #expect(!"\(configuration)".contains("s3cret"))
        #expect(!String(reflecting: configuration).contains("s3cret"))
    }
}
