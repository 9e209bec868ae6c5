import Foundation
import Partners
import Testing
import Wire

/// The ids a mock issues in a scenario run: derived, the same on every run; secrets random all the same.
@Suite struct MockIDsTests {
    /// Asks for `count` tokens and opens a payment page with each; their ids in order.
    func issue(_ mock: ICMock, _ count: Int) throws -> (pages: [String], tokens: [String]) {
        var pages: [String] = []
        var tokens: [String] = []
        for _ in 0..<count {
            let token = try ICRESTTests.token(mock)
            let page = try ICRESTTests.json(
                ICRESTTests.send(
                    mock, "POST", "/cloudpaymentsapi/v2",
                    json:
                        #"{"ViewMode":"1","RemoteAuthenticationToken":"\#(token)","Customers":[{"AccountNumber":"\#(ICRESTTests.account)"}]}"#
                ))
            pages.append(String(try #require(page["Data"]?["CloudPaymentURL"]?.stringValue?.split(separator: "/").last)))
            tokens.append(token)
        }
        return (pages, tokens)
    }

    /// The mock of `ICRESTTests` with derived ids, as a scenario run has it.
    func derivedMock() -> ICMock { ICRESTTests.mock(registered: true, ids: .derived) }

    @Test func `derived ids are the same on every run of a scenario and count nothing a client could read`() throws {
        let first = try issue(derivedMock(), 5)
        let second = try issue(derivedMock(), 5)
        #expect(first.pages == second.pages)
        #expect(Set(first.pages).count == 5)
        for (a, b) in zip(first.pages, first.pages.dropFirst()) { #expect(a.commonPrefix(with: b).count < 8) }
        // Derived from the scenario's clock, the kind and the count, as the golden files were written.
        // The first page is the second id issued: the token before it counts.
        let name = "page|\(Date(timeIntervalSince1970: 1_727_700_000).timeIntervalSince1970)|2"
        #expect(first.pages.first == MockIDs.guid(Array(SHA256.hash(SHA256.hash(Array(name.utf8))).prefix(16))))
        // Tokens are secrets: random even in a scenario, and they leave the ids after them as they were.
        #expect(Set(first.tokens + second.tokens).count == 10)
    }

    @Test func `random ids differ from one mock to the next`() throws {
        let a = try issue(ICRESTTests.mock(registered: true), 2)
        let b = try issue(ICRESTTests.mock(registered: true), 2)
        #expect(Set(a.pages + b.pages).count == 4)
    }

    @Test func `a GUID-shaped id spells its 16 bytes as 8-4-4-4-12 hex digits`() {
        let bytes: [UInt8] = Array(0..<16)
        #expect(MockIDs.guid(bytes) == "00010203-0405-0607-0809-0a0b0c0d0e0f")
        #expect(MockIDs.hex(bytes) == "000102030405060708090a0b0c0d0e0f")
        #expect(MockIDs.secret().count == 32)
    }
}
