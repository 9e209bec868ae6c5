/// What a report operation answers: `Success`, `ErrorMessage` and the record tables.
///
/// A typed (`…SOAP`) answer:
/// ```xml
/// <PaymentReportingSOAPResponse xmlns="…/CloudInvoicing/"><PaymentReportingSOAPResult>
///   <Success>true</Success><ErrorMessage/>
///   <Payments><Payment><PaymentGUID>…</PaymentGUID>…</Payment></Payments>
/// </PaymentReportingSOAPResult></PaymentReportingSOAPResponse>
/// ```
/// A DataSet answer holds the tables as `ADODataSet` writes them, and no `Success`.
public struct ICReportAnswer: Sendable, Hashable {
    public var report: ICReport
    public var success: Bool
    public var errorMessage: String
    /// One table per record type of the report's kind, in `Kind.recordTypes` order.
    public var tables: [ICReportTable]

    public init(report: ICReport, success: Bool = true, errorMessage: String = "", tables: [ICReportTable]) {
        self.report = report
        self.success = success
        self.errorMessage = errorMessage
        self.tables = tables
    }

    /// The response envelope.
    public func envelope(_ version: SOAPVersion) -> [UInt8] {
        let name = report.rawValue
        let content: String
        if report.isDataSet {
            content = ADODataSet.xml(tables)
        } else {
            content =
                "<Success>\(success)</Success><ErrorMessage>\(XMLText.escaped(errorMessage))</ErrorMessage>"
                + tables.map { table in
                    "<\(table.listName)>"
                        + table.rows.map { row in
                            "<\(table.name)>"
                                + zip(table.columns, row).map { column, value in
                                    value.map { "<\(column.name)>\(XMLText.escaped($0))</\(column.name)>" } ?? ""
                                }.joined() + "</\(table.name)>"
                        }.joined() + "</\(table.listName)>"
                }.joined()
        }
        return SOAPEnvelope.wrap(
            "<\(name)Response xmlns=\"\(CloudInvoicingMessage.namespace)\"><\(name)Result>\(content)</\(name)Result></\(name)Response>",
            version: version)
    }

    /// Reads the answer to `report` from a response document of `version`.
    /// - Throws: a `SOAPFault` the response carries, or a `Receiver` fault describing what is malformed.
    public init(report: ICReport, response document: XMLDocument, version: SOAPVersion) throws(SOAPFault) {
        let ns = ["s": version.namespace, "ic": CloudInvoicingMessage.namespace, "diffgr": ADODataSet.diffgramNamespace]
        do {
            if try !document.select("/s:Envelope/s:Body/s:Fault", namespaces: ns).isEmpty {
                let reason = try document.text("//faultstring | //s:Reason/s:Text", namespaces: ns)
                throw SOAPFault(.receiver, "SOAP Fault: \(reason ?? "no reason")")
            }
            let result = "/s:Envelope/s:Body/ic:\(report.rawValue)Response/ic:\(report.rawValue)Result"
            guard try !document.select(result, namespaces: ns).isEmpty else {
                throw SOAPFault(.receiver, "the answer has no \(report.rawValue)Result")
            }
            var tables: [ICReportTable] = []
            for type in report.kind.recordTypes {
                var table = ICReportTable(of: type)
                let rows =
                    report.isDataSet
                    ? "\(result)/diffgr:diffgram/NewDataSet/\(table.name)" : "\(result)/ic:\(table.listName)/ic:\(table.name)"
                table.rows = try ICReportTable.rows(
                    in: document, at: rows, namespaces: ns, columns: table.columns, record: table.name)
                tables.append(table)
            }
            self.report = report
            self.tables = tables
            if report.isDataSet {
                success = true
                errorMessage = ""
            } else {
                success = try document.text("\(result)/ic:Success", namespaces: ns) == "true"
                errorMessage = try document.text("\(result)/ic:ErrorMessage", namespaces: ns) ?? ""
            }
        } catch let error as SOAPFault {
            throw error
        } catch {
            throw SOAPFault(.receiver, "the answer cannot be read: \(error)")
        }
    }
}
