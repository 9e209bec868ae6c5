import Foundation
import Synchronization
import Wire
import XMLSignature

/// SAML 2.0 sign-in at the mock IC (seed 003: "Complete testing by signing in as a customer through
/// a SSO Redirect Link"): the redirect link sends the payer to the partner's identity provider, whose
/// SAML Response, POSTed to the assertion consumer (HTTP-POST binding), signs the customer in.
extension ICMock {
    /// `GET /saml/{BillerGUID}?account=&ViewMode=[&DeepLinkID=]`, the SSO redirect link: 302 to the
    /// identity provider's SSO Service URL, the link's query as `RelayState` (SAML bindings 3.4.3).
    func samlRedirectLink(_ request: MockRequest, guid: String) -> MockResponse {
        let setup: ICSAMLSetup
        switch samlSetup(guid: guid) {
        case .failure(let box): return box.response
        case .success(let found): setup = found
        }
        guard let target = setup.ssoServiceURL else {
            return PortalPage.error(
                status: 404, code: "SAMLNotSetUp", message: "the biller's SAML set-up has no SSO Service URL to send the payer to"
            )
        }
        let relay = request.query.map { "\(Self.formEncoded($0.name))=\(Self.formEncoded($0.value))" }.joined(separator: "&")
        let separator = target.contains("?") ? "&" : "?"
        return MockResponse(
            status: 302, headers: [("Location", target + separator + "RelayState=" + Self.formEncoded(relay))])
    }

