import BifrostTesting
import Flows
import Foundation
import Partners
import Support
import Testing
import Wire

@testable import Harness

/// Positions of the loader's errors: `file:line:column`.
@Suite struct ScenarioLoaderTests {
    static let valid = """
        name: example
        profile: imt-mips-apps
        clock: 2024-11-18T17:05:28Z
        settings: {88: "{imt.auth}/sessions/", 8: "{imt.api}/", 9: u, 10: pw}
        imt:
          users: {u: pw}
          policies:
            - {policy_number: "1", current_due: 12.50, payment_types: [ACH]}
        steps:
          - rtdr: {account: "1"}

        """

    func load(_ text: String) throws -> Scenario {
        let folder = try TemporaryFolder("loader")
        defer { folder.remove() }
        return try ScenarioLoader.load(file: try folder.write(text, to: "case.yaml"), suiteRoot: folder.path)
    }

    func position(of text: String) -> (line: Int, column: Int, message: String)? {
        do {
            _ = try load(text)
            return nil
        } catch let errors as InputErrors {
            guard let error = errors.errors.first else { return nil }
            #expect(error.file.hasSuffix("case.yaml"))
            return (error.line, error.column, error.message)
        } catch {
            return nil
        }
    }

    @Test func `MIPS/APPS can turn neither multiuser on nor the Spectrum payment service, each refused at its position`() {
        let multiuser = """
            name: example
            profile: imt-mips-apps
            clock: 2024-11-18T17:05:28Z
            ic:
              billers: [{guid: g, key: k, profile: imt-mips-apps}]
              portal: {sso_connect: true, api_key: a, multiuser: true}
            steps:
              - sso-login: {account: "1", email: a@example.com}

            """
        let refused = position(of: multiuser)
        #expect(refused?.line == 6)
        #expect(refused?.message.contains("Co-Owner Registration Not Supported") == true)
        let service = Self.valid.replacingOccurrences(
            of: "  - rtdr: {account: \"1\"}",
            with:
                "  - datapump-payment: {payment_id: P, account: \"1\", method: CC, amount: \"1.00\", message: M, customer_name: A B, spectrum_payment_service: online-receipt}"
        )
        let found = position(of: service)
        #expect(found?.line == 10)
        #expect(found?.message.contains("spectrum_payment_service is an IMT Spectrum option") == true)
    }

    @Test func `a valid scenario loads, money as written and never as a float`() throws {
        let scenario = try load(Self.valid)
        #expect(scenario.relativePath == "case")
        #expect(scenario.steps.count == 1)
        #expect(scenario.steps.first as? RTDRStep == RTDRStep(account: "1"))
        #expect(scenario.imt?.policies.first?.attributes["current_due"] == .string("12.50"))
        #expect(scenario.imt?.policies.first?.attributes["city"] == .string("WEST DES MOINES"))
        #expect(scenario.golden == [.journal, .result])
    }

    @Test func `a YAML syntax error carries its position`() {
        let broken = Self.valid.replacingOccurrences(of: "- rtdr: {account: \"1\"}", with: "- rtdr: {account: \"1\"")
        let found = position(of: broken)
        #expect(found?.line == 11)
        #expect(found?.message.hasPrefix("YAML syntax error") == true)
    }

    @Test func `a tab indenting YAML is named as a tab`() {
        let tabbed = Self.valid.replacingOccurrences(of: "  - rtdr: {account: \"1\"}", with: "\t- rtdr: {account: \"1\"}")
        let found = position(of: tabbed)
        #expect(found?.line == 10)
        #expect(found?.message == "a tab where YAML allows only spaces (YAML indents with spaces, never tabs)")
    }

    @Test func `an unknown key is reported where it is written`() {
        let text = Self.valid.replacingOccurrences(of: "  users: {u: pw}", with: "  users: {u: pw}\n  userz: {}")
        let found = position(of: text)
        #expect(found?.line == 7)
        #expect(found?.column == 3)
        #expect(found?.message.contains("unknown key 'userz'") == true)
    }

