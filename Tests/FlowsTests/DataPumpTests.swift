import BifrostTesting
import Flows
import Partners
import Testing
import Wire

/// DataPump, PDF linking and the settings rules, against a live mock IMT where a call is made.
@Suite struct DataPumpTests {
    @Test(arguments: [
        ("JESSICA SMITH", "JESSICA", "SMITH"),
        ("JESSICA ANN SMITH", "JESSICA", "ANN SMITH"),
        ("SMITH, JESSICA ANN", "JESSICA ANN", "SMITH"),
        ("  JESSICA    SMITH  ", "JESSICA", "SMITH"),
        ("ACME", "", "ACME"),
        ("", "", ""),
    ])
    func `CustomerName splits into first and last names`(name: String, first: String, last: String) {
        let split = PayerName.split(name)
        #expect(split.first == first)
        #expect(split.last == last)
    }

    static func payment(message: String = "A1B2C3D4 APPROVED", fee: String = "3.95") -> ICPayment {
        ICPayment(
            billerID: "2984", paymentID: "771204", accountNumber: "20240903", method: .creditCard,
            paymentAmount: Money(parsing: "128.95")!, convenienceFee: Money(parsing: fee)!, paymentMessage: message,
            customerName: "JESSICA SMITH")
    }

    @Test func `the post subtracts the fee in decimal, keeps 8 characters of the message and joins the ids`() {
        let post = Self.payment().post
        #expect(post.billAmountPaid.description == "125.00")
        #expect(post.totalPaid.description == "128.95")
        #expect(post.approvalCode == "A1B2C3D4")
        #expect(post.transactionID == "2984&771204")
        #expect(Self.payment(message: "OK1").post.approvalCode == "OK1")
        #expect(post.attributes["interest_paid"] == "0")
        #expect(post.attributes["site_fee"] == "0.00")
        #expect(post.attributes["sort"] == "")
        #expect(post.attributes.objectValue?.count == 20)
    }

