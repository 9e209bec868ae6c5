import Foundation
import Partners
import Testing

/// The OpenSSH stand-in for IC's SFTP endpoint: its folder, files and log, start errors.
/// Uploads to it through libcurl are in TransportTests' SFTPUploadTests.
@Suite struct OpenSSHServerTests {
    @Test func `a started server lists the files in its upload folder, and stop removes its folder`() async throws {
        let server = try await OpenSSHServer.start()
        #expect(server.logText.contains("Server listening on 127.0.0.1 port \(server.port)"))
        #expect(try server.files() == [])
        try FileManager.default.createDirectory(atPath: server.uploadFolder + "/2024", withIntermediateDirectories: false)
        try Data("%PDF-".utf8).write(to: URL(fileURLWithPath: server.uploadFolder + "/2024/a.pdf"))
        #expect(try server.files() == [OpenSSHServer.File(name: "2024/a.pdf", bytes: Array("%PDF-".utf8))])
        #expect(FileManager.default.fileExists(atPath: server.clientKeyFile))
        await server.stop()
        #expect(!FileManager.default.fileExists(atPath: server.uploadFolder))
        #expect(!FileManager.default.fileExists(atPath: server.clientKeyFile))
        await server.stop()
    }

    @Test func `a missing sshd is a start error that points at ci/setup`() async throws {
        await #expect {
            _ = try await OpenSSHServer.start(sshd: "/nonexistent/sshd")
        } throws: { error in
            "\(error)".contains("/nonexistent/sshd is missing") && "\(error)".contains("ci/setup")
        }
    }
}
