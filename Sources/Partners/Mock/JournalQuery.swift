import Foundation
public import Wire

/// Which journaled exchanges a verification asks about (WireMock's request verification): all of
/// method, path, headers and body members must match; what is not given matches anything.
///
/// - `method`: compared ignoring case.
/// - `path`: the request's path, or its last segments: `/payments/` matches
///   `/webpayments/3401/api/payments/`; a trailing `/` is optional on both sides; a `*` segment
///   matches any one segment (`/sessions/*`).
/// - `headers`: a header's value as sent, its name compared ignoring case; `*` asks only that it is
///   present. A secret header (`Cookie`, `Authorization` ...) can only be asked for with `*`.
/// - `body`: the scalar at a dotted path of the body, e.g. `data.attributes.amount` (an array
///   element by its index, `data.0.id`): in a JSON body, a form's fields (`PaymentDate`) or an XML
///   body's elements by local name (`Envelope.Body.UploadInvoice.Req.FileName`). The body is read
///   as the journal shows it: a secret member reads `<redacted>`, so a query cannot probe a secret's
///   value. Numbers compare as decimals (`12.0` is `12.00`).
public struct JournalQuery: Sendable, Hashable {
    public struct Header: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public struct BodyMember: Sendable, Hashable {
        /// The path's segments: member names, array indexes, element local names.
        public var path: [String]
        public var value: String
        public init(_ path: [String], _ value: String) {
            self.path = path
            self.value = value
        }
    }

    /// The partner whose exchanges count (`imt`, `imt2`, `ic`); nil: any.
    public var partner: String?
    public var method: String?
    public var path: String?
    public var headers: [Header]
    public var body: [BodyMember]

    public init(
        partner: String? = nil, method: String? = nil, path: String? = nil, headers: [Header] = [], body: [BodyMember] = []
    ) {
        self.partner = partner
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }

    /// Why the query cannot be asked, or nil: a secret header asked for by value, an empty body path segment.
    public var problem: String? {
        if let secret = headers.first(where: { Redactor.isSecret(name: $0.name) && $0.value != "*" }) {
            return "\(secret.name) is a secret header: only whether it is present can be asked (\(secret.name): \"*\")"
        }
        if let member = body.first(where: { $0.path.isEmpty || $0.path.contains("") }) {
            return "the body path '\(member.path.joined(separator: "."))' has an empty segment"
        }
        return nil
    }

    /// Whether the exchange of `partner` with `request` matches.
    public func matches(partner: String, request: MockRequest) -> Bool {
        if let wanted = self.partner, wanted != partner { return false }
        if let method, !MockRequest.sameName(method, request.method) { return false }
        if let path, !Self.pathMatches(path, request.path) { return false }
        for header in headers {
            let values = request.headers.filter { MockRequest.sameName($0.name, header.name) }.map(\.value)
            if values.isEmpty || (header.value != "*" && !values.contains(header.value)) { return false }
        }
        guard !body.isEmpty else { return true }
        let document = JournalBody(request)
        return body.allSatisfy { member in
            document.scalar(at: member.path).map { Self.sameScalar($0, member.value) } ?? false
        }
    }

    /// Whether `pattern`'s segments are the last segments of `path` (`*` any one).
    static func pathMatches(_ pattern: String, _ path: String) -> Bool {
        let wanted = pattern.split(separator: "/", omittingEmptySubsequences: true)
        let given = path.split(separator: "/", omittingEmptySubsequences: true)
        // `/` is the root's path, which only the root has.
        if wanted.isEmpty { return given.isEmpty }
        guard wanted.count <= given.count else { return false }
        return zip(wanted, given.suffix(wanted.count)).allSatisfy { $0 == "*" || $0 == $1 }
    }

    /// Whether a body's scalar reads as `text`: numbers as decimals, the rest as written.
    static func sameScalar(_ scalar: String, _ text: String) -> Bool {
        if scalar == text { return true }
        guard let a = Decimal(string: scalar, locale: Locale(identifier: "en_US_POSIX")),
            let b = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
            Self.isNumber(scalar), Self.isNumber(text)
        else { return false }
        return a == b
    }

    /// Digits with at most a sign, a point and an exponent: what `Decimal(string:)` reads whole.
    static func isNumber(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (48...57).contains($0) || "+-.eE".utf8.contains($0) }
            && text.utf8.contains { (48...57).contains($0) }
    }
}

/// A request's body as a verification reads it: JSON (secrets redacted), a form's fields, or XML.
struct JournalBody {
    enum Form {
        case json(JSONValue)
        case xml(XMLDocument)
        case none
    }

    let form: Form

    init(_ request: MockRequest) {
        let body = request.body
        let type = request.header("Content-Type")?.lowercased() ?? ""
        if body.isEmpty {
            form = .none
        } else if type.contains("xml") {
            form = (try? XMLDocument(parsing: body)).map(Form.xml) ?? .none
        } else if let json = try? JSONParser.parse(body) {
            form = .json(Redactor.redact(json))
        } else if type.hasPrefix("application/x-www-form-urlencoded") {
            let fields = MockRequest.decodeQuery(String(decoding: body, as: UTF8.self))
            form = .json(
                .object(fields.map { .init($0.name, .string(Redactor.isSecret(name: $0.name) ? Redactor.mark : $0.value)) }))
        } else {
            form = .none
        }
    }

    /// The scalar at `path` as text (`true`, `null`, a number as written), or nil when there is none.
    func scalar(at path: [String]) -> String? {
        switch form {
        case .none: return nil
        case .json(let root):
            var value = root
            for segment in path {
                switch value {
                case .object:
                    guard let member = value[segment] else { return nil }
                    value = member
                case .array(let elements):
                    guard let index = Int(segment), elements.indices.contains(index) else { return nil }
                    value = elements[index]
                default: return nil
                }
            }
            switch value {
            case .string(let text): return text
            case .number(let text): return text
            case .bool(let flag): return flag ? "true" : "false"
            case .null: return "null"
            default: return nil
            }
        case .xml(let document):
            // Element names are plain XML names; anything else in a segment matches nothing.
            guard path.allSatisfy(Self.isXMLName) else { return nil }
            if path.contains(where: { Redactor.isSecret(name: $0) }) { return Redactor.mark }
            let xpath = path.map { "/*[local-name()='\($0)']" }.joined()
            return (try? document.text(xpath)) ?? nil
        }
    }

    static func isXMLName(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-".unicodeScalars.contains($0)
        }
    }
}
