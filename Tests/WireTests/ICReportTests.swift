import Foundation
import Testing
import Wire

/// Report messages: dates, typed and DataSet answers written and read back, windows, the published XSD.
@Suite struct ICReportTests {
    static let utc = TimeZone(identifier: "UTC")!
    static func date(_ text: String) -> Date { XMLDateTime.date(text, zoneIfNone: utc)! }

    static let payments = [
        ReportedPayment(
            paymentID: "P1", accountNumber: "20240903", invoiceNumber: "INV<1>", amount: Money(parsing: "102.95")!,
            convenienceFee: Money(parsing: "2.95")!, method: .creditCard, paymentDate: date("2024-09-03T01:30:00Z")),
        ReportedPayment(
            paymentID: "P2", accountNumber: "20240917", invoiceNumber: "INV2", amount: Money(parsing: "250.00")!,
            method: .ach, paymentDate: date("2024-09-03T03:10:00Z"), channel: "IVR"),
    ]

    @Test func datesReadWithTheirZoneOrTheOneGiven() throws {
        let eastern = TimeZone(identifier: "America/New_York")!
        #expect(XMLDateTime.text(Self.date("2024-09-02T20:00:00-04:00")) == "2024-09-03T00:00:00Z")
        #expect(XMLDateTime.text(XMLDateTime.date("2024-09-02T20:00:00", zoneIfNone: eastern)!) == "2024-09-03T00:00:00Z")
        #expect(XMLDateTime.text(XMLDateTime.date("2024-01-15T20:00:00", zoneIfNone: eastern)!) == "2024-01-16T01:00:00Z")
        #expect(Self.date("2024-09-03T00:00:00.5Z").timeIntervalSince(Self.date("2024-09-03T00:00:00Z")) == 0.5)
        for bad in ["2024-02-30T00:00:00Z", "2024-13-01T00:00:00Z", "2024-09-03 00:00:00", "09/03/2024", "2024-09-03T24:00:00Z"] {
            #expect(XMLDateTime.date(bad, zoneIfNone: Self.utc) == nil, "\(bad)")
        }
    }

    @Test(arguments: SOAPVersion.allCases) func typedAnswerRoundTripsAndMatchesTheXSD(version: SOAPVersion) throws {
        let answer = ICReportAnswer(report: .paymentReportingSOAP, tables: [ICReportTable(Self.payments)])
        let document = try XMLDocument(parsing: answer.envelope(version))
        let read = try ICReportAnswer(report: .paymentReportingSOAP, response: document, version: version)
        #expect(read == answer)
        #expect(try read.tables[0].records(as: ReportedPayment.self) == Self.payments)
        let schema = try XMLSchema(parsing: Array(CloudInvoicingWSDL.validationSchema.utf8))
        let violations = try schema.violations(
            of: document, element: "/s:Envelope/s:Body/*", namespaces: ["s": version.namespace])
        #expect(violations.isEmpty, "\(violations)")
    }

    @Test func dataSetAnswerHasInlineSchemaAndDiffgramRows() throws {
        let batch = SettledBatch(
            batchID: "B1", settlementDate: Self.date("2024-09-03T06:00:00Z"), paymentCount: 1,
            totalAmount: Money(parsing: "102.95")!)
        let answer = ICReportAnswer(
            report: .billerSettledBatchDetailDataSet, tables: [ICReportTable([batch]), ICReportTable([SettledPayment]())])
        let document = try XMLDocument(parsing: answer.envelope(.v12))
        let ns = [
            "s": SOAPVersion.v12.namespace, "ic": CloudInvoicingMessage.namespace, "xs": "http://www.w3.org/2001/XMLSchema",
            "diffgr": ADODataSet.diffgramNamespace, "msdata": ADODataSet.msdataNamespace,
        ]
        let result = "/s:Envelope/s:Body/ic:BillerSettledBatchDetailDataSetResponse/ic:BillerSettledBatchDetailDataSetResult"
        #expect(try document.select("\(result)/xs:schema/xs:element[@name='NewDataSet']", namespaces: ns).count == 1)
        let row = try #require(try document.select("\(result)/diffgr:diffgram/NewDataSet/SettledBatch", namespaces: ns).first)
        #expect(row.attribute("id") == "SettledBatch1")
        #expect(row.attribute("rowOrder") == "0")
        let read = try ICReportAnswer(report: .billerSettledBatchDetailDataSet, response: document, version: .v12)
        #expect(try read.tables[0].records(as: SettledBatch.self) == [batch])
        #expect(read.tables[1].rows.isEmpty)
    }

    @Test func anEmptyDataSetHasAnEmptyDiffgram() {
        let text = ADODataSet.xml([ICReportTable([EnrollmentChange]())])
        #expect(
            text.hasSuffix(
                "</xs:schema><diffgr:diffgram xmlns:msdata=\"\(ADODataSet.msdataNamespace)\" xmlns:diffgr=\"\(ADODataSet.diffgramNamespace)\"></diffgr:diffgram>"
            ))
    }

    @Test func aRecordMissingAColumnIsAProblemNamingIt() {
        var table = ICReportTable(Self.payments)
        table.rows[0][6] = nil
        let error = #expect(throws: ICReportFields.Problem.self) { try table.records(as: ReportedPayment.self) }
        #expect(error?.message == "Payment has no PaymentDate")
    }

    @Test func windowsWithoutAZoneFollowTheOperation() throws {
        let eastern = TimeZone(identifier: "America/New_York")!
        func window(_ report: ICReport) throws -> DateInterval {
            try #require(
                try ICReportRequest(
                    report: report, billerGUID: "g", webServiceKey: "k", startDate: "2024-09-03T00:00:00",
                    endDate: "2024-09-04T00:00:00"
                ).window(billerZone: eastern))
        }
        #expect(XMLDateTime.text(try window(.paymentReportingDataSetFromGMT).start) == "2024-09-03T00:00:00Z")
        #expect(XMLDateTime.text(try window(.paymentReportingSOAP).start) == "2024-09-03T04:00:00Z")
        let backwards = ICReportRequest(
            report: .paymentReportingSOAP, billerGUID: "g", webServiceKey: "k", startDate: "2024-09-04T00:00:00Z",
            endDate: "2024-09-03T00:00:00Z")
        #expect(try backwards.window(billerZone: eastern) == nil)
    }

    @Test func theWSDLNamesEveryOperationInBothBindings() throws {
        let wsdl = try XMLDocument(parsing: Array(CloudInvoicingWSDL.document(location: "http://h/x.asmx").utf8))
        let ns = ["w": "http://schemas.xmlsoap.org/wsdl/"]
        for operation in CloudInvoicingWSDL.operations {
            #expect(try wsdl.select("//w:binding/w:operation[@name='\(operation)']", namespaces: ns).count == 2, "\(operation)")
        }
        #expect(CloudInvoicingWSDL.operations.count == 10)
    }
}
