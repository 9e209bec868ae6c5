import BifrostTesting
import Foundation
import Harness
import Partners
import Testing
import Wire

/// What `bifrost serve imt|ic` hands out that a client could otherwise guess: sessions, tokens, payment pages.
@Suite struct ServeSecretsTests {
    static let account = "0113135-0000095834"
    static let email = "pat@example.com"
    static let apiKey = "api-key-3f8c"

    /// The 128 bits of a 32-hex-digit id (GUID dashes ignored); nil for anything else.
    static func bits(_ id: String) -> [Bool]? {
        let hex = Array("0123456789abcdef".utf8)
        let digits = id.utf8.filter { $0 != UInt8(ascii: "-") }.map { hex.firstIndex(of: $0) }
        guard digits.count == 32 else { return nil }
        var bits: [Bool] = []
        for digit in digits {
            guard let digit else { return nil }
            bits += (0..<4).map { digit >> (3 - $0) & 1 == 1 }
        }
        return bits
    }

    /// Checks that `ids` look like 128 independent random bits each: all distinct, no two in a row
    /// sharing a prefix (a counter's suffix), every bit position seen both set and clear, about half set.
    static func expectRandom(_ ids: [String]) {
        #expect(Set(ids).count == ids.count)
        let bits = ids.compactMap(Self.bits)
        #expect(bits.count == ids.count, "each id is 32 lowercase hex digits: \(ids.prefix(2))")
        for (a, b) in zip(ids, ids.dropFirst()) {
            #expect(a.commonPrefix(with: b).count < 8, "\(a) and \(b) differ only at the end")
        }
        for position in 0..<128 {
            #expect(Set(bits.map { $0[position] }).count == 2, "bit \(position) never changes")
        }
        // 100 ids: 12,800 bits, 6,400 expected set, a standard deviation of about 57.
        let set = bits.joined().filter { $0 }.count
        let expected = bits.count * 64
        #expect(abs(set - expected) < bits.count * 4, "\(set) bits set of \(bits.count * 128)")
    }

    @Test func `the mock IMT's session cookies are 128 random bits each, nothing counted`() throws {
        let standalone = IMTStandalone(state: IMTState(users: [SampleState.username: SampleState.password]), log: { _ in })
        var ids: [String] = []
        for _ in 0..<100 {
            let answer = standalone.handle(SampleRequest.imtLogin())
            #expect(answer.status == 201)
            let cookie = try #require(answer.header("Set-Cookie"))
            let value = try #require(cookie.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last)
            ids.append(String(value))
        }
        Self.expectRandom(ids)
        #expect(standalone.mock.openSessions == 100)
    }

    /// A stand-in IC whose portal knows one registered payer.
    static func ic() -> ICStandalone {
        var state = ICState()
        state.portal = ICPortalState(
            profile: .aiMyMeter, apiKey: apiKey, siteName: "City of Boulder",
            customers: [
                .init(
                    accountNumber: account, name: "Pat Lee", emailAddress: email,
                    users: [.init(emailAddress: email, loginTypeID: 5)])
            ])
        return ICStandalone(state: state, log: { _ in })
    }

    static func post(_ ic: ICStandalone, _ target: String, _ json: String) throws -> JSONValue {
        let headers = [
            ("Authorization", "Basic " + Data(apiKey.utf8).base64EncodedString()), ("Content-Type", "application/json"),
        ]
        let answer = ic.handle(MockRequest(method: "POST", target: target, headers: headers, body: Array(json.utf8)))
        #expect(answer.status == 200)
        return try JSONParser.parse(answer.body)
    }

    @Test func `the mock IC's tokens and payment pages are 128 random bits each, nothing counted`() throws {
        let ic = Self.ic()
        var tokens: [String] = []
        var pages: [String] = []
        for _ in 0..<100 {
            let token = try Self.post(
                ic, "/api/v1/remoteauthentication",
                #"{"AccountNumber":"\#(Self.account)","EmailAddress":"\#(Self.email)","LoginTypeID":5}"#)
            tokens.append(try #require(token["Data"]?["RemoteAuthenticationToken"]?.stringValue))
            let page = try Self.post(
                ic, "/cloudpaymentsapi/v2",
                #"{"ViewMode":"1","RemoteAuthenticationToken":"\#(tokens.last ?? "")","Customers":[{"AccountNumber":"\#(Self.account)"}]}"#
            )
            let url = try #require(page["Data"]?["CloudPaymentURL"]?.stringValue)
            pages.append(String(try #require(url.split(separator: "/").last)))
        }
        Self.expectRandom(tokens)
        Self.expectRandom(pages)
    }
}
