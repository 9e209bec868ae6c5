import CXMLSec
import Synchronization

/// A SAML 2.0 Response whose assertion's XML signature holds for a partner's certificate: what the
/// assertion says, read only from the element the signature covers.
///
/// The Response (or its one Assertion) must carry an enveloped XML-DSig signature (W3C XML Signature,
/// SAML 2.0 core 5.4) whose one reference names the signed element's `ID`; it is checked with xmlsec1
/// against the public key of `certificate` alone, never a key the document carries. A document with a
/// DTD, more than one assertion, an unsigned assertion or a signature elsewhere is refused, so a
/// signature cannot vouch for an element other than the one read (signature wrapping).
///
/// ```swift
/// let response = try SignedSAMLResponse(xml: bytes, certificatePEM: partner.certificate)
/// response.attributes["Email"]   // ["pat@example.com"]
/// ```
public struct SignedSAMLResponse: Sendable, Hashable {
    /// The assertion's `ID`: a bearer assertion is used once (SAML profiles 4.1.4.5).
    public var assertionID: String
    /// The Response's `Destination`, when given.
    public var destination: String?
    /// The assertion's `Issuer` (the partner's Entity ID).
    public var issuer: String?
    /// The Response's status code, e.g. `urn:oasis:names:tc:SAML:2.0:status:Success`.
    public var status: String?
    /// The subject's `NameID`.
    public var nameID: String?
    /// The `Audience` values of the assertion's conditions.
    public var audiences: [String]
    /// `Conditions` `NotBefore` and `NotOnOrAfter`, as written (xs:dateTime).
    public var notBefore: String?
    public var notOnOrAfter: String?
    /// The attribute statement's values, by attribute `Name`.
    public var attributes: [String: [String]]

