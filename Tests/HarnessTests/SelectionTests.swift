import Foundation
import Testing
import Wire

@testable import Harness

/// Choosing scenarios: filters, requirement globs, shards.
@Suite struct SelectionTests {
    static func scenario(_ path: String, name: String = "n", covers: [String] = []) throws -> Scenario {
        Scenario(
            file: path + ".yaml", relativePath: path, name: name, profile: .imtSpectrum,
            covers: covers.map { Located(value: $0, line: 1, column: 1) },
            clock: try #require(ScenarioClock("2024-09-03T00:00:00Z")),
            settings: [:], steps: [], golden: [])
    }

    @Test(arguments: [1, 2, 3, 5, 7])
    func `the n shards together take every scenario exactly once, sizes within one`(count: Int) throws {
        let scenarios = try (0..<23).map { try Self.scenario(String(format: "s/%02d", $0)) }.shuffled()
        let shards = (1...count).map { Selection(shard: (index: $0, count: count)).apply(to: scenarios).map(\.relativePath) }
        let all = shards.flatMap { $0 }
        #expect(all.sorted() == scenarios.map(\.relativePath).sorted())
        #expect(Set(all).count == all.count)
        let sizes = shards.map(\.count)
        #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
    }

    @Test func `a shard is read as i of n, 1-based`() {
        #expect(Selection.shard(parsing: "2/3")! == (2, 3))
        for bad in ["3/2", "0/3", "1/0", "a/3", "1", "1/3/4", "-1/3"] { #expect(Selection.shard(parsing: bad) == nil) }
    }

    @Test func `filter matches path or name without case; covers takes a glob over requirement ids`() throws {
        let scenarios = [
            try Self.scenario("imt/rtdr/a", name: "Blocks CC", covers: ["IMT-RTDR-004"]),
            try Self.scenario("imt/datapump/b", name: "Posts", covers: ["IMT-DP-001", "IMT-SESS-004"]),
        ]
        #expect(Selection(filter: "RTDR").apply(to: scenarios).map(\.relativePath) == ["imt/rtdr/a"])
        #expect(Selection(filter: "posts").apply(to: scenarios).map(\.relativePath) == ["imt/datapump/b"])
        #expect(Selection(covers: "IMT-SESS-*").apply(to: scenarios).map(\.relativePath) == ["imt/datapump/b"])
        #expect(Selection(covers: "IMT-RTDR-00?").apply(to: scenarios).count == 1)
        #expect(Selection(covers: "IC-*").apply(to: scenarios).isEmpty)
    }

    @Test func `CI is a set CI variable other than false, 0, no or empty`() {
        #expect(ContinuousIntegration.isCI(["CI": "true"]))
        #expect(ContinuousIntegration.isCI(["CI": "1"]))
        for value in ["false", "FALSE", "0", "", "no"] { #expect(!ContinuousIntegration.isCI(["CI": value])) }
        #expect(!ContinuousIntegration.isCI([:]))
    }
}
