import Foundation

/// What an IC page shows, read from its HTML by element id: the portal page after SSOConnect
/// (`#page`, `#view-mode`, `#account`, the sign-out tooltip), a payment page, a receipt or an error.
public struct SSOPortalPage: Sendable, Hashable, Encodable {
    /// The page's heading (`#page`, `#result` or `#error`).
    public var name: String?
    public var viewMode: String?
    public var account: String?
    /// The sign-out button's tooltip.
    public var signOut: String?
    /// An error page's message.
    public var message: String?
    /// What the first sign-in through SSO Connect did (matched by email address, password set); nil otherwise.
    public var signIn: String?
    /// The page's stylesheet: the CSSUrl SSOConnect or Remote Authentication gave.
    public var stylesheet: String?
    /// The signed-in login's enrollment a settings page shows (Paperless, AutoPay, Pay by Text).
    public var enrollment: String?
    /// What each setting or option the page names did to it, `Option: effect` (elements with `data-option`).
    public var options: [String]?

    enum CodingKeys: String, CodingKey {
        case name, viewMode = "view_mode", account, signOut = "sign_out", message, signIn = "sign_in", stylesheet, enrollment,
            options
    }

    public init(html: String) {
        name = Self.text(ofID: "page", in: html) ?? Self.text(ofID: "result", in: html) ?? Self.text(ofID: "error", in: html)
        viewMode = Self.text(ofID: "view-mode", in: html)
        account = Self.text(ofID: "account", in: html)
        signOut = Self.attribute("title", ofID: "sign-out", in: html)
        message = Self.text(ofID: "message", in: html)
        signIn = Self.text(ofID: "sign-in", in: html)
        enrollment = Self.text(ofID: "enrollment", in: html)
        stylesheet = Self.stylesheet(in: html)
        let options = Self.options(in: html)
        self.options = options.isEmpty ? nil : options
    }

    /// The `href` of the page's `<link rel="stylesheet">`, if it has one.
    static func stylesheet(in html: String) -> String? {
        guard let link = html.range(of: "<link rel=\"stylesheet\" href=\"") else { return nil }
        return decoded(String(html[link.upperBound...].prefix { $0 != "\"" }))
    }

    /// `Option: text` for each element with a `data-option` attribute, in page order.
    static func options(in html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "data-option=\"") {
            let name = rest[start.upperBound...].prefix { $0 != "\"" }
            guard let open = rest[start.upperBound...].firstIndex(of: ">") else { break }
            let text = rest[rest.index(after: open)...].prefix { $0 != "<" }
            found.append("\(decoded(String(name))): \(decoded(String(text)))")
            rest = rest[rest.index(after: open)...]
        }
        return found
    }

    /// The text of the element with `id`, up to its first tag, entities decoded.
    static func text(ofID id: String, in html: String) -> String? {
        guard let start = html.range(of: "id=\"\(id)\"") else { return nil }
        guard let open = html[start.upperBound...].firstIndex(of: ">") else { return nil }
        let rest = html[html.index(after: open)...]
        return decoded(String(rest.prefix { $0 != "<" }))
    }

    /// The value of attribute `name` of the element with `id`.
    static func attribute(_ name: String, ofID id: String, in html: String) -> String? {
        guard let start = html.range(of: "id=\"\(id)\"") else { return nil }
        let tagEnd = html[start.upperBound...].firstIndex(of: ">") ?? html.endIndex
        let tag = html[start.upperBound..<tagEnd]
        guard let value = tag.range(of: "\(name)=\"") else { return nil }
        return decoded(String(tag[value.upperBound...].prefix { $0 != "\"" }))
    }

    static func decoded(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
