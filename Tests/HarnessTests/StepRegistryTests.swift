import Flows
import Foundation
import Partners
import Support
import Testing
import Transport
import Wire
import Yams

@testable import Harness

/// Steps as plug-ins: the loader and the runner read the registry.
@Suite struct StepRegistryTests {
    @Test func `every kind has its own key`() {
        #expect(Set(StepRegistry.keys).count == StepRegistry.kinds.count)
        #expect(StepRegistry.kind(named: "rtdr") == RTDRStep.self)
        #expect(StepRegistry.kind(named: "no-such-step") == nil)
    }

    @Test func `an unknown step is refused at its position with the registry's list of keys`() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bifrost-registry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("case.yaml").path
        try """
        name: x
        profile: imt-spectrum
        clock: 2024-09-03T00:00:00Z
        steps:
          - teleport: {}
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: InputErrors.self) { try ScenarioLoader.load(file: file, suiteRoot: folder.path) }?.errors
            .first
        #expect(error?.line == 5)
        #expect(error?.column == 5)
        #expect(
            error?.message == "unknown key 'teleport' in a step; expected one of: \(StepRegistry.keys.joined(separator: ", "))")
    }

    @Test func `a step that needs a folder gets a fresh one, removed after it`() async throws {
        struct FolderStep: StepKind {
            static let key = "folder-probe"
            static let schema = MappingSchema("Reports the folder it was given.")
            init(from node: Yams.Node, loading: inout StepLoading) throws(InputError) {}
            init() {}
            var needs: StepNeeds { [.folder] }
            func run(in context: inout ScenarioContext) async -> [String] {
                guard let folder = context.folder else { return [] }
                return [folder, FileManager.default.fileExists(atPath: folder) ? "exists" : "absent"]
            }
        }
        var context = try Self.context()
        let result = await StepRunner.run(FolderStep(), in: &context)
        let values = result.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(values.count == 2)
        #expect(values.last == "exists")
        #expect(FileManager.default.fileExists(atPath: values.first ?? "/") == false)
        #expect(context.folder == nil)
    }

    @Test func `a step that needs the mock IC fails with a message when the scenario has none`() async throws {
        var context = try Self.context()
        var loading = StepLoading(
            reader: YAMLReader(file: "x.yaml"), profile: .imtSpectrum, clock: context.clock, files: ["a.bif"])
        let step = try ReconcileStep(from: try YAMLReader(file: "x.yaml").root(of: "{}"), loading: &loading)
        #expect(step.needs.isEmpty)
        let upload = try InvoiceUploadStep(from: try YAMLReader(file: "x.yaml").root(of: "{file: a.bif}"), loading: &loading)
        let result = await StepRunner.run(upload, in: &context)
        #expect(result == .object(["step": "invoice-upload", "status": "failed", "message": .string(ScenarioContext.noBiller)]))
    }

    /// A context with no mocks, for steps that need none.
    static func context() throws -> ScenarioContext {
        let clock = try #require(ScenarioClock("2024-09-03T00:00:00Z"))
        let scenario = Scenario(
            file: "x.yaml", relativePath: "x", name: "x", profile: .imtSpectrum, covers: [], clock: clock, settings: [:],
            steps: [], golden: [])
        return ScenarioContext(
            scenario: scenario, journal: .init(), imt: nil, imt2: nil, ic: nil,
            caller: .init(settings: .init([:]), client: .init()))
    }
}
