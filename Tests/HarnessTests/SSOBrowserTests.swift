import BifrostTesting
import Foundation
import Partners
import Synchronization
import Testing
import Wire

/// The mock IC's SSOConnect page and Cloud Payments V2 page walked in a real headless Chromium,
/// embedded in an AI portal page served from the same origin (so the page's script can read the frame).
@Suite struct SSOBrowserTests {
    static let key = "3f8c2a91-5b7e-4d60-a1c2-9e8f7d6b5a43"
    static let account = "0113135-0000095834"
    static let email = "pat@example.com"
    static let postbackPath = "/mymeter/postback"

    /// An AI biller with a registered payer, on the seed 003 sample's biller.
    static func mock() -> ICMock {
        var state = ICState(billers: [
            .init(guid: "c09d08fb-a969-4778-bb58-b46a8e9224e7", webServiceKey: "0b9d5c3e-7a2f", profile: .common)
        ])
        state.portal = ICPortalState(
            profile: .aiMyMeter, apiKey: key, siteName: "City of Boulder", clock: Date(timeIntervalSince1970: 1_727_791_200),
            customers: [
                .init(
                    accountNumber: account, name: "Pat Lee", emailAddress: email,
                    users: [.init(emailAddress: email, loginTypeID: 5)])
            ])
        return ICMock(state: state)
    }

    /// A REST call made in process, as the AI portal's server does.
    static func call(_ mock: ICMock, _ path: String, _ json: String, host: String) throws -> JSONValue {
        let answer = mock.handle(
            MockRequest(
                method: "POST", target: path,
                headers: [
                    ("Authorization", "Basic " + Data(key.utf8).base64EncodedString()), ("Content-Type", "application/json"),
                    ("Host", host),
                ],
                body: Array(json.utf8)))
        #expect(answer.status == 200, "\(path): \(String(decoding: answer.body, as: UTF8.self))")
        return try JSONParser.parse(answer.body)
    }

    /// The AI portal's page: IC's page in an iFrame, and a script that reports what the frame shows
    /// into `#found`; with `card`, it types the card on the payment page and presses Pay.
    static func portalPage(frame: String, card: String? = nil) -> String {
        let pay =
            card.map {
                "if (d.getElementById('pay-button')) { d.getElementById('card-number').value = '\($0)'; d.getElementById('pay-button').click(); return; }"
            } ?? ""
        return """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>MyMeter</title></head><body>
            <h1>MyMeter account</h1>
            <iframe id="ic" src="\(frame)" width="800" height="600"></iframe>
            <p id="found"></p>
            <script>
            document.getElementById('ic').addEventListener('load', function () {
              var d = document.getElementById('ic').contentDocument;
              \(pay)
              var page = d.getElementById('page') || d.getElementById('result') || d.getElementById('error');
              var mode = d.getElementById('view-mode');
              var signOut = d.getElementById('sign-out');
              document.getElementById('found').textContent = [page ? page.textContent : 'none', mode ? mode.textContent : '',
                signOut ? signOut.title : ''].join(' | ');
            });
            </script></body></html>
            """
    }

    /// What the test's server holds: the portal page it serves and the postbacks it received.
    final class Site: Sendable {
        let page = Mutex("")
        let postbacks = Mutex<[[(name: String, value: String)]]>([])
    }

    /// Serves the portal page at `/portal`, the postback listener, and the mock IC for every other path.
    static func serve(_ mock: ICMock, site: Site) -> MockServer.Handler {
        MockServer.Handler(
            { request in
                if request.path == "/portal" {
                    return MockResponse(
                        status: 200, headers: [("Content-Type", "text/html; charset=utf-8")],
                        body: Array(site.page.withLock { $0 }.utf8))
                }
                if request.path == postbackPath {
                    site.postbacks.withLock { $0.append(MockRequest.decodeQuery(String(decoding: request.body, as: UTF8.self))) }
                    return MockResponse(status: 200, headers: [("Content-Type", "text/plain")], body: Array("OK".utf8))
                }
                return mock.handle(request)
            }, maximumBodySize: ICMock.maximumBodySize, oversized: ICMock.oversized)
    }

    @Test
    func
        `an AI portal page shows IC's portal page inside its SSOConnect iFrame, and a CPV2 payment page posts back Approved=True`()
        async throws
    {
        let chromium = try #require(HeadlessChromium.find(), Comment(rawValue: HTMLReportBrowserTests.missing))
        let mock = Self.mock()
        let site = Site()
        try await MockHarness.withMock(Self.serve(mock, site: site)) { endpoint in
            let origin = "http://127.0.0.1:\(endpoint.port)"
            let host = "127.0.0.1:\(endpoint.port)"
            let auth = try Self.call(
                mock, "/api/v1/remoteauthentication",
                #"{"AccountNumber":"\#(Self.account)","EmailAddress":"\#(Self.email)","LoginTypeID":5}"#, host: host)
            let token = try #require(auth["Data"]?["RemoteAuthenticationToken"]?.stringValue)
            site.page.withLock {
                $0 = Self.portalPage(
                    frame:
                        "/cloudsso/connect?RemoteAuthenticationToken=\(token)&ViewMode=1&RedirectID=2&ReturnUrl=https%3A%2F%2Fmymeter.example.com%2F"
                )
            }

            let portal = try await chromium.dumpDOM(url: origin + "/portal", budget: .seconds(5))

            #expect(portal.status == 0, "chromium exited with \(portal.status):\n\(portal.log.suffix(2000))")
            #expect(
                portal.dom.contains(
                    #"<p id="found">Customer Portal Paperless Settings | iFrame | Sign out and Return to City of Boulder</p>"#),
                "the frame's page was not found in:\n\(portal.dom.prefix(3000))")

            // A second token pays on the Cloud Payments V2 page.
            let second = try Self.call(
                mock, "/api/v1/remoteauthentication",
                #"{"AccountNumber":"\#(Self.account)","EmailAddress":"\#(Self.email)","LoginTypeID":5}"#, host: host)
            let payToken = try #require(second["Data"]?["RemoteAuthenticationToken"]?.stringValue)
            let cpv2 = try Self.call(
                mock, "/cloudpaymentsapi/v2",
                #"{"PostBackURL":"\#(origin)\#(Self.postbackPath)","BillerReference":"0113135-0000095834|113135|1|16","ViewMode":"1","RemoteAuthenticationToken":"\#(payToken)","Customers":[{"AccountNumber":"\#(Self.account)","Name":"Pat Lee","Invoices":[{"InvoiceNumber":"INV-2024-10","BalanceDue":41.25}]}]}"#,
                host: host)
            let url = try #require(cpv2["Data"]?["CloudPaymentURL"]?.stringValue)
            #expect(url.hasPrefix(origin + "/cloudpayments/"))
            site.page.withLock { $0 = Self.portalPage(frame: String(url.dropFirst(origin.count)), card: "4111111111111111") }

            let paid = try await chromium.dumpDOM(url: origin + "/portal", budget: .seconds(10))

            #expect(paid.dom.contains(#"<p id="found">Approved"#), "no receipt in:\n\(paid.dom.prefix(3000))")
            let received = site.postbacks.withLock { $0 }
            #expect(received.count == 1)
            let fields = Dictionary(received.first?.map { ($0.name, $0.value) } ?? [], uniquingKeysWith: { first, _ in first })
            #expect(fields["Approved"] == "True")
            #expect(fields["PaymentAmount"] == "41.25")
            #expect(fields["InvoiceNumber"] == "INV-2024-10")
            #expect(fields["BillerReference"] == "0113135-0000095834|113135|1|16")
        }
    }
}
