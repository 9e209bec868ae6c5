/// The WSDL of the CloudInvoicing operations the mock IC serves, with the XSD of every message,
/// in the shape ASMX services publish (document/literal, SOAP 1.1 and 1.2 bindings).
public enum CloudInvoicingWSDL {
    /// Every operation, in the order the WSDL lists them.
    public static let operations =
        UploadInvoiceRequest.Operation.allCases.map(\.rawValue) + ICReport.allCases.map(\.rawValue)

    /// The document, its service address set to `location`.
    public static func document(location: String) -> String {
        let ns = CloudInvoicingMessage.namespace
        let address = XMLText.escaped(location)
        let messages = operations.map { name in
            """
              <wsdl:message name="\(name)SoapIn"><wsdl:part name="parameters" element="tns:\(name)"/></wsdl:message>
              <wsdl:message name="\(name)SoapOut"><wsdl:part name="parameters" element="tns:\(name)Response"/></wsdl:message>
            """
        }.joined(separator: "\n")
        let portOperations = operations.map { name in
            """
                <wsdl:operation name="\(name)">
                  <wsdl:input message="tns:\(name)SoapIn"/><wsdl:output message="tns:\(name)SoapOut"/>
                </wsdl:operation>
            """
        }.joined(separator: "\n")
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" \
            xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" xmlns:s="http://www.w3.org/2001/XMLSchema" \
            xmlns:tns="\(ns)" targetNamespace="\(ns)">
              <wsdl:types>
            \(schema)
              </wsdl:types>
            \(messages)
              <wsdl:portType name="CloudInvoicingSoap">
            \(portOperations)
              </wsdl:portType>
            \(binding("CloudInvoicingSoap", prefix: "soap"))
            \(binding("CloudInvoicingSoap12", prefix: "soap12"))
              <wsdl:service name="CloudInvoicing">
                <wsdl:port name="CloudInvoicingSoap" binding="tns:CloudInvoicingSoap"><soap:address location="\(address)"/></wsdl:port>
                <wsdl:port name="CloudInvoicingSoap12" binding="tns:CloudInvoicingSoap12"><soap12:address location="\(address)"/></wsdl:port>
              </wsdl:service>
            </wsdl:definitions>

            """
    }

    /// A DataSet result as ASMX declares it: the inline schema, then anything (the diffgram).
    static let dataSetContent = #"<s:element ref="s:schema"/><s:any/>"#

    /// The XSD of the messages, as the WSDL embeds it.
    public static let schema: String = {
        let ns = CloudInvoicingMessage.namespace
        var parts: [String] = []
        for operation in UploadInvoiceRequest.Operation.allCases {
            let name = operation.rawValue
            parts.append(
                """
                <s:element name="\(name)"><s:complexType><s:sequence><s:element name="Req" type="tns:UploadInvoiceReq"/>\
                </s:sequence></s:complexType></s:element>
                <s:element name="\(name)Response"><s:complexType><s:sequence>\
                <s:element name="\(name)Result" type="tns:UploadInvoiceResult"/></s:sequence></s:complexType></s:element>
                """)
        }
        parts.append(
            """
            <s:complexType name="UploadInvoiceReq"><s:sequence><s:element name="BillerGUID" type="s:string"/>\
            <s:element name="WebServiceKey" type="s:string"/><s:element name="FileName" type="s:string"/>\
            <s:element name="FileContent" type="s:base64Binary"/></s:sequence></s:complexType>
            <s:complexType name="UploadInvoiceResult"><s:sequence><s:element name="Success" type="s:boolean"/>\
            <s:element name="ErrorMessage" type="s:string"/><s:element name="InvoicesAccepted" type="s:int"/>\
            <s:element name="Findings" type="tns:ArrayOfFinding"/></s:sequence></s:complexType>
            <s:complexType name="ArrayOfFinding"><s:sequence>\
            <s:element name="Finding" type="tns:Finding" minOccurs="0" maxOccurs="unbounded"/></s:sequence></s:complexType>
            <s:complexType name="Finding"><s:sequence><s:element name="RuleID" type="s:string"/>\
            <s:element name="Line" type="s:int"/><s:element name="Field" type="s:string" minOccurs="0"/>\
            <s:element name="Message" type="s:string"/></s:sequence></s:complexType>
            <s:complexType name="ReportReq"><s:sequence><s:element name="BillerGUID" type="s:string"/>\
            <s:element name="WebServiceKey" type="s:string"/><s:element name="StartDate" type="s:dateTime"/>\
            <s:element name="EndDate" type="s:dateTime"/></s:sequence></s:complexType>
            """)
        for report in ICReport.allCases {
            let name = report.rawValue
            let result =
                report.isDataSet
                ? "<s:element name=\"\(name)Result\"><s:complexType><s:sequence>\(dataSetContent)</s:sequence></s:complexType></s:element>"
                : "<s:element name=\"\(name)Result\" type=\"tns:\(name)Result\"/>"
            parts.append(
                """
                <s:element name="\(name)"><s:complexType><s:sequence><s:element name="Req" type="tns:ReportReq"/>\
                </s:sequence></s:complexType></s:element>
                <s:element name="\(name)Response"><s:complexType><s:sequence>\(result)</s:sequence></s:complexType></s:element>
                """)
            if !report.isDataSet {
                let lists = report.kind.recordTypes.map {
                    "<s:element name=\"\($0.listName)\" type=\"tns:ArrayOf\($0.recordName)\"/>"
                }.joined()
                parts.append(
                    """
                    <s:complexType name="\(name)Result"><s:sequence><s:element name="Success" type="s:boolean"/>\
                    <s:element name="ErrorMessage" type="s:string"/>\(lists)</s:sequence></s:complexType>
                    """)
            }
        }
        let recordTypes: [any ICReportRecord.Type] = [
            ReportedPayment.self, SettledBatch.self, SettledPayment.self, ACHReject.self, EnrollmentChange.self,
        ]
        for type in recordTypes {
            let columns = type.columns.map { "<s:element name=\"\($0.name)\" type=\"s:\($0.type.rawValue)\"/>" }.joined()
            parts.append(
                """
                <s:complexType name="ArrayOf\(type.recordName)"><s:sequence>\
                <s:element name="\(type.recordName)" type="tns:\(type.recordName)" minOccurs="0" maxOccurs="unbounded"/>\
                </s:sequence></s:complexType>
                <s:complexType name="\(type.recordName)"><s:sequence>\(columns)</s:sequence></s:complexType>
                """)
        }
        return """
            <s:schema xmlns:s="http://www.w3.org/2001/XMLSchema" xmlns:tns="\(ns)" elementFormDefault="qualified" \
            targetNamespace="\(ns)">
            \(parts.joined(separator: "\n"))
            </s:schema>
            """
    }()

    /// The schema as requests are validated against it: the DataSet results' reference
    /// to the XSD of XSD, which no validator has at hand, is replaced by any content.
    public static let validationSchema = schema.replacing(
        dataSetContent, with: #"<s:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/>"#)

    static func binding(_ name: String, prefix: String) -> String {
        let operations = operations.map { operation in
            """
                <wsdl:operation name="\(operation)">
                  <\(prefix):operation soapAction="\(CloudInvoicingMessage.namespace)\(operation)" style="document"/>
                  <wsdl:input><\(prefix):body use="literal"/></wsdl:input>
                  <wsdl:output><\(prefix):body use="literal"/></wsdl:output>
                </wsdl:operation>
            """
        }.joined(separator: "\n")
        return """
              <wsdl:binding name="\(name)" type="tns:CloudInvoicingSoap">
                <\(prefix):binding transport="http://schemas.xmlsoap.org/soap/http"/>
            \(operations)
              </wsdl:binding>
            """
    }
}
