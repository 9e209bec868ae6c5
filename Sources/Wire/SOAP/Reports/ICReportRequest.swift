public import Foundation

/// A request of one report operation: the biller's credentials and the window `[StartDate, EndDate)`.
public struct ICReportRequest: Sendable, Hashable {
    public var report: ICReport
    public var billerGUID: String
    public var webServiceKey: String
    /// `xs:dateTime` texts as sent.
    public var startDate: String
    public var endDate: String

    public init(report: ICReport, billerGUID: String, webServiceKey: String, startDate: String, endDate: String) {
        self.report = report
        self.billerGUID = billerGUID
        self.webServiceKey = webServiceKey
        self.startDate = startDate
        self.endDate = endDate
    }

    /// A request for the window `[start, end)`, written in UTC.
    public init(report: ICReport, billerGUID: String, webServiceKey: String, window: DateInterval) {
        self.init(
            report: report, billerGUID: billerGUID, webServiceKey: webServiceKey,
            startDate: XMLDateTime.text(window.start), endDate: XMLDateTime.text(window.end))
    }

    public func envelope(_ version: SOAPVersion) -> [UInt8] {
        CloudInvoicingMessage.request(
            report.rawValue,
            fields: [
                ("BillerGUID", billerGUID), ("WebServiceKey", webServiceKey), ("StartDate", startDate), ("EndDate", endDate),
            ], version: version)
    }

    /// Reads the request of an envelope whose operation is a report.
    /// - Throws: a `Sender` fault for another operation or a missing field.
    public init(envelope: SOAPEnvelope) throws(SOAPFault) {
        guard let report = ICReport(rawValue: envelope.operation) else {
            throw SOAPFault(.sender, "\(envelope.operation) is not a report operation")
        }
        func value(_ name: String) throws(SOAPFault) -> String {
            try CloudInvoicingMessage.field(name, of: report.rawValue, in: envelope)
        }
        self.init(
            report: report, billerGUID: try value("BillerGUID"), webServiceKey: try value("WebServiceKey"),
            startDate: try value("StartDate"), endDate: try value("EndDate"))
    }

    /// The window the dates name; dates without a zone are read in GMT for `…FromGMT`
    /// operations and in `billerZone` for the others. Nil for a window that ends before it starts:
    /// no source makes IC refuse one, so the mock answers it as a window holding nothing.
    /// - Throws: a `Sender` fault for a date that is not an `xs:dateTime`.
    public func window(billerZone: TimeZone) throws(SOAPFault) -> DateInterval? {
        let zone = report.datesInGMT ? TimeZone(identifier: "GMT")! : billerZone
        guard let start = XMLDateTime.date(startDate, zoneIfNone: zone) else {
            throw SOAPFault(.sender, "\(report.rawValue)/Req/StartDate '\(startDate)' is not an xs:dateTime")
        }
        guard let end = XMLDateTime.date(endDate, zoneIfNone: zone) else {
            throw SOAPFault(.sender, "\(report.rawValue)/Req/EndDate '\(endDate)' is not an xs:dateTime")
        }
        guard start <= end else { return nil }
        return DateInterval(start: start, end: end)
    }
}