    @Test func `the settings rules name each broken setting`() {
        let urls: [Int: String] = [88: "http://a/sessions/", 8: "http://a/", 11: "http://a/", 20: "http://a/"]
        #expect(AdvancedSettings(urls).problems().isEmpty)
        let flags = AdvancedSettings(urls.merging([131: #"{"RTDRConfig": {"UpdateBlockedFlags": true}}"#]) { $1 })
        #expect(flags.problems().map(\.id) == [131])
        let multi = AdvancedSettings(urls.merging([81: "MULTIENVIRONMENT", 8: "http://a/|http://b/"]) { $1 })
        #expect(multi.problems().map(\.id) == [11, 20])
        let split = AdvancedSettings(urls.merging([11: "http://a/|http://b/", 105: "2"]) { $1 })
        #expect(split.problems().map(\.id) == [11, 105])
    }

    @Test func `InvoiceTypeID picks the environment only under MULTIENVIRONMENT`() throws {
        let routing = EnvironmentRouting(["252": 0, "253": 1])
        #expect(try routing.environment(for: "253", settings: AdvancedSettings()) == 0)
        let multi = AdvancedSettings([81: "MULTIENVIRONMENT"])
        #expect(try routing.environment(for: "253", settings: multi) == 1)
        #expect(throws: SettingsError.self) { try routing.environment(for: "999", settings: multi) }
    }

    @Test func `without an InvoiceTypeID the account's last environment is used, and none is a settings error`() throws {
        let routing = EnvironmentRouting(["252": 0, "253": 1])
        let multi = AdvancedSettings([81: "MULTIENVIRONMENT"])
        #expect(try routing.environment(for: nil, account: "20240903", lastSeen: 1, settings: multi) == 1)
        #expect(try routing.environment(for: "252", account: "20240903", lastSeen: 1, settings: multi) == 0)
        #expect(try routing.environment(for: nil, account: "20240903", settings: AdvancedSettings()) == 0)
        #expect(throws: SettingsError.self) { try routing.environment(for: nil, account: "20240903", settings: multi) }
    }

    @Test func `under MULTIENVIRONMENT 14 and 17 may hold one URL or two, never three`() {
        let urls: [Int: String] = [
            81: "MULTIENVIRONMENT", 88: "http://a/sessions/", 8: "http://a/|http://b/", 11: "http://a/|http://b/",
            20: "http://a/|http://b/", 14: "http://a/", 17: "http://a/|http://b/",
        ]
        #expect(AdvancedSettings(urls).problems().isEmpty)
        let three = AdvancedSettings(urls.merging([14: "http://a/|http://b/|http://c/"]) { $1 })
        #expect(three.problems().map(\.id) == [14])
    }

    @Test func `an enrollment after a call answered from the second IMT goes to the second IMT`() async throws {
        let mock = IMTMock(state: SampleState.imt())
        let accounts = AccountEnvironments()
        accounts.record("20240903", environment: 1)
        let result = try await MockHarness.withIMT(mock) { imt in
            var settings = imt.settings(services: [.paperless])
            settings[81] = "MULTIENVIRONMENT"
            settings[88] = "http://127.0.0.1:9/sessions/|" + settings[88]!
            settings[14] = "http://127.0.0.1:9/|" + settings[14]!
            for id in [8, 11, 20] { settings[id] = "http://127.0.0.1:9/|http://127.0.0.1:9/" }
            let caller = IMTCaller(settings: AdvancedSettings(settings), client: imt.http.client, accounts: accounts)
            return await DataPump(caller).enroll(account: "20240903", .paperless(true))
        }
        #expect(result.environment == 1)
        #expect(try result.outcome.get().reference == "paperless=true")
    }

    /// Runs `body` against a mock IMT with one policy and a bill, settings for every service.
    func withMock<T: Sendable>(
        faults: [Fault] = [], bill: String = "%PDF-1.7\nx", body: (DataPump, PDFLinking) async -> T
    ) async throws -> (T, IMTMock) {
        let mock = IMTMock(state: SampleState.imt(bills: [SampleState.account: Array(bill.utf8)], faults: faults))
        let value = try await MockHarness.withIMT(mock) { imt in
            let caller = imt.caller(imt.settings(services: IMTService.allCases))
            return await body(DataPump(caller), PDFLinking(caller))
        }
        return (value, mock)
    }

    @Test func `a payment IMT answers 500 fails once, is not retried, and the session is closed`() async throws {
        let (result, mock) = try await withMock(faults: [Fault(method: "POST", path: "/payments/", effect: .status(500))]) {
            dataPump, _ in await dataPump.post(Self.payment())
        }
        guard case .failure(let failure) = result.outcome else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.stage == .payment)
        #expect(failure.status == 500)
        #expect(result.closing == .closed)
        let posts = mock.journal.json.arrayValue?.filter {
            $0["request"]?["method"] == "POST" && $0["request"]?["path"]?.stringValue?.hasSuffix("/payments/") == true
        }
        #expect(posts?.count == 1)
        #expect(mock.openSessions == 0)
    }

    @Test func `a dropped answer is a transport failure though IMT stored the payment`() async throws {
        let (result, mock) = try await withMock(faults: [Fault(method: "POST", path: "/payments/", effect: .drop)]) {
            dataPump, _ in await dataPump.post(Self.payment())
        }
        guard case .failure(let failure) = result.outcome else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.kind == .transport)
        #expect(mock.stateJSON["payments"]?.arrayValue?.count == 1)
    }

    @Test func `enrollment PATCHes the policy's settings`() async throws {
        let (result, mock) = try await withMock { dataPump, _ in await dataPump.enroll(account: "20240903", .paperless(true)) }
        #expect(try result.outcome.get().reference == "paperless=true")
        #expect(mock.stateJSON["policy_settings"]?.arrayValue?.first?["attributes"]?["paperless"] == true)
    }

    @Test func `PDF linking returns the bill, and refuses a body that is not a PDF`() async throws {
        let (bill, _) = try await withMock { _, pdf in await pdf.fetch(account: "20240903") }
        #expect(try bill.outcome.get().version == "%PDF-1.7")
        let (html, _) = try await withMock(bill: "<html>") { _, pdf in await pdf.fetch(account: "20240903") }
        guard case .failure(let failure) = html.outcome else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.kind == .invalidResponse)
        #expect(html.closing == .closed)
    }
}
