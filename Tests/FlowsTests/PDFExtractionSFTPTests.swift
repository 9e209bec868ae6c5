import Flows
import Foundation
import Partners
import Testing
import Transport
import Wire

/// PDF extraction delivered over SFTP to a real OpenSSH server on loopback.
@Suite struct PDFExtractionSFTPTests {
    @Test func `PDF extraction over SFTP delivers each invoice of a Spectrum BIF by name`() async throws {
        var bif = try BIFFile.read(BIFGenerator(profile: .imtSpectrum, seed: 7).bytes(invoices: 3))
        // The third invoice loses its InvoiceFormatGuid: refused, the others delivered.
        let guid = try #require(BIFLayout.standard.row(.invoiceHeader).index(of: "InvoiceFormatGuid"))
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
            // sshd logs each refused key: one attempt, one line. ("Connection from" also counts a stray
            // probe of the port by a test running beside this one.)
            #expect(await server.waitForLog("Failed publickey for"))
            #expect(server.logText.components(separatedBy: "Failed publickey for").count - 1 == 1)
            let files = try server.files()
            #expect(files == [])
        }
    }
}
