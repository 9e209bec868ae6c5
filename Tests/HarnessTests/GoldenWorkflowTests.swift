import Foundation
import Harness
import Testing
import Wire

/// The snapshot workflow: pending files, review, updates that write only what changed, stray golden files.
@Suite struct GoldenWorkflowTests {
    /// A suite of two scenarios in a temporary folder, with `Golden/` beside it.
    struct Fixture {
        let folder: URL
        var scenarios: String { folder.appendingPathComponent("Scenarios").path }
        var golden: String { folder.appendingPathComponent("Golden").path }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("bifrost-golden-\(UUID().uuidString)")
            let scenarios = folder.appendingPathComponent("Scenarios/s")
            try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
            for name in ["one", "two"] {
                try """
                name: \(name)
                profile: imt-mips-apps
                clock: 2024-11-18T17:05:28Z
                steps:
                  - validate-settings: {}
                expect:
                  golden: [result]

                """.write(to: scenarios.appendingPathComponent("\(name).yaml"), atomically: true, encoding: .utf8)
            }
        }

        func run(_ recording: GoldenRecording, configure: (inout SuiteRunner) -> Void = { _ in }) async throws -> [ScenarioReport]
        {
            var runner = SuiteRunner(suite: try Suite.load(paths: [scenarios]), goldenRoot: golden, recording: recording, jobs: 1)
            configure(&runner)
            return await runner.run { _ in }
        }

        func file(_ path: String) -> String { (golden as NSString).appendingPathComponent(path) }
        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: file(path)) }
    }

    @Test func `a missing golden file fails and leaves a pending file that review accepts`() async throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let reports = try await fixture.run(.pending)
        #expect(reports.map(\.verdict) == [.failed, .failed])
        #expect(reports[0].pending == [fixture.file("s/one/result.json.pending")])
        let review = PendingReview(root: fixture.golden)
        let items = review.items
        try #require(items.map(\.golden) == [fixture.file("s/one/result.json"), fixture.file("s/two/result.json")])
        #expect(
            items[0].diff.split(separator: "\n").contains {
                $0.hasPrefix("+") && $0.hasSuffix("\"step\": \"validate-settings\",")
            })
        try items[0].accept()
        try items[1].reject()
        #expect(fixture.exists("s/one/result.json") && !fixture.exists("s/one/result.json.pending"))
        #expect(!fixture.exists("s/two/result.json") && !fixture.exists("s/two/result.json.pending"))
        #expect(try await fixture.run(.never).map(\.verdict) == [.passed, .failed])
    }

    @Test func `update writes only what changed, and a match removes a stale pending file`() async throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        #expect(try await fixture.run(.all).map(\.written.count) == [1, 1])
        #expect(try await fixture.run(.all).map(\.written.count) == [0, 0])
        try "stale".write(toFile: fixture.file("s/one/result.json.pending"), atomically: true, encoding: .utf8)
        #expect(try await fixture.run(.pending).map(\.verdict) == [.passed, .passed])
        #expect(!fixture.exists("s/one/result.json.pending"))
    }

    @Test func `fail-fast reports the scenarios it did not start as skipped`() async throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let reports = try await fixture.run(.never) { $0.failFast = true }
        #expect(reports.map(\.verdict) == [.failed, .skipped])
        #expect(ConsoleReporter.summary(reports).hasSuffix("0 passed, 1 failed, 1 skipped"))
        #expect(JUnitReporter.xml(reports, wallTime: .zero).contains("<skipped message="))
    }

    @Test func `repeat runs each scenario again under its own label, and artifacts keep each run's outputs`() async throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let artifacts = fixture.folder.appendingPathComponent("artifacts").path
        let reports = try await fixture.run(.never) {
            $0.repetitions = 2
            $0.artifactsRoot = artifacts
        }
        #expect(reports.map(\.label) == ["s/one#1", "s/two#1", "s/one#2", "s/two#2"])
        let kept = try FileManager.default.contentsOfDirectory(atPath: artifacts + "/s/one/run-2").sorted()
        #expect(kept == ["imt-state.json", "journal.json", "result.json"])
    }

    @Test func `golden files no scenario produces are found, those of a file that does not load are not`() async throws {
        let fixture = try Fixture()
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        _ = try await fixture.run(.all)
        for stray in ["s/gone/result.json", "s/one/old.json"] {
            try FileManager.default.createDirectory(
                atPath: (fixture.file(stray) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try "{}".write(toFile: fixture.file(stray), atomically: true, encoding: .utf8)
        }
        try "name: [".write(toFile: fixture.scenarios + "/s/broken.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: fixture.file("s/broken"), withIntermediateDirectories: true)
        try "{}".write(toFile: fixture.file("s/broken/result.json"), atomically: true, encoding: .utf8)
        let runner = SuiteRunner(
            suite: try Suite.load(paths: [fixture.scenarios]), goldenRoot: fixture.golden, recording: .never, jobs: 1)
        #expect(
            runner.unreferencedGoldenFiles(under: [""]) == [fixture.file("s/gone/result.json"), fixture.file("s/one/old.json")])
    }
}
