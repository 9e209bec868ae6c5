import BifrostTesting
import Certification
import Foundation
import Harness
import Partners
import Testing
import Wire

/// Client certification in process: the stand-in mocks served with `ClientCertification` observing
/// their endpoint, as `serve --certify` does, and a client sending conforming and deviating requests.
@Suite struct ClientCertificationTests {
    static let password = "client-cert-password-7"
    static let imtState: IMTState = {
        var state = SampleState.imt()
        state.users = [SampleState.username: password]
        return state
    }()

    /// A stand-in IMT, its certification, and the endpoint the server serves.
    struct IMT {
        let standalone = IMTStandalone(state: ClientCertificationTests.imtState, log: { _ in })
        let certification: ClientCertification
        let endpoint: Partners.MockEndpoint

        init() {
            certification = .imt(standalone.mock, state: ClientCertificationTests.imtState)
            endpoint = standalone.endpoint.observed(by: certification)
        }

        @discardableResult
        func send(
            _ method: String, _ target: String, body: String? = nil, contentType: String = JSONAPIMediaType.value,
            cookie: String? = nil
        ) -> MockResponse {
            var headers = [(name: "Content-Type", value: contentType), (name: "Accept", value: JSONAPIMediaType.value)]
            if let cookie { headers.append((name: "Cookie", value: cookie)) }
            return endpoint(MockRequest(method: method, target: target, headers: headers, body: Array((body ?? "").utf8)))
        }

        /// Opens a session with the JSON:API document; returns the cookie to send.
        func login(
            password: String = ClientCertificationTests.password, contentType: String = JSONAPIMediaType.value
        )
            -> String?
        {
            let body = SessionRequest(username: SampleState.username, password: password).document.compactText
            let answer = send("POST", "/auth/3401/api/sessions/", body: body, contentType: contentType)
            return answer.header("Set-Cookie").map { String($0.split(separator: ";")[0]) }
        }

        func logout(_ cookie: String) { send("DELETE", "/auth/3401/api/sessions/\(SampleState.username)", cookie: cookie) }

        func paymentBody(transactionID: String) -> String {
            PaymentPost(
                account: SampleState.account, method: .creditCard, billAmountPaid: Money(parsing: "125.00")!,
                totalPaid: Money(parsing: "128.95")!, approvalCode: "A1B2C3D4", transactionID: transactionID,
                firstName: "JESSICA", lastName: "SMITH", address1: "", address2: "", city: "", state: "", zipCode: "",
                phone: "", email: ""
            ).document.compactText
        }

        /// A conforming session: open, payments-due with the filter, one payment, close.
        func conformingRun(transactionID: String = "2984&1") {
            guard let cookie = login() else { return }
            send("GET", "/webpayments/3401/api/payments-due/?filter%5Bpolicy_number%5D=\(SampleState.account)", cookie: cookie)
            send("POST", "/webpayments/3401/api/payments/", body: paymentBody(transactionID: transactionID), cookie: cookie)
            let paperless = PolicySettings.Change.paperless(true).document(account: SampleState.account).compactText
            send("PATCH", "/webpayments/3401/api/settings/\(SampleState.account)/", body: paperless, cookie: cookie)
            logout(cookie)
        }
    }

    static func verdicts(_ report: CertificationReport) -> [String: CheckVerdict] {
        Dictionary(uniqueKeysWithValues: report.results.map { ($0.check.id, $0.verdict) })
    }

    @Test func `a conforming IC-side client passes every check of serve imt --certify`() {
        let imt = IMT()
        imt.conformingRun()
        let report = imt.certification.report()
        #expect(report.results.map(\.check.id) == ClientCheck.imtCheckIDs)
        #expect(report.results.allSatisfy { $0.verdict == .pass }, "\(CertificationText.lines(report))")
        #expect(report.passed)
        #expect(imt.certification.exchanges == 5)
    }

