import BifrostTesting
import Certification
import Foundation
import Harness
import Partners
import Support
import Testing
import Transport
import Wire

/// `bifrost certify ic` against the mock IC: the mock's own contract passes, and one deviation
/// (an operation missing from the WSDL, an element renamed, an answer the reader refuses, HTML)
/// fails exactly its check.
@Suite struct CertifyICTests {
    static let key = "ic-cert-known-key-5e2a"

    /// Changes the mock's answer to one request.
    typealias Deviation = @Sendable (MockRequest, _ answer: () -> MockResponse) -> MockResponse

    /// Certifies the stand-in IC (`Tools/ic-state.yaml`) seen through `deviation`.
    static func run(
        key: String = key, expected: ExpectedFailures = .init(), deviation: @escaping Deviation = { _, answer in answer() }
    ) async throws -> CertificationReport {
        var state = try ICStandalone.state(file: SourceTree.path("Tools/ic-state.yaml"))
        state.billers[0].webServiceKey = Self.key
        let mock = ICMock(state: state)
        let handle = mock.handle
        return try await MockHarness.withMock(
            maximumBodySize: ICMock.maximumBodySize,
            { request in
                deviation(request) { handle(request) }
            }
        ) { endpoint in
            var options = ICCertification.Options(
                url: endpoint.url(ICMock.cloudInvoicingPath), billerGUID: state.billers[0].guid, webServiceKey: key,
                from: "2024-09-03T00:00:00Z", to: "2024-09-04T00:00:00Z")
            options.expectedFailures = expected
            options.toolVersion = "test"
            return await ICCertification(options).run()
        }
    }

    static func notPassed(_ report: CertificationReport) -> [String: CheckVerdict] {
        Dictionary(uniqueKeysWithValues: report.results.filter { $0.verdict != .pass }.map { ($0.check.id, $0.verdict) })
    }

    static func isWSDL(_ request: MockRequest) -> Bool { request.method == "GET" && request.query.contains { $0.name == "wsdl" } }

    static func calls(_ request: MockRequest, _ report: ICReport) -> Bool {
        request.headers.contains { $0.name.lowercased() == "soapaction" && $0.value.hasSuffix("/\(report.rawValue)\"") }
    }

    /// The answer's body with `change` applied to its text.
    static func rewritten(_ response: MockResponse, _ change: (String) -> String) -> MockResponse {
        var changed = response
        changed.body = Array(change(String(decoding: response.body, as: UTF8.self)).utf8)
        changed.headers.removeAll { $0.name.lowercased() == "content-length" }
        return changed
    }

    static func html(_ status: Int = 200) -> MockResponse {
        MockResponse(
            status: status, headers: [("Content-Type", "text/html")], body: Array("<html><body>Maintenance</body></html>".utf8))
    }

    @Test func `the mock's contract flattens each message to its leaves with their XSD types`() throws {
        let contract = try WSDLContract(parsing: Array(CloudInvoicingWSDL.document(location: "http://x/").utf8))
        #expect(contract.operations.count == 10)
        let payments = try #require(contract.shapes["PaymentReportingSOAP"])
        #expect(payments["PaymentReportingSOAP/Req/StartDate"] == "dateTime")
        #expect(payments["PaymentReportingSOAPResponse/PaymentReportingSOAPResult/Payments/Payment[]/PaymentAmount"] == "decimal")
        let dataSet = try #require(contract.shapes["PaymentReportingDataSetFromGMT"])
        #expect(dataSet["PaymentReportingDataSetFromGMTResponse/PaymentReportingDataSetFromGMTResult/any"] == "any")
        #expect(contract.soapActions["UploadInvoice"] == CloudInvoicingMessage.namespace + "UploadInvoice")
    }

