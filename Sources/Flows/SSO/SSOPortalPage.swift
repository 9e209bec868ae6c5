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

    enum CodingKeys: String, CodingKey {
        case name, viewMode = "view_mode", account, signOut = "sign_out", message
    }

    public init(html: String) {
        name = Self.text(ofID: "page", in: html) ?? Self.text(ofID: "result", in: html) ?? Self.text(ofID: "error", in: html)
        viewMode = Self.text(ofID: "view-mode", in: html)
        account = Self.text(ofID: "account", in: html)
        signOut = Self.attribute("title", ofID: "sign-out", in: html)
        message = Self.text(ofID: "message", in: html)
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
