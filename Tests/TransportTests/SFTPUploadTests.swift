import BifrostTesting
import Foundation
import Partners
import Testing
import Transport

/// SFTP uploads through libcurl to a real OpenSSH server on loopback (Partners' `OpenSSHServer`).
@Suite struct SFTPUploadTests {
    @Test func `an upload arrives under its final name with the same bytes, and replaces a file already there`() async throws {
        try await OpenSSHServer.withRunning { server in
            let client = SFTPClient(configuration: server.clientConfiguration())
            let first = SampleBytes.pdf(256 << 10)
            let upload = try await client.upload(first, to: server.remoteUploadDirectory + "/2984_20240903_INV1001.pdf")
            #expect(upload.byteCount == first.count)
            #expect(try server.files() == [OpenSSHServer.File(name: "2984_20240903_INV1001.pdf", bytes: first)])
            let second = SampleBytes.pdf(10)
            _ = try await client.upload(second, to: server.remoteUploadDirectory + "/2984_20240903_INV1001.pdf")
            #expect(try server.files() == [OpenSSHServer.File(name: "2984_20240903_INV1001.pdf", bytes: second)])
            print("sshd started in \(server.startupDuration); 256 KiB uploaded in \(upload.duration)")
        }
    }

    @Test func `a key the server does not accept is login-denied, names no secret and leaves no file`() async throws {
        try await OpenSSHServer.withRunning { server in
            let client = SFTPClient(
                configuration: server.clientConfiguration(privateKeyFile: server.unauthorizedKeyFile))
            let error = await #expect(throws: TransportError.self) {
                _ = try await client.upload(SampleBytes.pdf(10), to: server.remoteUploadDirectory + "/a.pdf")
            }
            let key = try String(contentsOfFile: server.unauthorizedKeyFile, encoding: .utf8)
            let secret = key.split(separator: "\n").dropFirst().first.map(String.init) ?? key
            #expect(error?.code == .loginDenied)
            #expect(error?.message.contains("refused the login") == true)
            #expect(error?.message.contains(secret) == false)
            #expect(try server.files() == [])
        }
    }

    @Test func `a host key other than the pinned one is refused before logging in`() async throws {
        try await OpenSSHServer.withRunning { server in
            let pinned = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            let client = SFTPClient(configuration: server.clientConfiguration(hostKeySHA256: pinned))
            let error = await #expect(throws: TransportError.self) {
                _ = try await client.upload(SampleBytes.pdf(10), to: server.remoteUploadDirectory + "/a.pdf")
            }
            #expect(error?.code == .hostKeyMismatch)
            #expect(error?.message.contains("not the pinned one") == true)
            // Read first: `try` inside #expect, in this closure, does not compile.
            let files = try server.files()
            #expect(files == [])
            #expect(!server.logText.contains("Accepted publickey"))
        }
    }

    @Test func `a rename that fails is a remote failure and removes the temporary file`() async throws {
        try await OpenSSHServer.withRunning { server in
            // A folder that is not empty holds the final name: neither rm nor rename can replace it.
            try FileManager.default.createDirectory(atPath: server.uploadFolder + "/a.pdf", withIntermediateDirectories: false)
            try Data("keep".utf8).write(to: URL(fileURLWithPath: server.uploadFolder + "/a.pdf/keep"))
            let client = SFTPClient(configuration: server.clientConfiguration())
            let error = await #expect(throws: TransportError.self) {
                _ = try await client.upload(SampleBytes.pdf(1000), to: server.remoteUploadDirectory + "/a.pdf")
            }
            #expect(error?.code == .remoteFailure)
            #expect(error?.message.contains("rename") == true)
            #expect(error?.message.contains("may remain") == false)
            #expect(try server.files() == [OpenSSHServer.File(name: "a.pdf/keep", bytes: Array("keep".utf8))])
        }
    }

    @Test func `a missing remote folder is a remote failure, unless asked to create it`() async throws {
        try await OpenSSHServer.withRunning { server in
            var configuration = server.clientConfiguration()
            let path = server.remoteUploadDirectory + "/2024/09/a.pdf"
            let error = await #expect(throws: TransportError.self) {
                _ = try await SFTPClient(configuration: configuration).upload(SampleBytes.pdf(10), to: path)
            }
            #expect(error?.code == .remoteFailure)
            #expect(try server.files() == [])
            configuration.createMissingDirectories = true
            _ = try await SFTPClient(configuration: configuration).upload(SampleBytes.pdf(10), to: path)
            #expect(try server.files().map(\.name) == ["2024/09/a.pdf"])
        }
    }

    @Test func `a stopped server refuses connections`() async throws {
        let server = try await OpenSSHServer.start()
        // The key goes with the server's folder; any readable file will do, as no connection is made.
        let configuration = server.clientConfiguration(privateKeyFile: "/dev/null")
        await server.stop()
        let error = await #expect(throws: TransportError.self) {
            _ = try await SFTPClient(configuration: configuration).upload(SampleBytes.pdf(10), to: "/upload/a.pdf")
        }
        #expect(error?.code == .connectionFailed)
    }
}
