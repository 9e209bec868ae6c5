import Foundation
import Transport
import Wire

/// RTDR as IC performs it (seed 000, "RTDR: Balance Update" and "Data Flow - Adjustments").
///
/// Open a session (setting 88, with 9 and 10), `GET payments-due/?filter[policy_number]=`
/// on the data API (setting 8), read `current_due`, map `payment_types` to the block
/// flags when setting 131 says `UpdateBlockedFlags: true`, and close the session.
///
/// Records: the collection may hold several resources; only those whose
/// `policy_number` equals the account count. None is a `not-found` failure; more
/// than one is an `ambiguous` failure: IC cannot tell which balance is right, so it
/// shows none rather than a wrong one.
///
/// ```swift
/// let result = await RTDR(IMTCaller(settings: settings, client: HTTPClient())).run(account: "20240903")
/// ```
public struct RTDR: Sendable {
    public var caller: IMTCaller

    public init(_ caller: IMTCaller) { self.caller = caller }

    /// Retrieves the account's balance; never throws, every failure is in the result.
    /// `invoiceTypeID` picks the IMT instance under setting 81 `MULTIENVIRONMENT`; without one,
    /// the instance that last answered for the account does, and an answer records it.
    public func run(account: String, invoiceTypeID: String? = nil) async -> RTDRResult {
        let connection: IMTConnection
        let updateFlags: Bool
        let environment: Int
        do {
            environment = try caller.routing.environment(
                for: invoiceTypeID, account: account, lastSeen: caller.accounts.environment(of: account),
                settings: caller.settings)
            connection = try IMTConnection(.rtdr, settings: caller.settings, environment: environment, client: caller.client)
            updateFlags = try caller.settings.updateBlockedFlags()
        } catch {
            let failure = IMTFailure(stage: .configuration, kind: .configuration, message: error.description)
            return RTDRResult(account: account, outcome: .failed(failure), closing: nil)
        }
        let opened = await IMTSession.with(connection) { session in
            await fetch(account: account, session: session, updateFlags: updateFlags)
        }
        switch opened {
        case .success(let (outcome, closing)):
            if case .failed = outcome {
            } else if caller.settings.isMultiEnvironment {
                caller.accounts.record(account, environment: environment)
            }
            return RTDRResult(account: account, outcome: outcome, closing: closing)
        case .failure(let failure):
            return RTDRResult(account: account, outcome: .failed(failure), closing: nil)
        }
    }

    func fetch(account: String, session: IMTSession, updateFlags: Bool) async -> RTDRResult.Outcome {
        let filter = account.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? account
        let response: ClientResponse
        switch await session.send(.paymentsDue, method: "GET", path: "payments-due/?filter%5Bpolicy_number%5D=" + filter) {
        case .success(let r): response = r
        case .failure(let failure): return .failed(failure)
        }
        func invalid(_ message: String) -> RTDRResult.Outcome {
            .failed(.init(stage: .paymentsDue, kind: .invalidResponse, status: response.status, message: message))
        }
        let records: [PaymentsDue]
        do {
            let document = try JSONParser.parse(response.body)
            let resources = try JSONAPIDocument.collection(in: document)
            records = try resources.enumerated().map { (i, resource) throws(JSONAPIDocument.Violation) in
                try PaymentsDue(resource: resource, at: "/data/\(i)")
            }
        } catch let error as JSONParser.SyntaxError {
            return invalid("malformed JSON at \(error)")
        } catch let error as JSONAPIDocument.Violation {
            return invalid(error.description)
        } catch {
            return invalid("\(error)")
        }
        let matching = records.filter { $0.policyNumber == account }
        guard let record = matching.first else {
            return .failed(
                .init(
                    stage: .paymentsDue, kind: .notFound, status: response.status,
                    message: "no payments-due record for policy \(account)"))
        }
        guard matching.count == 1 else {
            return .failed(
                .init(
                    stage: .paymentsDue, kind: .ambiguous, status: response.status,
                    message:
                        "\(matching.count) payments-due records for policy \(account) (ids \(matching.map(\.id).joined(separator: ", ")))"
                ))
        }
        guard updateFlags else { return .updated(balance: record.currentDue, blockFlags: nil) }
        var flags = Self.blockFlags(record.paymentTypes)
        flags.readOnly = caller.settings[32]?.lowercased() == "true"
        return .updated(balance: record.currentDue, blockFlags: flags)
    }

    /// Seed 000 (INT-12326): a method IMT leaves out of `payment_types` is blocked.
    /// `[]` blocks both, `["ACH"]` blocks CC, `["CC"]` blocks ACH, `["ACH", "CC"]` blocks neither.
    /// Names compare exactly; other names are ignored.
    public static func blockFlags(_ paymentTypes: [String]) -> RTDRResult.BlockFlags {
        .init(creditCard: !paymentTypes.contains("CC"), ach: !paymentTypes.contains("ACH"))
    }
}
