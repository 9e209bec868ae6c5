import Testing
import Wire

/// Safe XML parsing, XPath, canonical form and schema validation over libxml2.
@Suite struct XMLTests {
    static let soap = "http://schemas.xmlsoap.org/soap/envelope/"

    func parse(_ text: String, limits: XMLDocument.Limits = .init()) throws(XMLError) -> XMLDocument {
        try XMLDocument(parsing: Array(text.utf8), limits: limits)
    }

    @Test func `XPath selects by namespace URI, whatever the prefix, with text and attributes`() throws {
        let document = try parse(
            """
            <e:Envelope xmlns:e="\(Self.soap)"><e:Body><r xmlns="urn:ic" kind="full">
            <BillerGUID>g-1</BillerGUID></r></e:Body></e:Envelope>
            """)
        let nodes = try document.select("/s:Envelope/s:Body/ic:r", namespaces: ["s": Self.soap, "ic": "urn:ic"])
        #expect(nodes.map(\.name) == ["r"])
        #expect(nodes.first?.namespace == "urn:ic")
        #expect(nodes.first?.attribute("kind") == "full")
        #expect(try document.text("//ic:BillerGUID", namespaces: ["ic": "urn:ic"]) == "g-1")
        #expect(try document.text("count(//ic:BillerGUID)", namespaces: ["ic": "urn:ic"]) == "1")
        #expect(throws: XMLError.self) { try document.select("//x:y") }
    }

    @Test func `malformed XML is an error at its line and column`() {
        #expect {
            try parse("<a>\n  <b></a>")
        } throws: { error in
            let xml = error as? XMLError
            return xml?.code == .malformed && xml?.line == 2 && (xml?.column ?? 0) > 0
        }
    }

    @Test func `a DOCTYPE is refused before parsing: no external entity is read, no entity expanded`() {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <r>&x;</r>
            """
        #expect(
            throws: XMLError(
                code: .doctype, message: "a document type declaration (<!DOCTYPE) is not allowed", line: 2, column: 1)
        ) {
            try parse(xxe)
        }
        var laughs = "<!doctype lolz [<!ENTITY lol \"lol\">"
        for i in 1...9 {
            laughs += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1 == 0 ? "" : String(i - 1));", count: 10) + "\">"
        }
        laughs += "]><lolz>&lol9;</lolz>"
        #expect { try parse(laughs) } throws: { ($0 as? XMLError)?.code == .doctype }
    }

    @Test func `size and depth are limited`() {
        #expect { try parse("<a>" + String(repeating: "x", count: 100) + "</a>", limits: .init(maximumBytes: 50)) } throws: {
            ($0 as? XMLError)?.code == .tooLarge
        }
        let deep = String(repeating: "<a>", count: 10) + String(repeating: "</a>", count: 10)
        #expect { try parse(deep, limits: .init(maximumDepth: 5)) } throws: { ($0 as? XMLError)?.code == .tooDeep }
        #expect((try? parse(deep, limits: .init(maximumDepth: 10))) != nil)
    }

    @Test func `the canonical form ignores attribute order, quoting and empty-element syntax, not values`() throws {
        let a = try parse(#"<r xmlns="urn:x" b='2' a="1"><e/></r>"#).canonical()
        let b = try parse(#"<r a="1" b="2" xmlns="urn:x"><e></e></r>"#).canonical()
        let c = try parse(#"<r a="1" b="3" xmlns="urn:x"><e></e></r>"#).canonical()
        #expect(a == b)
        #expect(a != c)
        #expect(String(decoding: a, as: UTF8.self) == #"<r xmlns="urn:x" a="1" b="2"><e></e></r>"#)
    }

    @Test func `a schema accepts a valid document and names the line of each violation`() throws {
        let schema = try XMLSchema(
            parsing: Array(
                """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:ic" xmlns="urn:ic"
                  elementFormDefault="qualified">
                  <xs:element name="Payment"><xs:complexType><xs:sequence>
                    <xs:element name="Amount" type="xs:decimal"/>
                  </xs:sequence></xs:complexType></xs:element>
                </xs:schema>
                """.utf8))
        #expect(schema.violations(of: try parse(#"<Payment xmlns="urn:ic"><Amount>12.50</Amount></Payment>"#)).isEmpty)
        let bad = schema.violations(of: try parse("<Payment xmlns=\"urn:ic\">\n<Amount>twelve</Amount></Payment>"))
        #expect(bad.map(\.line) == [2])
        #expect(bad.first?.message.contains("twelve") == true)
        #expect(throws: XMLError.self) { try XMLSchema(parsing: Array("<notASchema/>".utf8)) }
    }
}