    @Test func `against the mock IC every check passes, and no artifact holds the key`() async throws {
        let report = try await Self.run()
        #expect(Self.notPassed(report) == [:])
        #expect(report.results.count == 7)
        #expect(report.exitCode == 0)
        let payments = try #require(report.results.first { $0.check.id == "IC-RPT-001" })
        #expect(payments.message == "PaymentReportingSOAP: 5 Payments; PaymentReportingDataSetFromGMT: 5 Payments")
        let artifacts = [
            CertificationHTML.page(report), CertificationJSON.text(report), CertificationJUnit.xml(report),
            CertificationText.lines(report).joined(separator: "\n"),
        ]
        for artifact in artifacts { #expect(!artifact.contains(Self.key)) }
        #expect(payments.evidence.first?.requestBody?.contains("<redacted>") == true)
    }

    @Test func `an operation missing from the WSDL fails only IC-WSDL-001, naming it`() async throws {
        let report = try await Self.run { request, answer in
            guard Self.isWSDL(request) else { return answer() }
            return Self.rewritten(answer()) { text in
                text.replacing(
                    #/<wsdl:operation name="ACHRejectReportingSOAP">\s*<wsdl:input message="tns:ACHRejectReportingSOAPSoapIn"/><wsdl:output message="tns:ACHRejectReportingSOAPSoapOut"/>\s*</wsdl:operation>/#,
                    with: "")
            }
        }
        #expect(Self.notPassed(report) == ["IC-WSDL-001": .fail])
        let result = try #require(report.results.first { $0.check.id == "IC-WSDL-001" })
        #expect(result.message.contains("ACHRejectReportingSOAP: not an operation of the endpoint's port type"))
        #expect(report.exitCode == 1)
    }

    @Test
    func `a renamed element warns on IC-RPT-007 only (the shapes are the mock's reading), listing it by operation and element`()
        async throws
    {
        let report = try await Self.run { request, answer in
            guard Self.isWSDL(request) else { return answer() }
            return Self.rewritten(answer()) { $0.replacingOccurrences(of: "name=\"ConvenienceFee\"", with: "name=\"ConvFee\"") }
        }
        #expect(Self.notPassed(report) == ["IC-RPT-007": .warn])
        #expect(report.exitCode == 0)
        let result = try #require(report.results.first { $0.check.id == "IC-RPT-007" })
        let differences = try #require(result.evidence.last?.findings)
        #expect(
            differences.contains(
                "PaymentReportingSOAPResponse/PaymentReportingSOAPResult/Payments/Payment[]/ConvenienceFee (decimal): missing at the endpoint"
            ))
        #expect(
            differences.contains(
                "PaymentReportingSOAPResponse/PaymentReportingSOAPResult/Payments/Payment[]/ConvFee (decimal): only at the endpoint"
            ))
    }

    @Test func `an element only the endpoint has warns on IC-RPT-007`() async throws {
        let report = try await Self.run { request, answer in
            guard Self.isWSDL(request) else { return answer() }
            return Self.rewritten(answer()) {
                $0.replacingOccurrences(
                    of: "<s:element name=\"EndDate\" type=\"s:dateTime\"/>",
                    with: "<s:element name=\"EndDate\" type=\"s:dateTime\"/><s:element name=\"PageSize\" type=\"s:int\"/>")
            }
        }
        #expect(Self.notPassed(report) == ["IC-RPT-007": .warn])
        #expect(report.exitCode == 0)
    }

    @Test func `an answer the mock's reader refuses fails only its report's check`() async throws {
        let report = try await Self.run { request, answer in
            guard Self.calls(request, .paymentReportingSOAP) else { return answer() }
            return Self.rewritten(answer()) { $0.replacingOccurrences(of: "PaymentReportingSOAPResult>", with: "PaymentResult>") }
        }
        #expect(Self.notPassed(report) == ["IC-RPT-001": .fail])
        let result = try #require(report.results.first { $0.check.id == "IC-RPT-001" })
        #expect(
            result.message.contains(
                "PaymentReportingSOAP: HTTP 200, the mock's reader refuses the answer: the answer has no PaymentReportingSOAPResult"
            ))
        #expect(result.evidence.count == 2)
    }

    @Test func `an HTML answer fails its report's check, an HTML WSDL fails IC-WSDL-001 and skips IC-RPT-007`() async throws {
        let answer = try await Self.run { request, answer in
            Self.calls(request, .billerAutoPayCustomerReportSOAP) ? Self.html() : answer()
        }
        #expect(Self.notPassed(answer) == ["IC-RPT-005": .fail])
        #expect(
            answer.results.first { $0.check.id == "IC-RPT-005" }?.message.contains(
                "BillerAutoPayCustomerReportSOAP: HTTP 200 as text/html, not text/xml") == true)
        let wsdl = try await Self.run { request, answer in Self.isWSDL(request) ? Self.html() : answer() }
        #expect(Self.notPassed(wsdl) == ["IC-WSDL-001": .fail, "IC-RPT-007": .skip])
        #expect(wsdl.results.first { $0.check.id == "IC-RPT-007" }?.message == "no WSDL to read: see IC-WSDL-001")
    }

    @Test func `a wrong key fails the report checks with the endpoint's refusal, never showing the key`() async throws {
        let wrong = "ic-wrong-key-0000"
        let report = try await Self.run(key: wrong)
        #expect(Set(Self.notPassed(report).keys) == ["IC-RPT-001", "IC-RPT-003", "IC-RPT-004", "IC-RPT-005", "IC-RPT-006"])
        #expect(!CertificationJSON.text(report).contains(wrong))
    }

    @Test func `an endpoint that does not answer fails every check with the reason, and the run finishes`() async throws {
        var options = ICCertification.Options(
            url: "http://127.0.0.1:1/portal/webservices/CloudInvoicing.asmx", billerGUID: SampleState.billerGUID,
            webServiceKey: Self.key, from: "2024-09-03T00:00:00Z", to: "2024-09-04T00:00:00Z")
        options.transport.connectTimeout = .seconds(2)
        let report = await ICCertification(options).run()
        #expect(report.results.filter { $0.verdict == .fail }.count == 6)
        #expect(report.results.first?.message.hasPrefix("the WSDL: the WSDL: no response") == true)
    }

    @Test
    func `bifrost certify ic refuses a window that ends before it starts and an unset key variable, exit 2`() async throws {
        let base = [
            "certify", "ic", "--url", "http://127.0.0.1:1/portal/webservices/CloudInvoicing.asmx", "--biller-guid",
            SampleState.billerGUID, "--key-env", "BIFROST_TEST_UNSET_KEY_VARIABLE",
        ]
        let backwards = try await CertifyBIFTests.bifrost(
            base + ["--from", "2024-09-04T00:00:00Z", "--to", "2024-09-03T00:00:00Z"])
        #expect(backwards.status == 2)
        let unset = try await CertifyBIFTests.bifrost(base + ["--from", "2024-09-03T00:00:00Z", "--to", "2024-09-04T00:00:00Z"])
        #expect(unset.status == 2)
        let notADate = try await CertifyBIFTests.bifrost(base + ["--from", "yesterday", "--to", "2024-09-04T00:00:00Z"])
        #expect(notADate.status == 2)
    }
}
