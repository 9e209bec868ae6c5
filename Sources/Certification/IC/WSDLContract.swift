import Wire

/// What a WSDL promises, reduced to what can be compared: its operations, their SOAP 1.1 actions, and
/// each operation's request and response elements flattened to one line per leaf.
///
/// A leaf is `PaymentReportingSOAPResponse/PaymentReportingSOAPResult/Payments/Payment[]/PaymentGUID`
/// with its XSD type's local name (`string`); `[]` marks a repeated element, `any` and `ref schema`
/// the open content of a DataSet result. Prefixes are not compared, names, nesting and types are.
public struct WSDLContract: Sendable, Hashable {
    public var targetNamespace: String
    /// The port type's operations, in document order.
    public var operations: [String]
    /// The `soapAction` of each operation in a SOAP 1.1 binding.
    public var soapActions: [String: String]
    /// The leaves of each operation's request and response, path to type.
    public var shapes: [String: [String: String]]

    /// The deepest nesting followed; deeper elements are shown as one leaf of their type.
    static let maximumDepth = 12

    static let namespaces = [
        "wsdl": "http://schemas.xmlsoap.org/wsdl/", "s": "http://www.w3.org/2001/XMLSchema",
        "soap": "http://schemas.xmlsoap.org/wsdl/soap/",
    ]
    static let schemaPath = "/wsdl:definitions/wsdl:types/s:schema"

    init(targetNamespace: String, operations: [String], soapActions: [String: String], shapes: [String: [String: String]]) {
        (self.targetNamespace, self.operations, self.soapActions, self.shapes) = (
            targetNamespace, operations, soapActions, shapes
        )
    }

    /// Reads a WSDL document.
    /// - Throws: `CheckProblem` when it is not XML or not a WSDL.
    public init(parsing bytes: [UInt8]) throws(CheckProblem) {
        let document: XMLDocument
        do {
            document = try XMLDocument(parsing: bytes)
        } catch {
            throw CheckProblem("not XML (\(error))")
        }
        do {
            guard let root = try document.select("/*").first, root.name == "definitions",
                root.namespace == Self.namespaces["wsdl"]
            else { throw CheckProblem("not a WSDL: the root element is not wsdl:definitions") }
            targetNamespace = root.attribute("targetNamespace") ?? ""
            operations = try document.select("/wsdl:definitions/wsdl:portType/wsdl:operation/@name", namespaces: Self.namespaces)
                .map(\.text)
            soapActions = [:]
            for binding in try document.select(
                "/wsdl:definitions/wsdl:binding[soap:binding]/wsdl:operation", namespaces: Self.namespaces)
            {
                guard let name = binding.attribute("name") else { continue }
                let action = try document.text(
                    "/wsdl:definitions/wsdl:binding[soap:binding]/wsdl:operation[@name='\(name)']/soap:operation/@soapAction",
                    namespaces: Self.namespaces)
                soapActions[name] = soapActions[name] ?? action ?? ""
            }
            shapes = [:]
            for operation in Set(operations) {
                var leaves: [String: String] = [:]
                for element in [operation, operation + "Response"] {
                    try Self.flatten(
                        "\(Self.schemaPath)/s:element[@name='\(element)']", path: element, in: document, depth: 0, seen: [],
                        into: &leaves)
                }
                shapes[operation] = leaves
            }
        } catch let problem as CheckProblem {
            throw problem
        } catch {
            throw CheckProblem("the WSDL cannot be read (\(error))")
        }
    }

    /// Adds the leaves below the element `xpath` selects, named from `path`.
    static func flatten(
        _ xpath: String, path: String, in document: XMLDocument, depth: Int, seen: Set<String>,
        into leaves: inout [String: String]
    ) throws {
        guard let element = try document.select(xpath, namespaces: namespaces).first else {
            leaves[path] = "(not declared)"
            return
        }
        let children: String
        var seen = seen
        if let type = element.attribute("type") {
            let local = localName(type)
            let named = "\(schemaPath)/s:complexType[@name='\(local)']"
            guard depth < maximumDepth, !seen.contains(local),
                try !document.select(named, namespaces: namespaces).isEmpty
            else {
                leaves[path] = local
                return
            }
            seen.insert(local)
            children = "\(named)/s:sequence/*"
        } else {
            children = "\(xpath)/s:complexType/s:sequence/*"
        }
        let members = try document.select(children, namespaces: namespaces)
        if members.isEmpty { leaves[path] = "(empty)" }
        for (index, member) in members.enumerated() {
            let repeated = member.attribute("maxOccurs").map { $0 != "1" && $0 != "0" } ?? false
            let name =
                switch member.name {
                case "element": member.attribute("name") ?? member.attribute("ref").map { "ref " + localName($0) } ?? "element"
                default: member.name
                }
            let childPath = path + "/" + name + (repeated ? "[]" : "")
            if member.name == "element", member.attribute("name") != nil {
                try flatten(
                    "(\(children))[\(index + 1)]", path: childPath, in: document, depth: depth + 1, seen: seen, into: &leaves)
            } else {
                leaves[childPath] = member.name
            }
        }
    }

    /// `tns:ReportReq` → `ReportReq`, `s:string` → `string`.
    static func localName(_ qualified: String) -> String {
        qualified.split(separator: ":").last.map(String.init) ?? qualified
    }
}
