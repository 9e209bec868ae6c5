import BifrostTesting
import Foundation
import Harness
import Partners
import Synchronization
import Testing
import Transport
import Wire

/// The clock of `bifrost serve ic`: it runs with the wall clock, and the admin API reads, sets and
/// advances it; RemoteAuthenticationTokens expire on it and postbacks are dated with it.
@Suite struct ICClockTests {
    static let key = "api-key-3f8c"
    static let account = "0113135-0000095834"
    static let email = "pat@example.com"

    /// A stand-in whose SSO Connect issues tokens valid for `lifetime` seconds to a registered user.
    static func standalone(lifetime: Int = 2) -> ICStandalone {
        var state = ICState(
            billers: [.init(guid: "c09d08fb-a969-4778-bb58-b46a8e9224e7", webServiceKey: "0b9d5c3e-7a2f", profile: .common)])
        state.portal = ICPortalState(
            apiKey: key, tokenLifetime: .seconds(lifetime),
            customers: [
                .init(
                    accountNumber: account, emailAddress: email,
                    users: [.init(emailAddress: email, loginTypeID: SSOProfile.aiMyMeter.loginTypeID)])
            ])
        return ICStandalone(state: state, log: { _ in })
    }

    static func send(_ standalone: ICStandalone, _ method: String, _ target: String, json: String? = nil) -> MockResponse {
        var headers = [("Authorization", "Basic " + Data(key.utf8).base64EncodedString())]
        if json != nil { headers.append(("Content-Type", "application/json")) }
        return standalone.handle(MockRequest(method: method, target: target, headers: headers, body: Array((json ?? "").utf8)))
    }

