import Wire

/// The page IC would show a payer after SSOConnect: which portal page, in which view mode, for which
/// account, and the sign-out button with its tooltip — as a small HTML page a browser can load.
struct PortalPage {
    var page: SSORedirect
    var viewMode: SSOViewMode
    var accountNumber: String
    var emailAddress: String
    var cssURL: String?
    var returnURL: String?
    var siteName: String
    /// What the user's first sign-in did, when the token's session began with it.
    var firstSignIn: String?
    /// The signed-in user, whose enrollments the settings pages show.
    var user: ICPortalState.User?

    /// "Sign out and Return to <SiteName>" when a ReturnUrl is given (seed 003), else IC's plain "Sign out".
    var signOutTooltip: String { returnURL == nil ? "Sign out" : "Sign out and Return to \(siteName)" }

    /// The user's enrollment the page is about (Paperless, AutoPay, Pay by Text); nil on the other pages.
    var enrollment: String? {
        guard let user else { return nil }
        func state(_ on: Bool) -> String { on ? "enrolled" : "not enrolled" }
        switch page {
        case .paperless: return "Paperless: \(state(user.paperless))"
        case .autoPay: return "AutoPay: \(state(user.autoPay))"
        case .payByText: return "Pay by Text: \(state(user.payByText))"
        default: return nil
        }
    }

    var response: MockResponse {
        let e = XMLText.escaped
        let signIn = firstSignIn.map { "<p id=\"sign-in\">\(e($0))</p>" } ?? ""
        let enrolled = enrollment.map { "<p id=\"enrollment\">\(e($0))</p>" } ?? ""
        let css = cssURL.map { "<link rel=\"stylesheet\" href=\"\(e($0))\">" } ?? ""
        let body = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>\(e(page.page))</title>\(css)</head>
            <body data-redirect-id="\(page.rawValue)" data-view-mode="\(viewMode.rawValue)">
            <h1 id="page">\(e(page.page))</h1>
            <p>View mode: <span id="view-mode">\(viewMode.name)</span></p>
            <p>Account: <span id="account">\(e(accountNumber))</span>, signed in as <span id="user">\(e(emailAddress))</span></p>\(signIn)\(enrolled)
            <a id="sign-out" href="\(e(returnURL ?? "/cloudsso/signout"))" title="\(e(signOutTooltip))">Sign out</a>
            </body></html>

            """
        return Self.html(200, body)
    }

    /// A page saying why SSOConnect or a payment page refused the request.
    static func error(status: Int, code: String, message: String) -> MockResponse {
        let e = XMLText.escaped
        return html(
            status,
            """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>\(e(code))</title></head>
            <body><h1 id="error">\(e(code))</h1><p id="message">\(e(message))</p></body></html>

            """)
    }

    static func html(_ status: Int, _ text: String) -> MockResponse {
        MockResponse(status: status, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(text.utf8))
    }
}
