import BifrostTesting
import Foundation
import Partners
import Support
import Testing
import Wire

@testable import Harness

/// Near misses where a person reads them: a failed scenario's report, fault routes refused at load and by the admin API.
@Suite struct NearMissReportingTests {
    func loadErrors(_ text: String) throws -> [InputError] {
        let folder = try TemporaryFolder("near-miss")
        defer { folder.remove() }
        do {
            _ = try ScenarioLoader.load(file: try folder.write(text, to: "case.yaml"), suiteRoot: folder.path)
            return []
        } catch let errors as InputErrors {
            return errors.errors
        }
    }

    static let scenario = """
        name: typo
        profile: imt-mips-apps
        clock: 2024-11-18T17:05:28Z
        settings: {88: "{imt.auth}/sessions/", 8: "{imt.api}/", 9: u, 10: pass-word}
        imt:
          users: {u: pass-word}
          faults:
            - {route: "GET /payments-due/", status: 500, times: 1}
        steps:
          - imt-request: {method: GET, path: "payment-due/"}

        """

    @Test func `an IMT fault naming no route is refused at its route, with the closest and every known route`() throws {
        let text = Self.scenario.replacingOccurrences(of: "GET /payments-due/", with: "POST /payment/")
        let error = try #require(try loadErrors(text).first)
        #expect((error.line, error.column) == (8, 15))
        #expect(
            error.message.hasPrefix(
                "the mock IMT has no route POST /payment/ (closest: POST /payments/); a fault's route is one of "))
        #expect(error.message.hasSuffix(IMTMock.routes.names.joined(separator: ", ")))
        #expect(try loadErrors(Self.scenario).isEmpty)
    }

    @Test func `an IC fault naming no operation is refused at its route, with the closest and every known route`() throws {
        let text = """
            name: ic
            profile: imt-spectrum
            clock: 2024-11-18T17:05:28Z
            ic:
              billers: [{guid: g-1, key: k-1, profile: imt-spectrum}]
              faults:
                - route: "POST /CloudInvoicing.asmx/PaymentReportingSOP"
                  status: 503
            steps:
              - ic-report: {operation: PaymentReportingSOAP, from: "2024-09-03T00:00:00Z", to: "2024-09-04T00:00:00Z"}

            """
        let error = try #require(try loadErrors(text).first)
        #expect((error.line, error.column) == (7, 14))
        #expect(
            error.message.hasPrefix(
                "the mock IC has no route POST /CloudInvoicing.asmx/PaymentReportingSOP (closest: POST /CloudInvoicing.asmx/PaymentReportingSOAP)"
            ))
        #expect(error.message.hasSuffix(ICMock.routes.names.joined(separator: ", ")))
    }

    @Test func `POST /__admin/faults refuses a route the mock does not have with 400, naming the known routes`() throws {
        let imt = IMTStandalone(state: IMTState(), log: { _ in })
        let refused = imt.handle(
            MockRequest(
                method: "POST", target: "/__admin/faults", body: Array(#"{"route": "POST /payment/", "status": 500}"#.utf8)))
        #expect(refused.status == 400)
        let detail = try #require(JSONAPIError.errors(in: try JSONParser.parse(refused.body))?.first?.detail)
        #expect(
            detail.hasPrefix("POST /__admin/faults:1:11: the mock IMT has no route POST /payment/ (closest: POST /payments/)"))
        #expect(detail.contains(IMTMock.routes.names.joined(separator: ", ")))
        #expect(try JSONParser.parse(imt.handle(MockRequest(method: "GET", target: "/__admin/faults")).body) == .array([]))

        let ic = ICStandalone(state: SampleState.ic(), log: { _ in })
        let body = #"{"route": "POST /CloudInvoicing.asmx/UploadInvoices", "status": 503}"#
        let icRefused = ic.handle(MockRequest(method: "POST", target: "/__admin/faults", body: Array(body.utf8)))
        #expect(icRefused.status == 400)
        let icDetail = try #require(JSONAPIError.errors(in: try JSONParser.parse(icRefused.body))?.first?.detail)
        #expect(icDetail.contains("the mock IC has no route POST /CloudInvoicing.asmx/UploadInvoices (closest: "))
        #expect(icDetail.contains(ICMock.routes.names.joined(separator: ", ")))
        #expect(try JSONParser.parse(ic.handle(MockRequest(method: "GET", target: "/__admin/faults")).body) == .array([]))
    }

    @Test func `a failed scenario's report names the near misses of its journal; a passed one has none to show`() async throws {
        let folder = try TemporaryFolder("near-miss-run")
        defer { folder.remove() }
        _ = try folder.write(Self.scenario, to: "Scenarios/s/typo.yaml")
        let suite = try Suite.load(paths: [folder.path + "/Scenarios"])
        let runner = SuiteRunner(suite: suite, goldenRoot: folder.path + "/Golden", recording: .never, jobs: 1)
        let report = try #require(await runner.run { _ in }.first)
        #expect(report.verdict == .failed)
        #expect(
            report.failures.last
                == "the mock IMT matched no route for GET /webpayments/3401/api/payment-due/: "
                + "closest GET /webpayments/3401/api/payments-due/ (path segment 'payment-due' vs 'payments-due')")
    }

    @Test func `the summary of a secret says only that it differs, and a long journal is cut at ten`() {
        let miss = JSONValue.object([
            "seq": .number("1"), "partner": "imt",
            "request": .object(["method": "POST", "path": "/auth/3401/api/sessions/"]),
            "near_miss": .object([
                "user": "icuser",
                "differences": [.object(["in": "body", "name": "data.attributes.password", "hidden": true])],
            ]),
        ])
        #expect(
            NearMissSummary(journal: [miss]).text
                == "the mock IMT matched no user for POST /auth/3401/api/sessions/: "
                + "closest user icuser (body field data.attributes.password differs (a secret, not shown))")
        let many = NearMissSummary(journal: .array(Array(repeating: miss, count: 12))).text ?? ""
        #expect(many.split(separator: "\n").count == 11)
        #expect(many.hasSuffix("and 2 more near misses in the journal"))
        #expect(NearMissSummary(journal: [.object(["seq": .number("1"), "partner": "imt"])]).text == nil)
    }
}