    static func token(_ standalone: ICStandalone) throws -> (token: String, expiresAt: Date) {
        let answer = send(
            standalone, "POST", "/api/v1/remoteauthentication",
            json: #"{"AccountNumber":"\#(account)","EmailAddress":"\#(email)","LoginTypeID":5}"#)
        #expect(answer.status == 200)
        let data = try JSONParser.parse(answer.body)["Data"]
        let token = try #require(data?["RemoteAuthenticationToken"]?.stringValue)
        let expires = try #require(data?["ExpiresAt"]?.stringValue.flatMap(MockClock.date))
        return (token, expires)
    }

    static func connect(_ standalone: ICStandalone, _ token: String) -> MockResponse {
        standalone.handle(
            MockRequest(
                method: "GET",
                target:
                    "/cloudsso/connect?RemoteAuthenticationToken=\(token)&ViewMode=1&RedirectID=2&ReturnUrl=https://a.example/"))
    }

    static func clock(_ standalone: ICStandalone) throws -> (now: Date, running: Bool) {
        let answer = standalone.handle(MockRequest(method: "GET", target: "/__admin/clock"))
        #expect(answer.status == 200)
        let json = try JSONParser.parse(answer.body)
        return (try #require(json["now"]?.stringValue.flatMap(MockClock.date)), try #require(json["running"]?.boolValue as Bool?))
    }

    @Test func `the stand-in's clock runs with the wall clock, so a token expires at the time it is issued plus its lifetime`()
        throws
    {
        let standalone = Self.standalone(lifetime: 600)
        let before = Date()
        let (now, running) = try Self.clock(standalone)
        #expect(running)
        #expect(abs(now.timeIntervalSince(before)) < 60)
        let (_, expires) = try Self.token(standalone)
        #expect(abs(expires.timeIntervalSince(before) - 600) < 60)
    }

    @Test func `advancing the clock past a token's lifetime expires it; a token used within it opens the page`() throws {
        let standalone = Self.standalone(lifetime: 2)
        let early = try Self.token(standalone).token
        #expect(Self.connect(standalone, early).status == 200)
        let late = try Self.token(standalone).token
        let before = try Self.clock(standalone).now
        let advance = Self.send(standalone, "POST", "/__admin/clock/advance", json: #"{"seconds": 3}"#)
        #expect(advance.status == 200)
        let after = try #require(try JSONParser.parse(advance.body)["now"]?.stringValue.flatMap(MockClock.date))
        #expect(after.timeIntervalSince(before) >= 3)
        let refused = Self.connect(standalone, late)
        #expect(refused.status == 401)
        #expect(String(decoding: refused.body, as: UTF8.self).contains("TokenExpired"))
    }

    @Test func `a clock set and stopped stays where it was set and dates tokens and postbacks`() async throws {
        let standalone = Self.standalone(lifetime: 2)
        let set = Self.send(standalone, "PUT", "/__admin/clock", json: #"{"now": "2024-11-18T11:05:28-06:00", "running": false}"#)
        #expect(set.status == 200)
        #expect(try JSONParser.parse(set.body) == .object(["now": "2024-11-18T17:05:28Z", "running": false]))
        let issued = try Self.token(standalone)
        #expect(issued.expiresAt == MockClock.date("2024-11-18T17:05:30Z"))
        let shown = try Self.clock(standalone)
        #expect(shown.now == MockClock.date("2024-11-18T17:05:28Z"))
        #expect(!shown.running)

        let postbacks = Mutex<[[(name: String, value: String)]]>([])
        try await MockHarness.withMock({ request in
            postbacks.withLock { $0.append(MockRequest.decodeQuery(String(decoding: request.body, as: UTF8.self))) }
            return MockResponse(status: 200)
        }) { listener in
            // Cloud Payments V2 is for registered payers: the request carries the session's token.
            let page = Self.send(
                standalone, "POST", "/cloudpaymentsapi/v2",
                json: #"""
                    {"ViewMode":1,"RemoteAuthenticationToken":"\#(issued.token)","PostBackURL":"\#(listener.url("/postback"))","Customers":[{"AccountNumber":"\#(Self.account)",
                    "Name":"Pat Lee","Invoices":[{"InvoiceNumber":"I-1","BalanceDue":12.00}]}]}
                    """#)
            #expect(page.status == 200, "\(String(decoding: page.body, as: UTF8.self))")
            let url = try #require(try JSONParser.parse(page.body)["Data"]?["CloudPaymentURL"]?.stringValue)
            let path = String(url[try #require(url.range(of: "/cloudpayments/")).lowerBound...])
            // The payment waits for its postback: off the cooperative pool, which serves the listener (as a server does).
            let pay = MockRequest(
                method: "POST", target: path + "/pay", headers: [("Content-Type", "application/x-www-form-urlencoded")],
                body: Array("Amount=12.00&CardNumber=4111111111111111".utf8))
            let paid = await BlockingPool.run { standalone.handle(pay) }
            #expect(paid.status == 200)
        }
        let fields = try #require(postbacks.withLock { $0.first })
        // The biller's zone is America/New_York: 17:05:28Z is 12:05:28 EST.
        #expect(fields.first { $0.name == "PaymentDate" }?.value == "11/18/2024 12:05:28")
    }

    @Test func `clock requests the admin API cannot read are 400 error documents naming the member`() throws {
        let standalone = Self.standalone()
        let cases: [(String, String, String)] = [
            ("PUT", #"{"now": "2024-11-18T17:05:28"}"#, "/now"),
            ("PUT", #"{"now": "2024-11-18T17:05:28Z", "running": "no"}"#, "/running"),
            ("PUT", #"{"now": "2024-11-18T17:05:28Z", "frozen": true}"#, "/frozen"),
            ("PUT", "now: 2024", ""),
            ("POST", #"{"seconds": -5}"#, "/seconds"),
            ("POST", #"{"seconds": 1.5}"#, "/seconds"),
            ("POST", #"{}"#, "/seconds"),
        ]
        let before = try Self.clock(standalone)
        for (method, body, pointer) in cases {
            let target = method == "PUT" ? "/__admin/clock" : "/__admin/clock/advance"
            let answer = Self.send(standalone, method, target, json: body)
            #expect(answer.status == 400, "\(method) \(body)")
            let error = try JSONParser.parse(answer.body)["errors"]?.arrayValue?.first
            #expect(error?["source"]?["pointer"]?.stringValue == pointer, "\(body)")
        }
        let after = try Self.clock(standalone)
        #expect(after.running == before.running)
        #expect(after.now.timeIntervalSince(before.now) < 60)
    }

    @Test func `a running clock moves with the wall clock and a stopped one does not`() {
        let wall = Mutex(Date(timeIntervalSince1970: 1_000_000))
        let read: @Sendable () -> Date = { wall.withLock { $0 } }
        let running = MockClock.running(from: Date(timeIntervalSince1970: 0), wall: read)
        let stopped = MockClock.stopped(at: Date(timeIntervalSince1970: 0), wall: read)
        wall.withLock { $0 += 10 }
        #expect(running.now == Date(timeIntervalSince1970: 10))
        #expect(stopped.now == Date(timeIntervalSince1970: 0))
        running.advance(by: 5)
        stopped.advance(by: 5)
        #expect(running.now == Date(timeIntervalSince1970: 15))
        #expect(stopped.now == Date(timeIntervalSince1970: 5))
        stopped.set(Date(timeIntervalSince1970: 100), running: true)
        wall.withLock { $0 += 1 }
        #expect(stopped.now == Date(timeIntervalSince1970: 101))
        #expect(stopped.isRunning)
        #expect(MockClock.text(Date(timeIntervalSince1970: 0.25)) == "1970-01-01T00:00:00.250Z")
        #expect(MockClock.date("2024-11-18T11:05:28.250-06:00") == Date(timeIntervalSince1970: 1_731_949_528.25))
        #expect(MockClock.date("2024-11-18") == nil)
    }
}
