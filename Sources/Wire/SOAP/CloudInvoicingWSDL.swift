/// The WSDL of the CloudInvoicing operations the mock IC serves, with the XSD of every message,
/// in the shape ASMX services publish (document/literal, SOAP 1.1 and 1.2 bindings).
public enum CloudInvoicingWSDL {
    /// The document, its service address set to `location`.
    public static func document(location: String) -> String {
        let ns = UploadInvoiceRequest.namespace
        let address = XMLText.escaped(location)
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" \
            xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" xmlns:s="http://www.w3.org/2001/XMLSchema" \
            xmlns:tns="\(ns)" targetNamespace="\(ns)">
              <wsdl:types>
            \(schema)
              </wsdl:types>
              <wsdl:message name="UploadInvoiceSoapIn"><wsdl:part name="parameters" element="tns:UploadInvoice"/></wsdl:message>
              <wsdl:message name="UploadInvoiceSoapOut"><wsdl:part name="parameters" element="tns:UploadInvoiceResponse"/></wsdl:message>
              <wsdl:portType name="CloudInvoicingSoap">
                <wsdl:operation name="UploadInvoice">
                  <wsdl:input message="tns:UploadInvoiceSoapIn"/><wsdl:output message="tns:UploadInvoiceSoapOut"/>
                </wsdl:operation>
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

    /// The XSD of the messages, as the WSDL embeds it; also what requests are validated against.
    public static let schema = """
            <s:schema xmlns:s="http://www.w3.org/2001/XMLSchema" xmlns:tns="\(UploadInvoiceRequest.namespace)" \
        elementFormDefault="qualified" targetNamespace="\(UploadInvoiceRequest.namespace)">
              <s:element name="UploadInvoice">
                <s:complexType><s:sequence><s:element name="Req" type="tns:UploadInvoiceReq"/></s:sequence></s:complexType>
              </s:element>
              <s:complexType name="UploadInvoiceReq">
                <s:sequence>
                  <s:element name="BillerGUID" type="s:string"/>
                  <s:element name="WebServiceKey" type="s:string"/>
                  <s:element name="FileName" type="s:string"/>
                  <s:element name="FileContent" type="s:base64Binary"/>
                </s:sequence>
              </s:complexType>
              <s:element name="UploadInvoiceResponse">
                <s:complexType><s:sequence><s:element name="UploadInvoiceResult" type="tns:UploadInvoiceResult"/></s:sequence></s:complexType>
              </s:element>
              <s:complexType name="UploadInvoiceResult">
                <s:sequence>
                  <s:element name="Success" type="s:boolean"/>
                  <s:element name="ErrorMessage" type="s:string"/>
                  <s:element name="InvoicesAccepted" type="s:int"/>
                  <s:element name="Findings" type="tns:ArrayOfFinding"/>
                </s:sequence>
              </s:complexType>
              <s:complexType name="ArrayOfFinding">
                <s:sequence><s:element name="Finding" type="tns:Finding" minOccurs="0" maxOccurs="unbounded"/></s:sequence>
              </s:complexType>
              <s:complexType name="Finding">
                <s:sequence>
                  <s:element name="RuleID" type="s:string"/>
                  <s:element name="Line" type="s:int"/>
                  <s:element name="Field" type="s:string" minOccurs="0"/>
                  <s:element name="Message" type="s:string"/>
                </s:sequence>
              </s:complexType>
            </s:schema>
        """

    static func binding(_ name: String, prefix: String) -> String {
        """
              <wsdl:binding name="\(name)" type="tns:CloudInvoicingSoap">
                <\(prefix):binding transport="http://schemas.xmlsoap.org/soap/http"/>
                <wsdl:operation name="UploadInvoice">
                  <\(prefix):operation soapAction="\(UploadInvoiceRequest.namespace)UploadInvoice" style="document"/>
                  <wsdl:input><\(prefix):body use="literal"/></wsdl:input>
                  <wsdl:output><\(prefix):body use="literal"/></wsdl:output>
                </wsdl:operation>
              </wsdl:binding>
        """
    }
}
