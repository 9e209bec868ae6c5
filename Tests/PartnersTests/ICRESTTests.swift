import Foundation
import Partners
import Testing
import Wire

/// The mock IC's REST services: SSO Connect's registration workflow and page, Cloud Payments V2.
@Suite struct ICRESTTests {
    static let key = "api-key-3f8c"
    static let account = "0113135-0000095834"
    static let email = "pat@example.com"

    static func mock(
        profile: SSOProfile = .aiMyMeter, ssoConnect: Bool? = nil, registered: Bool = false, ids: MockIDs = .random,
        configure: (inout ICPortalState) -> Void = { _ in }
    ) -> ICMock {
        var state = ICState(
            billers: [.init(guid: "c09d08fb-a969-4778-bb58-b46a8e9224e7", webServiceKey: "0b9d5c3e-7a2f", profile: .common)])
        state.portal = ICPortalState(
            profile: profile, ssoConnect: ssoConnect, apiKey: key, siteName: "City of Boulder", tokenLifetime: .seconds(300),
            clock: Date(timeIntervalSince1970: 1_727_700_000),
            customers: [
                .init(
                    accountNumber: account, name: "Pat Lee", emailAddress: email,
                    users: registered ? [.init(emailAddress: email, loginTypeID: profile.loginTypeID)] : [])
            ])
        configure(&state.portal)
        return ICMock(state: state, ids: ids)
    }

    static func send(
        _ mock: ICMock, _ method: String, _ target: String, json: String? = nil, key: String = key, colon: Bool = false
    ) -> MockResponse {
        var headers = [("Authorization", "Basic " + Data((key + (colon ? ":" : "")).utf8).base64EncodedString())]
        if json != nil { headers.append(("Content-Type", "application/json")) }
        return mock.handle(MockRequest(method: method, target: target, headers: headers, body: Array((json ?? "").utf8)))
    }

    static func json(_ response: MockResponse) throws -> JSONValue { try JSONParser.parse(response.body) }