    /// Why a Response was refused before its content was judged.
    public struct Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        public var description: String
    }

    static let protocolNamespace = "urn:oasis:names:tc:SAML:2.0:protocol"
    static let assertionNamespace = "urn:oasis:names:tc:SAML:2.0:assertion"
    static let signatureNamespace = "http://www.w3.org/2000/09/xmldsig#"

    /// The largest Response read, in bytes.
    public static let maximumSize = 256 * 1024

    /// Reads `xml`, a SAML Response, and checks its signature against `certificatePEM`.
    /// - Throws: `Refusal` naming what is wrong: not XML, not a Response, no signed assertion, a
    ///   signature that does not hold for the certificate (another key, or a changed document).
    public init(xml: [UInt8], certificatePEM: String) throws(Refusal) {
        guard xml.count <= Self.maximumSize else { throw Refusal(description: "the Response is over \(Self.maximumSize) bytes") }
        guard XMLSecurity.ready else { throw Refusal(description: "xmlsec1 could not be initialized") }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = xml.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReadMemory($0, Int32(buffer.count), "SAMLResponse.xml", nil, options)
                }
            }
        }
        guard let document else { throw Refusal(description: "the SAMLResponse is not well-formed XML") }
        defer { xmlFreeDoc(document) }
        guard document.pointee.intSubset == nil else {
            throw Refusal(description: "the SAMLResponse has a DTD, which a SAML message must not have")
        }
        guard let root = xmlDocGetRootElement(document), Self.isElement(root, "Response", Self.protocolNamespace) else {
            throw Refusal(description: "the SAMLResponse is not a samlp:Response (SAML 2.0 core 3.2.2)")
        }
        let assertions = Self.children(of: root, "Assertion", Self.assertionNamespace)
        guard assertions.count == 1, let assertion = assertions.first else {
            throw Refusal(
                description: "the Response has \(assertions.count) saml:Assertion elements; one signed assertion is required")
        }
        bifrost_xmlsec_add_ids(document)
        // The signature is the assertion's own, or the Response's (which covers the assertion).
        let signed: UnsafeMutablePointer<xmlNode>
        let signature: UnsafeMutablePointer<xmlNode>
        if let own = Self.children(of: assertion, "Signature", Self.signatureNamespace).first {
            (signed, signature) = (assertion, own)
        } else if let outer = Self.children(of: root, "Signature", Self.signatureNamespace).first {
            (signed, signature) = (root, outer)
        } else {
            throw Refusal(description: "the assertion is not signed: neither it nor the Response has a ds:Signature")
        }
        guard let id = Self.attribute(signed, "ID"), !id.isEmpty else {
            throw Refusal(description: "the signed element has no ID for the signature's reference")
        }
        let pem = Array(certificatePEM.utf8)
        var uri: UnsafeMutablePointer<xmlChar>?
        let outcome = XMLSecurity.lock.withLock { _ in
            pem.withUnsafeBufferPointer { buffer in
                bifrost_xmlsec_verify(signature, buffer.baseAddress, UInt32(buffer.count), &uri)
            }
        }
        let reference = uri.map { String(cString: $0) }
        if let uri { bifrost_xmlsec_free(uri) }
        switch Int(outcome) {
        case BIFROST_XMLSEC_VALID: break
        case BIFROST_XMLSEC_BAD_CERTIFICATE:
            throw Refusal(description: "the partner's certificate in the SAML configuration is not a PEM X.509 certificate")
        case BIFROST_XMLSEC_INVALID:
            throw Refusal(
                description:
                    "the XML signature does not hold for the partner's certificate: signed with another key, or changed after signing"
            )
        default:
            throw Refusal(
                description:
                    "the XML signature cannot be checked (an unknown algorithm or transform, a reference outside the document, or a malformed signature)"
            )
        }
        guard reference == "#" + id else {
            throw Refusal(
                description:
                    "the signature's reference \(reference.map { "\"\($0)\"" } ?? "(not one)") is not the signed element's ID \"#\(id)\""
            )
        }
        guard Self.count(of: id, in: root) == 1 else {
            throw Refusal(description: "the ID \"\(id)\" appears more than once in the Response")
        }
        assertionID = Self.attribute(assertion, "ID") ?? ""
        destination = Self.attribute(root, "Destination")
        status = Self.children(of: root, "Status", Self.protocolNamespace).first
            .flatMap { Self.children(of: $0, "StatusCode", Self.protocolNamespace).first }
            .flatMap { Self.attribute($0, "Value") }
        issuer = Self.children(of: assertion, "Issuer", Self.assertionNamespace).first.map(Self.text)
        nameID = Self.children(of: assertion, "Subject", Self.assertionNamespace).first
            .flatMap { Self.children(of: $0, "NameID", Self.assertionNamespace).first }.map(Self.text)
        let conditions = Self.children(of: assertion, "Conditions", Self.assertionNamespace).first
        notBefore = conditions.flatMap { Self.attribute($0, "NotBefore") }
        notOnOrAfter = conditions.flatMap { Self.attribute($0, "NotOnOrAfter") }
        audiences =
            conditions.map { conditions in
                Self.children(of: conditions, "AudienceRestriction", Self.assertionNamespace).flatMap {
                    Self.children(of: $0, "Audience", Self.assertionNamespace).map(Self.text)
                }
            } ?? []
        var attributes: [String: [String]] = [:]
        for statement in Self.children(of: assertion, "AttributeStatement", Self.assertionNamespace) {
            for attribute in Self.children(of: statement, "Attribute", Self.assertionNamespace) {
                guard let name = Self.attribute(attribute, "Name") else { continue }
                attributes[name, default: []] += Self.children(of: attribute, "AttributeValue", Self.assertionNamespace).map(
                    Self.text)
            }
        }
        self.attributes = attributes
    }

    static func isElement(_ node: UnsafeMutablePointer<xmlNode>, _ name: String, _ namespace: String) -> Bool {
        guard node.pointee.type == XML_ELEMENT_NODE, let local = node.pointee.name, String(cString: local) == name,
            let ns = node.pointee.ns?.pointee.href
        else { return false }
        return String(cString: ns) == namespace
    }

    /// The element children of `node` named `name` in `namespace`, in order.
    static func children(
        of node: UnsafeMutablePointer<xmlNode>, _ name: String, _ namespace: String
    ) -> [UnsafeMutablePointer<xmlNode>] {
        var found: [UnsafeMutablePointer<xmlNode>] = []
        var child = node.pointee.children
        while let current = child {
            if isElement(current, name, namespace) { found.append(current) }
            child = current.pointee.next
        }
        return found
    }

    static func attribute(_ node: UnsafeMutablePointer<xmlNode>, _ name: String) -> String? {
        let length = name.utf8.count + 1
        let value = name.withCString { name in
            name.withMemoryRebound(to: xmlChar.self, capacity: length) { xmlGetProp(node, $0) }
        }
        guard let value else { return nil }
        defer { bifrost_xmlsec_free(value) }
        return String(cString: value)
    }

    /// The element's text, surrounding white space removed.
    static func text(_ node: UnsafeMutablePointer<xmlNode>) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { bifrost_xmlsec_free(content) }
        let text = String(cString: content)
        return String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    /// How many elements under `node` (itself included) have the `ID` `id`.
    static func count(of id: String, in node: UnsafeMutablePointer<xmlNode>) -> Int {
        var total = node.pointee.type == XML_ELEMENT_NODE && attribute(node, "ID") == id ? 1 : 0
        var child = node.pointee.children
        while let current = child {
            total += count(of: id, in: current)
            child = current.pointee.next
        }
        return total
    }
}

/// xmlsec1 and its OpenSSL engine, initialized once for the process.
enum XMLSecurity {
    static let ready: Bool = bifrost_xmlsec_init() == 0
    /// One verification at a time: concurrent checks corrupted each other's signature contexts (xmlsec's
    /// transforms are not safe to run in parallel); a check takes a millisecond.
    static let lock = Mutex(())
}