    @Test func `an unknown attribute, setting, step or placeholder is refused at its position`() {
        #expect(position(of: Self.valid.replacingOccurrences(of: "current_due: 12.50", with: "current_dew: 1"))?.line == 8)
        #expect(position(of: Self.valid.replacingOccurrences(of: "9: u", with: "7: u"))?.column == 57)
        #expect(position(of: Self.valid.replacingOccurrences(of: "- rtdr:", with: "- rtdx:"))?.line == 10)
        #expect(
            position(of: Self.valid.replacingOccurrences(of: "{imt.api}", with: "{imt.data}"))?.message.contains(
                "unknown placeholder") == true)
    }

    @Test func `a clock without its zone is refused`() {
        let found = position(of: Self.valid.replacingOccurrences(of: "17:05:28Z", with: "17:05:28"))
        #expect(found?.line == 3)
        #expect(found?.column == 8)
    }

    @Test func `a bad fault route is refused`() {
        let text = Self.valid.replacingOccurrences(
            of: "  users: {u: pw}", with: "  users: {u: pw}\n  faults: [{route: payments-due, status: 500}]")
        #expect(position(of: text)?.message.contains("route must be a method and a path") == true)
    }

    @Test func `faults read every effect, a delay and a session limit; two effects in one fault are refused`() throws {
        let faults = """
              faults:
                - {route: "POST /payments/", drop: true, times: 1}
                - {route: "GET /payments-due/", body: truncated, delay_ms: 20}
                - {expire_session_after: 2}
            """
        let scenario = try load(Self.valid.replacingOccurrences(of: "  users: {u: pw}", with: "  users: {u: pw}\n" + faults))
        #expect(scenario.imt?.faults.map(\.effect) == [.drop, .truncatedBody])
        #expect(scenario.imt?.faults.last?.delay == .milliseconds(20))
        #expect(scenario.imt?.sessionLimit == 2)
        let both = Self.valid.replacingOccurrences(
            of: "  users: {u: pw}", with: "  users: {u: pw}\n  faults: [{route: GET /x/, status: 500, drop: true}]")
        #expect(position(of: both)?.message.contains("one effect") == true)
    }

    @Test func `DataPump, PDF and raw-request steps load; a bad method, service or bill mode is refused at its position`() throws
    {
        let steps = """
              - datapump-payment: {payment_id: "7", account: "1", method: ACH, amount: "10.00", message: m, customer_name: A B}
              - datapump-autopay: {account: "1", bill_mode: autopay}
              - pdf-linking: {account: "1", invoice_type: "252"}
              - imt-request: {method: PATCH, path: settings/1/, service: paperless, session: false}
            """
        let scenario = try load(Self.valid.replacingOccurrences(of: "  - rtdr: {account: \"1\"}", with: steps))
        #expect(scenario.steps.count == 4)
        #expect(scenario.steps.map(\.flow) == [.dataPumpPayment, .dataPumpAutoPay, .pdfLinking, nil])
        let payment = try #require(scenario.steps.first as? DataPumpPaymentStep).payment
        #expect(payment.billerID == "2984")
        #expect(payment.convenienceFee == .zero)
        let badMethod = Self.valid.replacingOccurrences(
            of: "  - rtdr: {account: \"1\"}",
            with:
                "  - datapump-payment: {payment_id: \"7\", account: \"1\", method: VISA, amount: \"1\", message: m, customer_name: A}"
        )
        #expect(position(of: badMethod)?.message == "method must be CC or ACH")
        let badService = Self.valid.replacingOccurrences(
            of: "  - rtdr: {account: \"1\"}", with: "  - imt-request: {method: GET, path: x/, service: bills}")
        #expect(position(of: badService)?.column == 51)
        let badMode = Self.valid.replacingOccurrences(
            of: "  - rtdr: {account: \"1\"}", with: "  - datapump-autopay: {account: \"1\", bill_mode: monthly}")
        #expect(position(of: badMode)?.message == "bill_mode must be autopay or direct")
    }
}