    static func token(_ mock: ICMock, loginType: Int = 5) throws -> String {
        let answer = send(
            mock, "POST", "/api/v1/remoteauthentication",
            json: #"{"AccountNumber":"\#(account)","EmailAddress":"\#(email)","LoginTypeID":\#(loginType)}"#)
        #expect(answer.status == 200)
        return try #require(try json(answer)["Data"]?["RemoteAuthenticationToken"]?.stringValue)
    }

    @Test func `registering then authenticating gives a token that opens the session's pages until it expires`() throws {
        let mock = Self.mock()
        let registered = Self.send(
            mock, "POST", "/api/v1/remoteauthentication/registeraccounts",
            json: #"{"EmailAddress":"\#(Self.email)","LoginTypeID":5,"AccountNumbers":["\#(Self.account)"]}"#)
        #expect(registered.status == 200)
        #expect(try Self.json(registered)["Data"]?["Accounts"]?.arrayValue?.first?["Role"] == "Owner")
        let token = try Self.token(mock)
        let link =
            "/cloudsso/connect?RemoteAuthenticationToken=\(token)&ViewMode=1&RedirectID=2&ReturnUrl=https://mymeter.example/"
        let page = mock.handle(MockRequest(method: "GET", target: link))
        let html = String(decoding: page.body, as: UTF8.self)
        #expect(page.status == 200)
        #expect(html.contains("Customer Portal Paperless Settings"))
        #expect(html.contains("title=\"Sign out and Return to City of Boulder\""))
        let again = mock.handle(MockRequest(method: "GET", target: link))
        #expect(again.status == 200)
        mock.advanceClock(seconds: 299)
        #expect(mock.handle(MockRequest(method: "GET", target: link)).status == 200)
        mock.advanceClock(seconds: 1)
        let expired = mock.handle(MockRequest(method: "GET", target: link))
        #expect(expired.status == 401)
        #expect(String(decoding: expired.body, as: UTF8.self).contains("TokenExpired"))
    }

    @Test func `CustomReturnSiteName without ReturnUrl opens the page, with a warning in the journal`() throws {
        let mock = Self.mock(registered: true)
        let token = try Self.token(mock)
        let page = mock.handle(
            MockRequest(
                method: "GET",
                target:
                    "/cloudsso/connect?RemoteAuthenticationToken=\(token)&ViewMode=1&RedirectID=2&CustomReturnSiteName=MyMeter"))
        #expect(page.status == 200)
        #expect(page.warnings.first?.hasPrefix("site-name-without-return-url:") == true)
        let entry = try #require(mock.journal.json.arrayValue?.last)
        #expect(entry["response"]?["warnings"]?.arrayValue?.count == 1)
    }

    @Test func `IC takes its full lists whatever the profile, and refuses a value no seed names`() throws {
        let mock = Self.mock(registered: true)
        let token = try Self.token(mock)
        func open(_ query: String) -> MockResponse {
            mock.handle(MockRequest(method: "GET", target: "/cloudsso/connect?RemoteAuthenticationToken=\(token)&\(query)"))
        }
        // IMT's Pay by Text page in IMT's Redirect view: not AI's, but IC's.
        let imtPage = open("ViewMode=0&RedirectID=11")
        #expect(imtPage.status == 200)
        #expect(String(decoding: imtPage.body, as: UTF8.self).contains("Customer Portal Pay by Text Enrollment"))
        let unknown = open("ViewMode=1&RedirectID=4")
        #expect(unknown.status == 400)
        #expect(String(decoding: unknown.body, as: UTF8.self).contains("RedirectID 4 names no Customer Portal page"))
        let mode = open("ViewMode=2&RedirectID=1")
        #expect(mode.status == 400)
        #expect(
            String(decoding: mode.body, as: UTF8.self).contains("ViewMode 2 is none IC takes; it takes 0 (Redirect), 1 (iFrame)"))
    }

    @Test func `LoginTypeID 1 is taken for AI, one no seed names is refused, and an IMT biller without SSO Connect is refused`()
        throws
    {
        let ai = Self.mock(registered: true)
        let imtType = Self.send(
            ai, "POST", "/api/v1/remoteauthentication",
            json: #"{"AccountNumber":"\#(Self.account)","EmailAddress":"\#(Self.email)","LoginTypeID":1}"#)
        #expect(imtType.status == 200)
        let wrong = Self.send(
            ai, "POST", "/api/v1/remoteauthentication",
            json: #"{"AccountNumber":"\#(Self.account)","EmailAddress":"\#(Self.email)","LoginTypeID":3}"#)
        #expect(wrong.status == 400)
        #expect(try Self.json(wrong)["Errors"]?.arrayValue?.first?["Code"] == "WrongLoginType")
        let imt = Self.mock(profile: .imtSpectrum, registered: true)
        #expect(Self.send(imt, "GET", "/api/v1/remoteauthentication/users?AccountNumber=\(Self.account)").status == 403)
        let optedIn = Self.mock(profile: .imtSpectrum, ssoConnect: true, registered: true)
        #expect(Self.send(optedIn, "GET", "/api/v1/remoteauthentication/users?AccountNumber=\(Self.account)").status == 200)
    }

    @Test func `a second user on an account is a co-owner, unless the profile or the biller's multiuser rules it out`() throws {
        func register(_ mock: ICMock) -> MockResponse {
            Self.send(
                mock, "POST", "/api/v1/remoteauthentication/registeraccounts",
                json: #"{"EmailAddress":"sam@example.com","LoginTypeID":1,"AccountNumbers":["\#(Self.account)"]}"#)
        }
        let spectrum = register(Self.mock(profile: .imtSpectrum, ssoConnect: true, registered: true))
        #expect(try Self.json(spectrum)["Data"]?["Accounts"]?.arrayValue?.first?["Role"] == "CoOwner")
        let mips = register(Self.mock(profile: .imtMipsApps, ssoConnect: true, registered: true))
        #expect(mips.status == 409)
        #expect(try Self.json(mips)["Errors"]?.arrayValue?.first?["Code"] == "CoOwnerNotSupported")
        let refused = register(
            Self.mock(profile: .imtSpectrum, ssoConnect: true, registered: true) { $0.multiuser = false })
        #expect(refused.status == 409)
        #expect(try Self.json(refused)["Errors"]?.arrayValue?.first?["Code"] == "MultiUserOff")
    }

    @Test func `Cloud Payments V2 takes the key in both encodings and lists every missing field`() throws {
        let mock = Self.mock(registered: true)
        let token = try Self.token(mock)
        let request =
            #"{"ViewMode":"1","RemoteAuthenticationToken":"\#(token)","Customers":[{"AccountNumber":"\#(Self.account)"}]}"#
        for colon in [false, true] {
            let answer = Self.send(mock, "POST", "/cloudpaymentsapi/v2", json: request, colon: colon)
            #expect(answer.status == 200)
            #expect(try Self.json(answer)["Data"]?["CloudPaymentURL"]?.stringValue?.contains("/cloudpayments/") == true)
        }
        #expect(Self.send(mock, "POST", "/cloudpaymentsapi/v2", json: request, key: "wrong").status == 401)
        let missing = Self.send(
            mock, "POST", "/cloudpaymentsapi/v2", json: #"{"Customers":[{"Invoices":[{"BalanceDue":"12"}]}]}"#)
        #expect(missing.status == 400)
        let fields = try Self.json(missing)["Errors"]?.arrayValue?.compactMap { $0["Field"]?.stringValue } ?? []
        #expect(
            fields == [
                "ViewMode", "Customers[0].AccountNumber", "Customers[0].Invoices[0].InvoiceNumber",
                "Customers[0].Invoices[0].BalanceDue",
            ])
        let malformed = Self.send(mock, "POST", "/cloudpaymentsapi/v2", json: "{\"ViewMode\":")
        #expect(malformed.status == 400)
        #expect(try Self.json(malformed)["Errors"]?.arrayValue?.first?["Code"] == "MalformedRequest")
    }

    @Test func `a request without a token is for registered payers only; the Virtual Site takes the unregistered payer`() throws {
        let request = #"{"ViewMode":1,"CreateCustomerRecord":true,"Customers":[{"AccountNumber":"NEW-1","Name":"Sam"}]}"#
        let refused = Self.send(Self.mock(), "POST", "/cloudpaymentsapi/v2", json: request)
        #expect(refused.status == 403)
        #expect(try Self.json(refused)["Errors"]?.arrayValue?.first?["Code"] == "RegisteredPayersOnly")
        let mock = Self.mock()
        let site = mock.handle(
            MockRequest(
                method: "GET", target: "/virtualsite?BillerGUID=c09d08fb-a969-4778-bb58-b46a8e9224e7&AccountNumber=NEW-1"))
        let html = String(decoding: site.body, as: UTF8.self)
        #expect(site.status == 200)
        #expect(html.contains("City of Boulder - One Time Payment"))
        #expect(html.contains("Customer record created: NEW-1"))
        let unknown = mock.handle(MockRequest(method: "GET", target: "/virtualsite?BillerGUID=nobody&AccountNumber=NEW-1"))
        #expect(unknown.status == 404)
    }

    @Test func `with the biller option, a token-less request with CreateCustomerRecord opens the Virtual Site`() throws {
        let mock = Self.mock { $0.unregisteredCloudPayments = true }
        let answer = Self.send(
            mock, "POST", "/cloudpaymentsapi/v2",
            json: #"{"ViewMode":1,"CreateCustomerRecord":true,"Customers":[{"AccountNumber":"NEW-1","Name":"Sam"}]}"#)
        let url = try #require(try Self.json(answer)["Data"]?["CloudPaymentURL"]?.stringValue)
        #expect(url.contains("/virtualsite/"))
        let path = String(url[try #require(url.range(of: "/virtualsite/")).lowerBound...])
        let page = mock.handle(MockRequest(method: "GET", target: path))
        #expect(String(decoding: page.body, as: UTF8.self).contains("City of Boulder - One Time Payment"))
    }

    @Test func `the payment page applies the settings and invoice options, naming the one that refuses`() throws {
        let mock = Self.mock(registered: true)
        let token = try Self.token(mock)
        func page(_ settings: String, _ invoice: String) throws -> String {
            let answer = Self.send(
                mock, "POST", "/cloudpaymentsapi/v2",
                json:
                    #"{"ViewMode":1,"RemoteAuthenticationToken":"\#(token)",\#(settings)"Customers":[{"AccountNumber":"\#(Self.account)","Invoices":[{"InvoiceNumber":"INV-1",\#(invoice)}]}]}"#
            )
            let url = try #require(try Self.json(answer)["Data"]?["CloudPaymentURL"]?.stringValue)
            return String(url[try #require(url.range(of: "/cloudpayments/")).lowerBound...])
        }
        func pay(_ path: String, _ form: String) -> MockResponse {
            mock.handle(
                MockRequest(
                    method: "POST", target: path + "/pay", headers: [("Content-Type", "application/x-www-form-urlencoded")],
                    body: Array(form.utf8)))
        }
        func text(_ response: MockResponse) -> String { String(decoding: response.body, as: UTF8.self) }
        let achOnly = try page(#""AllowCCPayment":false,"#, #""BalanceDue":40.00,"ACHServiceFee":0.95"#)
        let card = pay(achOnly, "Amount=40.00&PaymentMethod=CC&CardNumber=4111111111111111")
        #expect(card.status == 403)
        #expect(text(card).contains("AllowCCPayment is false"))
        let ach = pay(achOnly, "Amount=40.00&PaymentMethod=ACH&RoutingNumber=011000015&BankAccountNumber=1234567890")
        #expect(ach.status == 200)
        #expect(text(ach).contains("<span id=\"amount\">40.95</span>, service fee <span id=\"fee\">0.95</span>"))
        let badRouting = pay(achOnly, "Amount=40.00&PaymentMethod=ACH&RoutingNumber=011000016&BankAccountNumber=1234567890")
        #expect(text(badRouting).contains("InvalidRoutingNumber"))
        let whole = try page("", #""BalanceDue":40.00,"AllowPartialPayments":false"#)
        #expect(text(pay(whole, "Amount=20.00&CardNumber=4111111111111111")).contains("PartialPaymentNotAllowed"))
        let minimum = try page("", #""BalanceDue":40.00,"MinimumAmountDue":10.00"#)
        #expect(text(pay(minimum, "Amount=9.99&CardNumber=4111111111111111")).contains("BelowMinimumAmountDue"))
        #expect(pay(minimum, "Amount=10.00&CardNumber=4111111111111111").status == 200)
    }

    @Test func `an unknown REST path is a JSON 404 and a wrong method a 405 with Allow`() throws {
        let mock = Self.mock()
        let missing = mock.handle(MockRequest(method: "GET", target: "/cloudpaymentsapi/v3"))
        #expect(missing.status == 404)
        #expect(try Self.json(missing)["Errors"]?.arrayValue?.first?["Code"] == "NotFound")
        let wrong = mock.handle(MockRequest(method: "GET", target: "/cloudpaymentsapi/v2"))
        #expect(wrong.status == 405)
        #expect(wrong.header("Allow") == "POST")
    }
}