    @Test func `each deviation of an IC-side client fails its check, with the failing exchange as evidence`() throws {
        let imt = IMT()
        imt.conformingRun()
        // One deviation per check.
        _ = imt.login(contentType: "application/json")  // IMT-SESS-002 and IMT-RTDR-009
        _ = imt.login(password: "wrong-password-1")  // IMT-SESS-001
        let cookie = try #require(imt.login())  // left open: IMT-SESS-005
        imt.send("GET", "/webpayments/3401/api/payments-due/", cookie: cookie)  // IMT-RTDR-001
        let numeric = imt.paymentBody(transactionID: "2984&2").replacingOccurrences(
            of: #""total_paid":"128.95""#, with: #""total_paid":128.95"#)
        #expect(numeric.contains(#""total_paid":128.95"#))
        imt.send("POST", "/webpayments/3401/api/payments/", body: numeric, cookie: cookie)  // IMT-DP-001
        // IMT-DP-012
        imt.send("POST", "/webpayments/3401/api/payments/", body: imt.paymentBody(transactionID: "2984&1"), cookie: cookie)
        let yes = PolicySettings.Change.paperless(true).document(account: SampleState.account).compactText
            .replacingOccurrences(of: "true", with: #""True""#)
        imt.send("PATCH", "/webpayments/3401/api/settings/\(SampleState.account)/", body: yes, cookie: cookie)  // IMT-DP-009
        let report = imt.certification.report()
        let verdicts = Self.verdicts(report)
        // IMT-DP-012 is recommended (no seed sentence refuses a repeated transaction_id): it warns.
        for id in ClientCheck.imtCheckIDs { #expect(verdicts[id] == (id == "IMT-DP-012" ? .warn : .fail), "\(id)") }
        #expect(!report.passed)
        let byID = Dictionary(uniqueKeysWithValues: report.results.map { ($0.check.id, $0) })
        #expect(byID["IMT-SESS-002"]?.message.hasPrefix("1 of 4 requests did not conform") == true)
        #expect(byID["IMT-SESS-005"]?.message.hasPrefix("1 of 2 sessions did not conform") == true)
        #expect(byID["IMT-DP-001"]?.message.contains("total_paid") == true)
        #expect(byID["IMT-DP-012"]?.message.contains("2984&1") == true)
        #expect(
            report.settings.contains {
                $0.0 == "accepted with a warning" && $0.1.hasPrefix("duplicate-transaction 1 time")
            })
        #expect(byID["IMT-RTDR-001"]?.evidence.first?.url == "/webpayments/3401/api/payments-due/")
        #expect(byID["IMT-SESS-001"]?.evidence.first?.status == 401)
        for result in report.results { #expect(result.evidence.count == 1, "\(result.check.id)") }
    }

    @Test func `the seed's literal sessions body, data.id "string", conforms to IMT-SESS-002`() {
        let imt = IMT()
        let body =
            #"{"data": {"id": "string", "type": "sessions", "attributes": {"password": "\#(ClientCertificationTests.password)", "username": "\#(SampleState.username)"}}}"#
        imt.send("POST", "/auth/3401/api/sessions/", body: body)
        #expect(Self.verdicts(imt.certification.report())["IMT-SESS-002"] == .pass)
    }

    @Test func `a check the client sent nothing for is SKIP with the reason`() {
        let imt = IMT()
        _ = imt.login()
        let verdicts = Self.verdicts(imt.certification.report())
        #expect(verdicts["IMT-SESS-002"] == .pass)
        #expect(verdicts["IMT-SESS-005"] == .fail)
        #expect(verdicts["IMT-RTDR-001"] == .skip)
        #expect(verdicts["IMT-DP-001"] == .skip)
        let empty = IMT().certification.report()
        #expect(empty.results.allSatisfy { $0.verdict == .skip })
        #expect(empty.results.first { $0.check.id == "IMT-SESS-005" }?.message == "the client opened no session")
        #expect(empty.passed)
    }

    @Test func `admin calls are not judged and an expected failure is acknowledged`() {
        let standalone = IMTStandalone(state: Self.imtState, log: { _ in })
        let failures = ExpectedFailures(reasons: ["IMT-SESS-005": "sessions expire on their own"])
        let certification = ClientCertification.imt(standalone.mock, state: Self.imtState, expectedFailures: failures)
        let endpoint = standalone.endpoint.observed(by: certification)
        _ = endpoint(MockRequest(method: "GET", target: "/__admin/state"))
        #expect(certification.exchanges == 0)
        _ = endpoint(SampleRequest.imtLogin(password: Self.password))
        let report = certification.report()
        #expect(report.results.first { $0.check.id == "IMT-SESS-005" }?.acknowledged == "sessions expire on their own")
        #expect(report.passed)
    }

    @Test func `no artifact of an IMT client report holds the password or the session cookie`() throws {
        let imt = IMT()
        let cookie = try #require(imt.login())
        _ = imt.login(contentType: "application/json")
        imt.send("GET", "/webpayments/3401/api/payments-due/", cookie: cookie)
        let report = imt.certification.report()
        #expect(!report.passed)
        let token = String(cookie.split(separator: "=")[1])
        for artifact in [CertificationHTML.page(report), CertificationJSON.text(report), CertificationJUnit.xml(report)]
            + CertificationText.lines(report)
        {
            #expect(!artifact.contains(Self.password))
            #expect(!artifact.contains(token))
        }
        #expect(CertificationJSON.text(report).contains("<redacted>"))
    }

    @Test func `the JUnit file of a certification validates against Jenkins xunit's junit-10.xsd`() throws {
        let imt = IMT()
        let cookie = try #require(imt.login())
        _ = imt.login(contentType: "application/json")
        imt.send("GET", "/webpayments/3401/api/payments-due/", cookie: cookie)
        let report = imt.certification.report()
        let xml = CertificationJUnit.xml(report)
        #expect(xml.contains("<failure") && xml.contains("<skipped"), "a failure and a skip are both checked")
        let schema = try XMLSchema(parsing: Array(try SourceTree.text("Tests/Schemas/junit-10.xsd").utf8))
        #expect(schema.violations(of: try Wire.XMLDocument(parsing: Array(xml.utf8))) == [])
    }

    // MARK: - IC

    static let wrongKey = "wrong-key-5c8a1e2d"

    struct IC {
        let standalone = ICStandalone(state: SampleState.ic(), log: { _ in })
        let certification: ClientCertification
        let endpoint: Partners.MockEndpoint

        init() {
            certification = .ic(standalone.mock, state: SampleState.ic())
            endpoint = standalone.endpoint.observed(by: certification)
        }

        @discardableResult
        func send(_ envelope: [UInt8], contentType: String = SOAPVersion.v11.contentType) -> MockResponse {
            endpoint(
                MockRequest(
                    method: "POST", target: ICMock.cloudInvoicingPath, headers: [("Content-Type", contentType)], body: envelope))
        }

        func upload(_ bif: String, key: String = SampleState.webServiceKey) -> [UInt8] {
            UploadInvoiceRequest(billerGUID: SampleState.billerGUID, webServiceKey: key, fileName: "a.bif", file: Array(bif.utf8))
                .envelope(.v11)
        }

        func report(
            from: String = "2024-09-03T00:00:00Z", to: String = "2024-09-04T00:00:00Z", key: String = SampleState.webServiceKey
        )
            -> [UInt8]
        {
            ICReportRequest(
                report: .paymentReportingSOAP, billerGUID: SampleState.billerGUID, webServiceKey: key, startDate: from,
                endDate: to
            ).envelope(.v11)
        }

        func conformingRun() {
            send(upload(SampleBIF.singleInvoice()))
            send(report())
        }
    }

    /// The ids of the SSO checks, which a client that makes no SSO call leaves SKIP.
    static let ssoIDs: Set<String> = [
        "SSO-COM-003", "SSO-AI-004", "SSO-IMT-007", "SSO-AI-002", "SSO-IMT-008", "SSO-AI-003", "SSO-IMT-009",
        "SSO-SAML-001",
    ]
    /// The SSO checks of the IMT profiles, which a portal of profile ai-mymeter does not run.
    static let imtSSOIDs: Set<String> = ["SSO-IMT-007", "SSO-IMT-008", "SSO-IMT-009"]

    @Test func `a conforming IMT-side client passes every check of serve ic --certify`() {
        let ic = IC()
        ic.conformingRun()
        let report = ic.certification.report()
        // The portal's profile is ai-mymeter: its LoginTypeID, ViewMode and RedirectID checks, not IMT's.
        #expect(report.results.map(\.check.id) == ClientCheck.icCheckIDs.filter { !Self.imtSSOIDs.contains($0) })
        #expect(
            report.results.filter { !Self.ssoIDs.contains($0.check.id) }.allSatisfy { $0.verdict == .pass },
            "\(CertificationText.lines(report))")
        #expect(report.results.filter { Self.ssoIDs.contains($0.check.id) }.allSatisfy { $0.verdict == .skip })
    }

    @Test func `an SSO call refused by the mock, or with another profile's LoginTypeID, fails its check`() throws {
        var state = SampleState.ic()
        state.portal = ICPortalState(profile: .aiMyMeter, apiKey: "3f8c2a91-5b7e-4d60-a1c2-9e8f7d6b5a43")
        let standalone = ICStandalone(state: state, log: { _ in })
        let certification = ClientCertification.ic(standalone.mock, state: state)
        let endpoint = standalone.endpoint.observed(by: certification)
        let basic = "Basic " + Data("3f8c2a91-5b7e-4d60-a1c2-9e8f7d6b5a43".utf8).base64EncodedString()
        let register = #"{"EmailAddress": "pat@example.com", "LoginTypeID": 1, "AccountNumbers": ["20240903"]}"#
        _ = endpoint(
            MockRequest(
                method: "POST", target: "/api/v1/remoteauthentication/registeraccounts",
                headers: [("Content-Type", "application/json"), ("Authorization", basic)], body: Array(register.utf8)))
        _ = endpoint(
            MockRequest(method: "GET", target: "/cloudsso/connect?RemoteAuthenticationToken=never-issued&ViewMode=1&RedirectID=1")
        )
        let report = certification.report()
        let byID = Dictionary(uniqueKeysWithValues: report.results.map { ($0.check.id, $0) })
        #expect(byID["SSO-AI-004"]?.verdict == .fail)
        #expect(byID["SSO-AI-004"]?.message.contains("sent LoginTypeID 1; profile ai-mymeter signs in with 5") == true)
        #expect(byID["SSO-COM-003"]?.verdict == .fail)
        #expect(byID["SSO-COM-003"]?.message.contains("refused with 4") == true, "\(byID["SSO-COM-003"]?.message ?? "")")
        #expect(byID["SSO-COM-003"]?.message.hasPrefix("2 of 2 ") == true, "\(byID["SSO-COM-003"]?.message ?? "")")
        for artifact in [CertificationHTML.page(report), CertificationJSON.text(report), CertificationJUnit.xml(report)] {
            #expect(!artifact.contains("3f8c2a91-5b7e-4d60-a1c2-9e8f7d6b5a43"))
        }
    }

    @Test func `a ViewMode or RedirectID outside the portal's profile is taken by the mock and fails the partner's check`()
        throws
    {
        var state = SampleState.ic()
        state.portal = ICPortalState(
            profile: .aiMyMeter, apiKey: "3f8c2a91-5b7e-4d60-a1c2-9e8f7d6b5a43",
            customers: [.init(accountNumber: "20240903", users: [.init(emailAddress: "pat@example.com", loginTypeID: 5)])])
        let standalone = ICStandalone(state: state, log: { _ in })
        let certification = ClientCertification.ic(standalone.mock, state: state)
        let endpoint = standalone.endpoint.observed(by: certification)
        let basic = "Basic " + Data("3f8c2a91-5b7e-4d60-a1c2-9e8f7d6b5a43".utf8).base64EncodedString()
        let authenticate = #"{"AccountNumber": "20240903", "EmailAddress": "pat@example.com", "LoginTypeID": 5}"#
        let answer = endpoint(
            MockRequest(
                method: "POST", target: "/api/v1/remoteauthentication",
                headers: [("Content-Type", "application/json"), ("Authorization", basic)], body: Array(authenticate.utf8)))
        let token = try #require(try JSONParser.parse(answer.body)["Data"]?["RemoteAuthenticationToken"]?.stringValue)
        // IMT's Pay by Text page in IMT's Redirect view: IC shows it, AI's rules do not allow it.
        let page = endpoint(
            MockRequest(method: "GET", target: "/cloudsso/connect?RemoteAuthenticationToken=\(token)&ViewMode=0&RedirectID=11"))
        #expect(page.status == 200)
        let byID = Dictionary(uniqueKeysWithValues: certification.report().results.map { ($0.check.id, $0) })
        #expect(byID["SSO-COM-003"]?.verdict == .pass)
        #expect(byID["SSO-AI-002"]?.verdict == .fail)
        #expect(byID["SSO-AI-002"]?.message.contains("ViewMode 0 is not one profile ai-mymeter uses") == true)
        #expect(byID["SSO-AI-003"]?.verdict == .fail)
        #expect(byID["SSO-AI-003"]?.message.contains("RedirectID 11 is not one profile ai-mymeter uses") == true)
    }

    @Test func `each deviation of an IMT-side client fails its check`() throws {
        let ic = IC()
        ic.conformingRun()
        ic.send(ic.report(), contentType: SOAPVersion.v12.contentType)  // IC-RPT-007: a 1.1 envelope sent as 1.2
        ic.send(ic.report(from: "yesterday"))  // IC-WSDL-001: not an xs:dateTime
        ic.send(ic.report(key: ClientCertificationTests.wrongKey))  // IC-UP-001
        ic.send(ic.upload(SampleBIF.singleInvoice().replacingOccurrences(of: "|1675.00\n", with: "|1675.0x\n")))  // IC-UP-002
        ic.send(ic.report(from: "2024-09-04T00:00:00Z", to: "2024-09-03T00:00:00Z"))  // IC-POLL-001
        let report = ic.certification.report()
        let verdicts = Self.verdicts(report)
        // IC-WSDL-001 and IC-POLL-001 are recommended (the XSD is the mock's reading; no source refuses a reversed window).
        for id in ClientCheck.icCheckIDs where !Self.ssoIDs.contains(id) {
            #expect(verdicts[id] == (["IC-WSDL-001", "IC-POLL-001"].contains(id) ? .warn : .fail), "\(id)")
        }
        let byID = Dictionary(uniqueKeysWithValues: report.results.map { ($0.check.id, $0) })
        #expect(byID["IC-RPT-007"]?.message.contains("VersionMismatch") == true)
        #expect(byID["IC-UP-002"]?.evidence.contains { !$0.isExchange && !$0.findings.isEmpty } == true)
        #expect(byID["IC-UP-001"]?.message.hasPrefix("1 of ") == true)
        for artifact in [CertificationHTML.page(report), CertificationJSON.text(report), CertificationJUnit.xml(report)] {
            #expect(!artifact.contains(SampleState.webServiceKey))
            #expect(!artifact.contains(ClientCertificationTests.wrongKey))
        }
    }

    @Test func `serve ic --certify judges the identity provider's SAML Responses by the mock's answer`() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../PartnersTests/Fixtures/saml")
        func fixture(_ name: String) throws -> String {
            try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var state = SampleState.ic()
        state.portal = ICPortalState(
            clock: try #require(ISO8601DateFormatter().date(from: "2024-11-18T10:01:00Z")),
            customers: [.init(accountNumber: "0113135-0000095834")],
            saml: ICSAMLSetup(
                entityID: "https://idp.mymeter.example/saml", certificate: try fixture("idp.pem"),
                loginTypeMapping: ["customer": 5],
                audience: "https://sso.invoicecloud.com/saml/c09d08fb-a969-4778-bb58-b46a8e9224e7"))
        func certify(_ responses: [String]) throws -> CheckResult? {
            // A mock on the fixtures' clock (a stand-in reads the system clock, past their window).
            let mock = ICMock(state: state)
            let certification = ClientCertification.ic(mock, state: state)
            let endpoint = mock.handle.observed(by: certification)
            for name in responses {
                let allowed = CharacterSet.alphanumerics
                let form = "SAMLResponse=" + (try fixture(name).addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
                _ = endpoint(
                    MockRequest(
                        method: "POST", target: "/saml/\(SampleState.billerGUID)/acs",
                        headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(form.utf8)))
            }
            return certification.report().results.first { $0.check.id == "SSO-SAML-001" }
        }
        #expect(try certify([])?.verdict == .skip)
        #expect(try certify(["signed.b64"])?.verdict == .pass)
        let refused = try certify(["signed.b64", "expired.b64"])
        #expect(refused?.verdict == .fail)
        #expect(refused?.message.contains("the assertion expired at 2024-11-18T09:05:00Z") == true, "\(refused?.message ?? "")")
    }
}
