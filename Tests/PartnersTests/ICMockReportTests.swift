import Foundation
import Partners
import Testing
import Wire

/// The mock IC's report operations and UploadInvoiceFile, in process.
@Suite struct ICMockReportTests {
    static let guid = ICMockTests.guid
    static let key = ICMockTests.key
    static let utc = TimeZone(identifier: "UTC")!
    static func date(_ text: String) -> Date { XMLDateTime.date(text, zoneIfNone: utc)! }

    static func state(batchSingles: Bool = false, faults: [Fault] = []) -> ICState {
        func payment(_ id: String, _ at: String, channel: String = "Portal") -> ReportedPayment {
            ReportedPayment(
                paymentID: id, accountNumber: "20240903", invoiceNumber: "I-\(id)", amount: Money(parsing: "10.00")!,
                method: .creditCard, paymentDate: date(at), channel: channel)
        }
        return ICState(
            billers: [.init(guid: guid, webServiceKey: key, profile: .imtMipsApps, batchSingleInvoiceImports: batchSingles)],
            payments: [
                payment("P1", "2024-09-03T01:00:00Z"), payment("P2", "2024-09-03T02:00:00Z", channel: "CloudStore"),
                payment("P3", "2024-09-03T03:00:00Z"),
            ], faults: faults)
    }

    func call(
        _ mock: ICMock, _ report: ICReport, key: String = key, version: SOAPVersion = .v11,
        window: (String, String) = ("2024-09-03T00:00:00Z", "2024-09-03T03:00:00Z")
    ) throws -> (
        MockResponse, Result<ICReportAnswer, SOAPFault>
    ) {
        let request = ICReportRequest(
            report: report, billerGUID: Self.guid, webServiceKey: key, startDate: window.0, endDate: window.1)
        let response = mock.handle(
            MockRequest(
                method: "POST", target: ICMock.cloudInvoicingPath,
                headers: [(name: "Content-Type", value: version.contentType)], body: request.envelope(version)))
        let document = try XMLDocument(parsing: response.body)
        return (
            response, Result { () throws(SOAPFault) in try ICReportAnswer(report: report, response: document, version: version) }
        )
    }

    @Test(arguments: [ICReport.paymentReportingSOAP, .paymentReportingDataSetFromGMT])
    func paymentReportingListsTheWindowWithoutCloudStore(report: ICReport) throws {
        let (response, answer) = try call(ICMock(state: Self.state()), report)
        #expect(response.status == 200)
        let payments = try answer.get().tables[0].records(as: ReportedPayment.self)
        #expect(payments.map(\.paymentID) == ["P1"])
    }

    @Test func aWrongKeyIsSuccessFalseForTypedReportsAndAFaultForDataSets() throws {
        let mock = ICMock(state: Self.state())
        let (typed, answer) = try call(mock, .paymentReportingSOAP, key: "wrong")
        #expect(typed.status == 200)
        #expect(try answer.get().success == false)
        #expect(try answer.get().tables[0].rows.isEmpty)
        let (dataSet, faulted) = try call(mock, .paymentReportingDataSetFromGMT, key: "wrong", version: .v12)
        #expect(dataSet.status == 500)
        #expect(throws: SOAPFault.self) { try faulted.get() }
    }

    @Test func aWindowEndingBeforeItStartsIsAnsweredEmptyWithAWarning() throws {
        let (response, answer) = try call(
            ICMock(state: Self.state()), .paymentReportingSOAP, window: ("2024-09-03T03:00:00Z", "2024-09-03T00:00:00Z"))
        #expect(response.status == 200)
        #expect(try answer.get().success)
        #expect(try answer.get().tables[0].rows.isEmpty)
        #expect(response.warnings.first?.hasPrefix("reversed-window:") == true)
    }

    @Test func aStatusFaultAnswersOnceWithItsStatus() throws {
        let fault = Fault(method: "POST", path: "/CloudInvoicing.asmx/PaymentReportingSOAP", effect: .status(503), times: 1)
        let mock = ICMock(state: Self.state(faults: [fault]))
        #expect(try call(mock, .paymentReportingSOAP).0.status == 503)
        #expect(try call(mock, .paymentReportingSOAP).0.status == 200)
        #expect(try call(mock, .achRejectReportingSOAP).0.status == 200)
    }

    func uploadFile(_ mock: ICMock, _ bytes: [UInt8]) throws -> MockResponse {
        let request = UploadInvoiceRequest(
            billerGUID: Self.guid, webServiceKey: Self.key, fileName: "f.bif", file: bytes, operation: .uploadInvoiceFile)
        return mock.handle(
            MockRequest(
                method: "POST", target: ICMock.cloudInvoicingPath,
                headers: [(name: "Content-Type", value: SOAPVersion.v11.contentType)], body: request.envelope(.v11)))
    }

    @Test(arguments: [false, true]) func uploadInvoiceFileIsHeldOnlyUnderSetting105(batchSingles: Bool) throws {
        let mock = ICMock(state: Self.state(batchSingles: batchSingles))
        let response = try uploadFile(mock, ICMockTests.upload(account: "20240903"))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self).contains("UploadInvoiceFileResult><Success>true"))
        #expect(mock.accepted.count == (batchSingles ? 1 : 0))
        #expect(mock.imported.count == (batchSingles ? 0 : 1))
    }

    @Test func resetReturnsToTheLoadedStateAndFaults() throws {
        let fault = Fault(method: "POST", path: "/CloudInvoicing.asmx/UploadInvoiceFile", effect: .status(500), times: 1)
        let mock = ICMock(state: Self.state(faults: [fault]))
        #expect(try uploadFile(mock, ICMockTests.upload(account: "20240903")).status == 500)
        #expect(try uploadFile(mock, ICMockTests.upload(account: "20240903")).status == 200)
        mock.reset()
        #expect(mock.imported.isEmpty)
        #expect(try uploadFile(mock, ICMockTests.upload(account: "20240903")).status == 500)
    }
}
