import BifrostTesting
import Certification
import Flows
import Foundation
import Partners
import Transport
import Wire

/// Runs `certify imt` against a mock IMT on loopback, optionally through a deviation that changes its answers.
enum CertifyHarness {
    static let password = "cert-known-pw-7c1d"

    /// A mock state: the sample user with `password`, the seed's policy, its bill.
    static func state() -> IMTState {
        var state = SampleState.imt(
            paymentTypes: ["ACH", "CC"], bills: [SampleState.account: MinimalPDF.document(lines: ["bill"])])
        state.users = [SampleState.username: password]
        // The strictest IMT the seeds allow: a repeated transaction_id is refused (IMT-DP-012 recommends it).
        state.refuse = ["duplicate-transaction"]
        return state
    }

    /// Changes the mock's answer to one request: the deviation under test.
    typealias Deviation = @Sendable (MockRequest, _ answer: () -> MockResponse) -> MockResponse

    static let faithful: Deviation = { _, answer in answer() }

    /// Certifies a mock IMT seen through `deviation`; returns the report and the mock (its journal).
    static func run(
        state: IMTState = state(), allowWrites: Bool = true, declaration: IMTDeclaration = .everything,
        expected: ExpectedFailures = .init(), transport: HTTPClient.Configuration = IMTCertification.defaultTransport,
        deviation: @escaping Deviation = faithful
    ) async throws -> (report: CertificationReport, mock: IMTMock) {
        let mock = IMTMock(state: state)
        let handle = mock.handle
        let report = try await MockHarness.withMock(
            maximumBodySize: IMTMock.maximumBodySize,
            { request in
                deviation(request) { handle(request) }
            }
        ) { endpoint in
            var options = IMTCertification.Options(
                authURL: endpoint.url(mock.authPath), apiURL: endpoint.url(mock.apiPath), username: SampleState.username,
                password: password, account: SampleState.account)
            options.allowWrites = allowWrites
            options.declaration = declaration
            options.expectedFailures = expected
            options.transport = transport
            options.toolVersion = "test"
            return await IMTCertification(options).run()
        }
        return (report, mock)
    }

    /// The ids of the checks that did not pass or skip: failures and warnings.
    static func notPassed(_ report: CertificationReport) -> [String] {
        report.results.filter { $0.verdict == .fail || $0.verdict == .warn }.map(\.check.id)
    }

    static func verdicts(_ report: CertificationReport) -> [String: CheckVerdict] {
        Dictionary(uniqueKeysWithValues: report.results.map { ($0.check.id, $0.verdict) })
    }

    /// The mock's journal as (method, path) pairs.
    static func requests(_ mock: IMTMock) -> [(method: String, path: String)] {
        (mock.journal.json.arrayValue ?? []).map {
            ($0["request"]?["method"]?.stringValue ?? "", $0["request"]?["path"]?.stringValue ?? "")
        }
    }

    /// `request` is `method` on a path ending with `suffix` (query aside).
    static func matches(_ request: MockRequest, _ method: String, _ suffix: String) -> Bool {
        request.method == method && request.path.hasSuffix(suffix)
    }

    /// A JSON body changed by `change`; other bodies as they are.
    static func rewriting(_ response: MockResponse, _ change: (JSONValue) -> JSONValue) -> MockResponse {
        guard let document = try? JSONParser.parse(response.body) else { return response }
        var changed = response
        changed.body = Array(change(document).compactText.utf8)
        changed.headers.removeAll { $0.name.lowercased() == "content-length" }
        return changed
    }

    /// The first payments-due resource's attributes changed by `change`.
    static func rewritingRecord(_ response: MockResponse, _ change: @escaping (JSONValue) -> JSONValue) -> MockResponse {
        rewriting(response) { document in
            guard var list = document["data"]?.arrayValue, let first = list.first, let attributes = first["attributes"] else {
                return document
            }
            list[0] = first.setting("attributes", to: change(attributes))
            return document.setting("data", to: .array(list))
        }
    }
}
