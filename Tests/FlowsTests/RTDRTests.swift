import BifrostTesting
import Flows
import Partners
import Testing
import Wire

/// RTDR through libcurl against a live mock IMT.
@Suite struct RTDRTests {
    static let account = SampleState.account

    /// Runs RTDR for the account against a mock holding one policy with `paymentTypes`.
    func rtdr(
        paymentTypes: [String] = ["CC"], setting131: String? = #"{"RTDRConfig": {"UpdateBlockedFlags": true}}"#,
        password: String = SampleState.password, faults: [Fault] = []
    ) async throws -> (RTDRResult, IMTMock) {
        let mock = IMTMock(state: SampleState.imt(paymentTypes: paymentTypes, faults: faults))
        let result = try await MockHarness.withIMT(mock) { imt in
            var values = imt.settings(password: password)
            values[131] = setting131
            if setting131?.contains("true") == true { values[32] = "true" }
            return await RTDR(imt.caller(values)).run(account: Self.account)
        }
        return (result, mock)
    }

    @Test(arguments: [
        ([String](), true, true), (["ACH"], true, false), (["CC"], false, true), (["ACH", "CC"], false, false),
    ])
    func `payment_types maps to the block flags as the seed's four cases say`(
        types: [String], blockCC: Bool, blockACH: Bool
    ) async throws {
        let (result, mock) = try await rtdr(paymentTypes: types)
        #expect(
            result.outcome
                == .updated(
                    balance: Money(parsing: "1675.00")!, blockFlags: .init(creditCard: blockCC, ach: blockACH, readOnly: true))
        )
        #expect(result.closing == .closed)
        #expect(mock.openSessions == 0)
    }

    @Test(arguments: [#"{"RTDRConfig": {"UpdateBlockedFlags": false}}"#, nil])
    func `the flags are left alone when setting 131 is false or absent`(setting: String?) async throws {
        let (result, _) = try await rtdr(paymentTypes: [], setting131: setting)
        #expect(result.outcome == .updated(balance: Money(parsing: "1675.00")!, blockFlags: nil))
    }

    @Test func `a refused login is an authentication failure and nothing else is called`() async throws {
        let (result, mock) = try await rtdr(password: "wrong")
        guard case .failed(let failure) = result.outcome else { Issue.record("expected a failure"); return }
        #expect(failure.stage == .openSession)
        #expect(failure.kind == .authentication)
        #expect(failure.status == 401)
        #expect(result.closing == nil)
        #expect(mock.journal.count == 1)
    }

    @Test func `a failing payments-due still closes the session`() async throws {
        let (result, mock) = try await rtdr(faults: [Fault(method: "GET", path: "/payments-due/", effect: .status(500))])
        guard case .failed(let failure) = result.outcome else { Issue.record("expected a failure"); return }
        #expect(failure.kind == .httpStatus)
        #expect(failure.status == 500)
        #expect(result.closing == .closed)
        #expect(mock.openSessions == 0)
        #expect(mock.journal.count == 3)
    }

    @Test func `a malformed setting 131 fails before any call`() async throws {
        let (result, mock) = try await rtdr(setting131: "{not json")
        guard case .failed(let failure) = result.outcome else { Issue.record("expected a failure"); return }
        #expect(failure.kind == .configuration)
        #expect(mock.journal.count == 0)
    }

    @Test func `a failed close is reported without hiding the balance`() async throws {
        let (result, _) = try await rtdr(faults: [Fault(method: "DELETE", path: "/sessions/icuser", effect: .status(503))])
        #expect(
            result.outcome
                == .updated(balance: Money(parsing: "1675.00")!, blockFlags: .init(creditCard: false, ach: true, readOnly: true)))
        guard case .failed(let failure)? = result.closing else { Issue.record("expected a failed close"); return }
        #expect(failure.stage == .closeSession)
        #expect(failure.status == 503)
    }
}
