public import Flows
import Foundation
public import Partners
import Wire

/// One conformance case: the partners' state, the IC settings, the steps to run and what to compare.
///
/// ```yaml
/// name: RTDR blocks CC when IMT offers ACH only
/// profile: imt-mips-apps
/// covers: [IMT-RTDR-003]
/// clock: 2024-11-18T17:05:28Z
/// settings: {88: "{imt.auth}/sessions/", 8: "{imt.api}/", 9: icuser, 10: secret}
/// imt:
///   users: {icuser: secret}
///   policies: [{policy_number: "20240903", current_due: "1675.00", payment_types: [ACH]}]
/// steps:
///   - rtdr: {account: "20240903"}
/// expect:
///   golden: [journal, result]
/// ```
public struct Scenario: Sendable {
    /// The file as it was named on the command line or found in a folder.
    public var file: String
    /// The path under the suite root without `.yaml`: the golden folder's path under `Golden/`.
    public var relativePath: String
    public var name: String
    public var description: String?
    public var profile: Profile
    /// The requirement ids this scenario covers, with where each is written.
    public var covers: [Located<String>]
    /// The fixed time of the run, with an explicit zone.
    public var clock: ScenarioClock
    /// IC advanced settings; values may hold `{imt.auth}`, `{imt.api}` and `{imt.origin}`.
    public var settings: [Int: String]
    /// The mock IMT's state, when the scenario starts one.
    public var imt: IMTState?
    /// A second IMT instance (setting 81 `MULTIENVIRONMENT`), reached through `{imt2.auth}` and `{imt2.api}`.
    public var imt2: IMTState?
    /// The mock IC's billers, when the scenario starts it.
    public var ic: ICState?
    /// Which IMT instance serves each InvoiceTypeID, under `MULTIENVIRONMENT`.
    public var routing = EnvironmentRouting()
    /// The longest one HTTP exchange of IC's may take; IC's client default otherwise.
    public var timeout: Duration?
    /// Long-running programs under test, started before the steps and stopped after them.
    public var services: [ServiceUnderTest] = []
    /// The steps in order, each of a kind in ``StepRegistry``.
    public var steps: [any StepKind]
    /// The outputs compared with golden files.
    public var golden: [GoldenOutput]
    /// Text the scenario's differences must hold: set, the scenario teaches a wrong program and passes only by failing so.
    public var expectedFailure: String?
    /// Whether the mocks serve HTTPS with a certificate of a test CA made for the run (`BIFROST_CA_FILE`).
    public var tls = false
    /// BIF files written in the scenario, by name.
    public var files: [String: String] = [:]

    /// The integration profiles of the seeds.
    public enum Profile: String, Sendable, CaseIterable {
        case imtMipsApps = "imt-mips-apps"
        case imtSpectrum = "imt-spectrum"
        case aiMyMeter = "ai-mymeter"
    }

    /// An output a scenario compares with its golden file: `journal.json`, `result.json`, or a BIF a step wrote.
    public struct GoldenOutput: Sendable, Hashable, CustomStringConvertible {
        public let fileName: String

        public init(fileName: String) { self.fileName = fileName }

        /// Every exchange the mock partners had.
        public static let journal = GoldenOutput(fileName: "journal.json")
        /// What each step produced.
        public static let result = GoldenOutput(fileName: "result.json")
        /// The mock IMT's state after the steps.
        public static let imtState = GoldenOutput(fileName: "imt-state.json")
        /// The second mock IMT's state after the steps.
        public static let imt2State = GoldenOutput(fileName: "imt2-state.json")
        /// The import file the mock IC consolidates from the uploads it held.
        public static let icImport = GoldenOutput(fileName: "ic-import.bif")
        /// The mock IC's state after the steps: billers, files taken, report records.
        public static let icState = GoldenOutput(fileName: "ic-state.json")
        /// The last `reconcile` step's report.
        public static let reconciliation = GoldenOutput(fileName: "reconciliation.json")

        /// Whether the output is a BIF, compared with the field-aware diff.
        public var isBIF: Bool { fileName.hasSuffix(".bif") }
        public var description: String { fileName }
    }

    /// The folder of the scenario's file, absolute: where the paths of `run:` steps and services start.
    public var folder: String { Self.folder(of: file) }

    /// The absolute folder of `file`.
    static func folder(of file: String) -> String {
        URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent().path
    }

    /// Every secret the scenario holds (passwords of settings and users, web service keys), to scrub from outputs.
    public var secrets: [String] {
        AdvancedSettings.secretIDs.sorted().compactMap { settings[$0] }
            + [imt, imt2].flatMap { $0.map { Array($0.users.values) } ?? [] }
            + (ic?.billers.map(\.webServiceKey) ?? []) + (ic?.portal.apiKey.map { [$0] } ?? []) + steps.flatMap(\.secrets)
            + services.flatMap(\.program.secrets)
    }
}

/// A value with the position it was read from.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var line: Int
    public var column: Int
}
