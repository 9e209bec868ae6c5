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
        profile: SSOProfile = .aiMyMeter, ssoConnect: Bool? = nil, registered: Bool = false, ids: MockIDs = .random
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

    @Test func `registering then authenticating gives a token that opens the page once`() throws {
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
        #expect(again.status == 401)
        #expect(String(decoding: again.body, as: UTF8.self).contains("TokenUsed"))
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

    @Test func `a RedirectID or ViewMode outside the profile is refused naming its list`() throws {
        let mock = Self.mock(registered: true)
        let token = try Self.token(mock)
        let page = mock.handle(
            MockRequest(method: "GET", target: "/cloudsso/connect?RemoteAuthenticationToken=\(token)&ViewMode=1&RedirectID=11"))
        #expect(page.status == 400)
        #expect(String(decoding: page.body, as: UTF8.self).contains("it uses 1 (Customer Portal Recent Bill Listing)"))
        let mode = mock.handle(
            MockRequest(method: "GET", target: "/cloudsso/connect?RemoteAuthenticationToken=\(token)&ViewMode=0&RedirectID=1"))
        #expect(String(decoding: mode.body, as: UTF8.self).contains("ViewMode 0 is not one profile ai-mymeter uses"))
    }

    @Test func `a wrong LoginTypeID and an IMT biller without SSO Connect are refused`() throws {
        let ai = Self.mock(registered: true)
        let wrong = Self.send(
            ai, "POST", "/api/v1/remoteauthentication",
            json: #"{"AccountNumber":"\#(Self.account)","EmailAddress":"\#(Self.email)","LoginTypeID":1}"#)
        #expect(wrong.status == 400)
        #expect(try Self.json(wrong)["Errors"]?.arrayValue?.first?["Code"] == "WrongLoginType")
        let imt = Self.mock(profile: .imtSpectrum, registered: true)
        #expect(Self.send(imt, "GET", "/api/v1/remoteauthentication/users?AccountNumber=\(Self.account)").status == 403)
        let optedIn = Self.mock(profile: .imtSpectrum, ssoConnect: true, registered: true)
        #expect(Self.send(optedIn, "GET", "/api/v1/remoteauthentication/users?AccountNumber=\(Self.account)").status == 200)
    }

    @Test func `Cloud Payments V2 takes the key in both encodings and lists every missing field`() throws {
        let mock = Self.mock(registered: true)
        let request = #"{"ViewMode":"1","Customers":[{"AccountNumber":"\#(Self.account)"}]}"#
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

    @Test func `an unregistered payer's request with CreateCustomerRecord opens the Virtual Site`() throws {
        let mock = Self.mock()
        let answer = Self.send(
            mock, "POST", "/cloudpaymentsapi/v2",
            json: #"{"ViewMode":1,"CreateCustomerRecord":true,"Customers":[{"AccountNumber":"NEW-1","Name":"Sam"}]}"#)
        let url = try #require(try Self.json(answer)["Data"]?["CloudPaymentURL"]?.stringValue)
        #expect(url.contains("/virtualsite/"))
        let path = String(url[try #require(url.range(of: "/virtualsite/")).lowerBound...])
        let page = mock.handle(MockRequest(method: "GET", target: path))
        #expect(String(decoding: page.body, as: UTF8.self).contains("City of Boulder - One Time Payment"))
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
