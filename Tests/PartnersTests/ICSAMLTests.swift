import Foundation
import Partners
import Testing
import Wire

/// SAML sign-in at the mock IC, against Responses signed by an independent identity provider
/// (`Tools/saml-idp.py`, signxml; `Tools/saml-fixtures.sh` writes the fixtures).
@Suite struct ICSAMLTests {
    static let guid = "c09d08fb-a969-4778-bb58-b46a8e9224e7"
    static let account = "0113135-0000095834"
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/saml")

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A mock IC whose biller set up SAML with the test IdP's certificate, its clock at 2024-11-18T10:01:00Z.
    static func mock(certificate: String? = nil) throws -> ICMock {
        var state = ICState(billers: [.init(guid: guid, webServiceKey: "0b9d5c3e-7a2f", profile: .common)])
        state.portal = ICPortalState(
            profile: .aiMyMeter, siteName: "City of Boulder",
            clock: try #require(ISO8601DateFormatter().date(from: "2024-11-18T10:01:00Z")),
            customers: [.init(accountNumber: account, name: "Pat Lee", emailAddress: "pat@example.com")],
            saml: ICSAMLSetup(
                entityID: "https://idp.mymeter.example/saml", certificate: try certificate ?? fixture("idp.pem"),
                ssoServiceURL: "https://idp.mymeter.example/saml/sso", loginTypeMapping: ["customer": 5]))
        return ICMock(state: state)
    }

    static func post(
        _ mock: ICMock, response: String, relay: String = "account=0113135-0000095834&ViewMode=0&DeepLinkID=2"
    )
        -> MockResponse
    {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let form =
            "SAMLResponse=\(response.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
            + "&RelayState=\(relay.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        return mock.handle(
            MockRequest(
                method: "POST", target: "/saml/\(guid)/acs", headers: [("Content-Type", "application/x-www-form-urlencoded")],
                body: Array(form.utf8)))
    }

    /// The page's text, apostrophes unescaped.
    static func text(_ response: MockResponse) -> String {
        String(decoding: response.body, as: UTF8.self).replacingOccurrences(of: "&apos;", with: "'")
    }

    @Test func `a Response signed by the partner's identity provider signs the customer in to the linked page`() throws {
        let answer = Self.post(try Self.mock(), response: try Self.fixture("signed.b64"))
        #expect(answer.status == 200, "\(Self.text(answer))")
        let page = Self.text(answer)
        #expect(page.contains(#"<h1 id="page">Customer Portal Paperless Settings</h1>"#))
        #expect(page.contains(#"<span id="account">0113135-0000095834</span>"#))
        #expect(page.contains(#"<span id="user">pat@example.com</span> by SAML"#))
    }

    @Test(arguments: [
        ("other-key.b64", "InvalidSignature", "does not hold for the partner's certificate"),
        ("tampered.b64", "InvalidSignature", "changed after signing"),
        ("expired.b64", "OutsideValidity", "expired at 2024-11-18T09:05:00Z; the mock's clock reads 2024-11-18T10:01:00Z"),
        (
            "wrong-audience.b64", "WrongAudience",
            "not IC's 'https://sso.invoicecloud.com/saml/c09d08fb-a969-4778-bb58-b46a8e9224e7'"
        ),
        ("no-login-type.b64", "MissingClaim", "no LoginType claim"),
    ])
    func `a Response IC must not trust is refused with the reason`(fixture: String, code: String, reason: String) throws {
        let answer = Self.post(try Self.mock(), response: try Self.fixture(fixture))
        #expect(answer.status == 403)
        #expect(Self.text(answer).contains(#"<h1 id="error">\#(code)</h1>"#), "\(Self.text(answer))")
        #expect(Self.text(answer).contains(reason), "\(Self.text(answer))")
    }

    @Test func `an assertion signs a customer in once; the same Response again is refused as replayed`() throws {
        let mock = try Self.mock()
        #expect(Self.post(mock, response: try Self.fixture("signed.b64")).status == 200)
        let again = Self.post(mock, response: try Self.fixture("signed.b64"))
        #expect(again.status == 403)
        #expect(Self.text(again).contains("AssertionReplayed"))
    }

    @Test func `the signature is checked against the configured certificate, not the one the Response carries`() throws {
        // signed.b64 carries the test IdP's certificate in its KeyInfo; configured with another, IC refuses it.
        let answer = Self.post(
            try Self.mock(certificate: try Self.fixture("other.pem")), response: try Self.fixture("signed.b64"))
        #expect(answer.status == 403)
        #expect(Self.text(answer).contains("InvalidSignature"))
    }

    @Test func `what is not a signed SAML Response is refused, never a crash`() throws {
        let mock = try Self.mock()
        for body in [
            "", "bm90IHhtbA==", Data("<x/>".utf8).base64EncodedString(), Data("<!DOCTYPE x []><x/>".utf8).base64EncodedString(),
        ] {
            let answer = Self.post(mock, response: body)
            #expect([400, 403].contains(answer.status), "\(body): \(Self.text(answer))")
        }
        let unsigned = Data(
            #"<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1"><saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_2"/></samlp:Response>"#
                .utf8
        ).base64EncodedString()
        #expect(Self.text(Self.post(mock, response: unsigned)).contains("the assertion is not signed"))
    }

    @Test func `the SSO redirect link sends the payer to the identity provider, the link as RelayState`() throws {
        let answer = try Self.mock().handle(
            MockRequest(method: "GET", target: "/saml/\(Self.guid)?account=101Invoice&ViewMode=0&DeepLinkID=13"))
        #expect(answer.status == 302)
        #expect(
            answer.header("Location")
                == "https://idp.mymeter.example/saml/sso?RelayState=account%3D101Invoice%26ViewMode%3D0%26DeepLinkID%3D13")
    }
}
