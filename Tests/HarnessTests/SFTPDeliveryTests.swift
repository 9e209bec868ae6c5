import Flows
import Foundation
import Harness
import Partners
import Testing
import Transport
import Wire

/// SFTP uploads through libcurl to a real OpenSSH server on loopback, and PDF extraction over SFTP.
@Suite struct SFTPDeliveryTests {
    /// A PDF-like body of `count` bytes.
    static func body(_ count: Int) -> [UInt8] {
        var random = SplitMix64(seed: UInt64(count))
        return Array("%PDF-1.4\n".utf8) + (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    }

    /// The `TransportError` `operation` throws, after checking its code.
    func expectTransportError(_ code: TransportError.Code, _ operation: () async throws -> Void) async -> TransportError? {
        do {
            try await operation()
            Issue.record("expected a \(code) error, got none")
        } catch let error as TransportError {
            #expect(error.code == code, "\(error)")
            return error
        } catch {
            Issue.record("expected a TransportError, got \(error)")
        }
        return nil
    }

    @Test func `an upload arrives under its final name with the same bytes, and replaces a file already there`() async throws {
        try await OpenSSHServer.withRunning { server in
            let client = SFTPClient(configuration: server.clientConfiguration())
            let first = Self.body(256 << 10)
            let upload = try await client.upload(first, to: server.remoteUploadDirectory + "/2984_20240903_INV1001.pdf")
            #expect(upload.byteCount == first.count)
            #expect(try server.files() == [OpenSSHServer.File(name: "2984_20240903_INV1001.pdf", bytes: first)])
            let second = Self.body(10)
            _ = try await client.upload(second, to: server.remoteUploadDirectory + "/2984_20240903_INV1001.pdf")
            #expect(try server.files() == [OpenSSHServer.File(name: "2984_20240903_INV1001.pdf", bytes: second)])
            print("sshd started in \(server.startupDuration); 256 KiB uploaded in \(upload.duration)")
        }
    }

    @Test func `a key the server does not accept is login-denied, names no secret and leaves no file`() async throws {
        try await OpenSSHServer.withRunning { server in
            let client = SFTPClient(
                configuration: server.clientConfiguration(privateKeyFile: server.unauthorizedKeyFile))
            let error = await expectTransportError(.loginDenied) {
                _ = try await client.upload(Self.body(10), to: server.remoteUploadDirectory + "/a.pdf")
            }
            let key = try String(contentsOfFile: server.unauthorizedKeyFile, encoding: .utf8)
            let secret = key.split(separator: "\n").dropFirst().first.map(String.init) ?? key
            #expect(error?.message.contains("refused the login") == true)
            #expect(error?.message.contains(secret) == false)
            #expect(try server.files() == [])
        }
    }

    @Test func `a host key other than the pinned one is refused before logging in`() async throws {
        try await OpenSSHServer.withRunning { server in
            let pinned = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            let client = SFTPClient(configuration: server.clientConfiguration(hostKeySHA256: pinned))
            let error = await expectTransportError(.hostKeyMismatch) {
                _ = try await client.upload(Self.body(10), to: server.remoteUploadDirectory + "/a.pdf")
            }
            #expect(error?.message.contains("not the pinned one") == true)
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
            let error = await expectTransportError(.remoteFailure) {
                _ = try await client.upload(Self.body(1000), to: server.remoteUploadDirectory + "/a.pdf")
            }
            #expect(error?.message.contains("rename") == true)
            #expect(error?.message.contains("may remain") == false)
            #expect(try server.files() == [OpenSSHServer.File(name: "a.pdf/keep", bytes: Array("keep".utf8))])
        }
    }

    @Test func `a missing remote folder is a remote failure, unless asked to create it`() async throws {
        try await OpenSSHServer.withRunning { server in
            var configuration = server.clientConfiguration()
            let path = server.remoteUploadDirectory + "/2024/09/a.pdf"
            _ = await expectTransportError(.remoteFailure) {
                _ = try await SFTPClient(configuration: configuration).upload(Self.body(10), to: path)
            }
            #expect(try server.files() == [])
            configuration.createMissingDirectories = true
            _ = try await SFTPClient(configuration: configuration).upload(Self.body(10), to: path)
            #expect(try server.files().map(\.name) == ["2024/09/a.pdf"])
        }
    }

    @Test func `PDF extraction over SFTP delivers each invoice of a Spectrum BIF by name`() async throws {
        var bif = try BIFFile.read(BIFGenerator(profile: .imtSpectrum, seed: 7).bytes(invoices: 3))
        // The third invoice loses its InvoiceFormatGuid: refused, the others delivered.
        let guid = BIFLayout.standard.row(.invoiceHeader).index(of: "InvoiceFormatGuid")!
        bif.records[7].fields[guid] = ""
        try await OpenSSHServer.withRunning { server in
            let destination = PDFDestination.sftp(
                SFTPClient(configuration: server.clientConfiguration()), directory: server.remoteUploadDirectory)
            let deliveries = await PDFExtraction(billerID: "2984").deliver(bif, to: destination)
            #expect(
                deliveries.map(\.fileName) == [
                    "2984_20000000_20000000-2024-09-08.pdf", "2984_20000001_20000001-2024-09-25.pdf",
                    "2984_20000002_20000002-2024-09-20.pdf",
                ])
            #expect(deliveries.map(\.isDelivered) == [true, true, false])
            let files = try server.files()
            #expect(files.map(\.name) == deliveries.prefix(2).map(\.fileName))
            #expect(files.map { SHA256.hex($0.bytes) } == deliveries.prefix(2).map(\.sha256))
        }
    }

    @Test func `a refused login fails every invoice with one message after a single attempt`() async throws {
        let bif = try BIFFile.read(BIFGenerator(profile: .imtSpectrum, seed: 7).bytes(invoices: 3))
        try await OpenSSHServer.withRunning { server in
            let client = SFTPClient(configuration: server.clientConfiguration(privateKeyFile: server.unauthorizedKeyFile))
            let deliveries = await PDFExtraction(billerID: "2984").deliver(
                bif, to: .sftp(client, directory: server.remoteUploadDirectory))
            let outcomes = Set(deliveries.map(\.outcome))
            #expect(outcomes.count == 1)
            guard case .failed(let message) = outcomes.first else {
                Issue.record("expected one failure, got \(outcomes)")
                return
            }
            #expect(message.contains("login-denied") && message.contains("refused the login"))
            // sshd logs each connection as it accepts it, before the login fails: one attempt, one line.
            #expect(await server.waitForLog("Connection from"))
            #expect(server.logText.components(separatedBy: "Connection from").count - 1 == 1)
            let files = try server.files()
            #expect(files == [])
        }
    }

    @Test func `a stopped server refuses connections and its folder is gone`() async throws {
        let server = try await OpenSSHServer.start()
        // The key goes with the server's folder; any readable file will do, as no connection is made.
        let configuration = server.clientConfiguration(privateKeyFile: "/dev/null")
        #expect(FileManager.default.fileExists(atPath: server.uploadFolder))
        await server.stop()
        #expect(!FileManager.default.fileExists(atPath: server.uploadFolder))
        _ = await expectTransportError(.connectionFailed) {
            _ = try await SFTPClient(configuration: configuration).upload(Self.body(10), to: "/upload/a.pdf")
        }
    }

    @Test func `a missing sshd is a start error that points at ci/setup`() async throws {
        await #expect {
            _ = try await OpenSSHServer.start(sshd: "/nonexistent/sshd")
        } throws: { error in
            "\(error)".contains("/nonexistent/sshd is missing") && "\(error)".contains("ci/setup")
        }
    }
}
