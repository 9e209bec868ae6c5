import BifrostTesting
import Foundation
import Partners
import Testing
import Transport
import Wire

/// `bifrost serve ic --certify`, the real binary: the report is written when SIGTERM stops it.
@Suite struct ServeCertifyTests {
    static let key = "0b9d5c3e-7a2f-4e1d-9c8b-6a5f4e3d2c1b"

    @Test
    func `SIGTERM writes the client's certification report with its verdicts, exit status 0`() async throws {
        let folder = try TemporaryFolder("serve-certify")
        defer { folder.remove() }
        var serve = try await ServeProcess([
            "serve", "ic", "--port", "0", "--quiet", "--state", SourceTree.path("Tools/ic-state.yaml"), "--certify",
            "--report", folder.file("report"), "--json", folder.file("report.json"), "--junit", folder.file("junit.xml"),
        ])
        let port = try #require(serve.port)

        let client = HTTPClient()
        let url = "http://127.0.0.1:\(port)\(ICMock.cloudInvoicingPath)"
        func post(_ envelope: [UInt8]) async throws -> Int {
            try await client.send(
                ClientRequest(
                    method: "POST", url: url, headers: [HTTPHeader("Content-Type", SOAPVersion.v11.contentType)], body: envelope)
            ).status
        }
        let report = ICReportRequest(
            report: .paymentReportingSOAP, billerGUID: SampleState.billerGUID, webServiceKey: Self.key,
            startDate: "2024-09-03T00:00:00Z", endDate: "2024-09-04T00:00:00Z")
        #expect(try await post(report.envelope(.v11)) == 200)
        let wrongKey = UploadInvoiceRequest(
            billerGUID: SampleState.billerGUID, webServiceKey: "wrong-key-0000", fileName: "a.bif",
            file: Array(SampleBIF.singleInvoice().utf8))
        #expect(try await post(wrongKey.envelope(.v11)) == 200)

        #expect(await serve.stop() == 0)
        let text = serve.text
        #expect(text.contains("FAILED: "))

        let json = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: folder.file("report.json")))))
        #expect(json["result"] == "failed")
        #expect(json["certifies"] == "ic-client")
        var verdicts: [String: String] = [:]
        for check in json["checks"]?.arrayValue ?? [] {
            verdicts[check["id"]?.stringValue ?? ""] = check["verdict"]?.stringValue
        }
        #expect(
            verdicts == [
                "IC-RPT-007": "PASS", "IC-WSDL-001": "PASS", "IC-UP-001": "FAIL", "IC-UP-002": "SKIP", "IC-POLL-001": "PASS",
                "SSO-COM-003": "SKIP", "SSO-AI-004": "SKIP", "SSO-AI-002": "SKIP", "SSO-AI-003": "SKIP",
                "SSO-SAML-001": "SKIP",
            ])
        for file in ["report/index.html", "report.json", "junit.xml"] {
            let artifact = try String(contentsOfFile: folder.file(file), encoding: .utf8)
            #expect(artifact.contains("IC-UP-001"), "\(file)")
            #expect(!artifact.contains(Self.key), "\(file)")
            #expect(!artifact.contains("wrong-key-0000"), "\(file)")
        }
        #expect(!text.contains(Self.key))
    }

    @Test
    func `--certify without a report, or a report without --certify, is a usage error`() async throws {
        for arguments in [
            ["serve", "imt", "--certify"], ["serve", "ic", "--report", "/tmp"], ["serve", "imt", "--json", "/tmp/x.json"],
        ] {
            #expect(try await ServeTests.exitStatus(of: arguments + ["--port", "0"]) == 2, "\(arguments)")
        }
    }
}