    /// `POST /saml/{BillerGUID}/acs`: a form with `SAMLResponse` (base64) and `RelayState` (the link's
    /// query). Signs the customer in to the page the link names, or refuses with the reason (403):
    /// a signature that does not hold for the partner's certificate, another issuer or audience, a time
    /// outside the validity window on the mock's clock, a missing Email or LoginType claim, a
    /// LoginType the claim mapping does not name, or an assertion that signed a customer in before.
    func samlAssertion(_ request: MockRequest, guid: String) -> MockResponse {
        let setup: ICSAMLSetup
        switch samlSetup(guid: guid) {
        case .failure(let box): return box.response
        case .success(let found): setup = found
        }
        func refuse(_ status: Int, _ code: String, _ message: String) -> MockResponse {
            PortalPage.error(status: status, code: code, message: message)
        }
        guard request.header("Content-Type")?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else {
            return refuse(
                415, "MalformedRequest",
                "the SAML HTTP-POST binding sends an application/x-www-form-urlencoded form (SAML bindings 3.5.4)")
        }
        let form = MockRequest.decodeQuery(String(decoding: request.body, as: UTF8.self))
        func field(_ name: String) -> String? { form.first { $0.name == name }?.value }
        // A '+' sent without percent-encoding reads as a space; base64 has no spaces, so it is put back.
        guard let encoded = field("SAMLResponse")?.replacingOccurrences(of: " ", with: "+"), !encoded.isEmpty,
            let xml = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters)
        else {
            return refuse(400, "MalformedRequest", "the form has no SAMLResponse field in base64 (SAML bindings 3.5.4)")
        }
        let response: SignedSAMLResponse
        do {
            response = try SignedSAMLResponse(xml: Array(xml), certificatePEM: setup.certificate)
        } catch {
            return refuse(403, "InvalidSignature", error.description)
        }
        let successStatus = "urn:oasis:names:tc:SAML:2.0:status:Success"
        guard response.status == successStatus else {
            return refuse(
                403, "NotSuccess", "the Response's status is \(response.status ?? "missing"), not Success (SAML core 3.2.2.2)")
        }
        guard response.issuer == setup.entityID else {
            return refuse(
                403, "WrongIssuer",
                "the assertion's Issuer is \(response.issuer.map { "'\($0)'" } ?? "missing"), not the partner's Entity ID '\(setup.entityID)'"
            )
        }
        let audience = setup.audience(billerGUID: guid)
        guard response.audiences.contains(audience) else {
            return refuse(
                403, "WrongAudience",
                "the assertion is for \(response.audiences.isEmpty ? "no audience" : response.audiences.map { "'\($0)'" }.joined(separator: ", ")), not IC's '\(audience)' (SAML profiles 4.1.4.2)"
            )
        }
        let now = portal.withLock { $0.state.systemClock } ? Date() : clock.now
        if let problem = Self.windowProblem(response, now: now) { return refuse(403, "OutsideValidity", problem) }
        guard let email = response.attributes["Email"]?.first, !email.isEmpty else {
            return refuse(
                403, "MissingClaim",
                "the assertion has no Email claim (seed 003: claims Email, LoginType, Account Number optional)")
        }
        guard let loginType = response.attributes["LoginType"]?.first, !loginType.isEmpty else {
            return refuse(
                403, "MissingClaim",
                "the assertion has no LoginType claim (seed 003: claims Email, LoginType, Account Number optional)")
        }
        let profile = portal.withLock { $0.state.profile }
        guard let loginTypeID = setup.loginTypeMapping[loginType] else {
            let known = setup.loginTypeMapping.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return refuse(
                403, "UnknownLoginType", "the LoginType claim '\(loginType)' is not in the LoginType claim mapping (\(known))")
        }
        guard loginTypeID == profile.loginTypeID else {
            return refuse(
                403, "WrongLoginType",
                "the LoginType claim '\(loginType)' maps to LoginTypeID \(loginTypeID); profile \(profile.id) signs in with \(profile.loginTypeID)"
            )
        }
        let link = MockRequest.decodeQuery(field("RelayState") ?? "")
        func linked(_ name: String) -> String? {
            link.first { $0.name.lowercased() == name.lowercased() }.flatMap { $0.value.isEmpty ? nil : $0.value }
        }
        guard let account = response.attributes["AccountNumber"]?.first ?? linked("account") else {
            return refuse(
                403, "MissingClaim", "neither the AccountNumber claim nor the link's account names the account to sign in to")
        }
        let known = portal.withLock { $0.state.customers.contains { $0.accountNumber == account } }
        guard known else { return refuse(404, "UnknownAccount", "IC has no customer record for account \(account)") }
        let replayed = portal.withLock { portal -> Bool in
            guard !portal.consumedAssertions.contains(response.assertionID) else { return true }
            portal.consumedAssertions.append(response.assertionID)
            if portal.consumedAssertions.count > ICPortal.limit { portal.consumedAssertions.removeFirst() }
            return false
        }
        if replayed {
            return refuse(
                403, "AssertionReplayed",
                "the assertion \(response.assertionID) signed a customer in before; a bearer assertion is used once (SAML profiles 4.1.4.5)"
            )
        }
        let viewMode = linked("ViewMode").flatMap(Int.init).flatMap(SSOViewMode.init(rawValue:)) ?? .redirect
        let deepLink = linked("DeepLinkID").flatMap(Int.init)
        let siteName = portal.withLock { $0.state.siteName }
        return Self.samlPage(
            deepLink: deepLink, viewMode: viewMode, account: account, email: email, siteName: siteName)
    }

    /// The biller's SAML set-up, when `guid` is one of the mock's billers and SAML is set up.
    private func samlSetup(guid: String) -> Result<ICSAMLSetup, MockResponseBox> {
        let isBiller = store.withLock { $0.state.billers.contains { $0.guid.lowercased() == guid.lowercased() } }
        guard isBiller else {
            return .failure(
                MockResponseBox(PortalPage.error(status: 404, code: "BillerNotFound", message: "no biller \(guid)")))
        }
        guard let setup = portal.withLock({ $0.state.saml }) else {
            return .failure(
                MockResponseBox(
                    PortalPage.error(status: 404, code: "SAMLNotSetUp", message: "SAML SSO is not set up for biller \(guid)")))
        }
        return .success(setup)
    }

    /// Why `now` is outside the assertion's `Conditions` window (SAML core 2.5.1.2), or nil when inside.
    static func windowProblem(_ response: SignedSAMLResponse, now: Date) -> String? {
        let clock = ISO8601DateFormatter.string(
            from: now, timeZone: TimeZone(identifier: "UTC")!, formatOptions: .withInternetDateTime)
        guard let until = response.notOnOrAfter else {
            return
                "the assertion's Conditions have no NotOnOrAfter: a bearer assertion must say until when it holds (SAML profiles 4.1.4.2)"
        }
        guard let end = Self.instant(until) else { return "NotOnOrAfter '\(until)' is not an xs:dateTime" }
        if let from = response.notBefore {
            guard let start = Self.instant(from) else { return "NotBefore '\(from)' is not an xs:dateTime" }
            if now < start { return "the assertion is not valid before \(from); the mock's clock reads \(clock)" }
        }
        if now >= end { return "the assertion expired at \(until); the mock's clock reads \(clock)" }
        return nil
    }

    /// An xs:dateTime in UTC (`2024-11-18T10:00:00Z`, fractional seconds allowed).
    static func instant(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    /// The page a SAML sign-in opens: the RedirectID page a DeepLinkID names, another deep link by its
    /// number, or the portal's home without one.
    static func samlPage(
        deepLink: Int?, viewMode: SSOViewMode, account: String, email: String, siteName: String
    )
        -> MockResponse
    {
        let e = XMLText.escaped
        let title =
            deepLink.map { id in SSORedirect(rawValue: id)?.page ?? "Customer Portal Deep Link \(id)" }
            ?? "Customer Portal Home"
        return PortalPage.html(
            200,
            """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>\(e(title))</title></head>
            <body data-sign-in="saml" data-deep-link-id="\(deepLink.map(String.init) ?? "")" data-view-mode="\(viewMode.rawValue)">
            <h1 id="page">\(e(title))</h1>
            <p>View mode: <span id="view-mode">\(viewMode.name)</span></p>
            <p>Account: <span id="account">\(e(account))</span>, signed in as <span id="user">\(e(email))</span> by SAML</p>
            <a id="sign-out" href="/cloudsso/signout" title="Sign out">Sign out</a> of \(e(siteName))
            </body></html>

            """)
    }

    /// `text` as a form or query value: every byte but unreserved ones percent-encoded.
    static func formEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}
