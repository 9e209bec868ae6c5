import Foundation

/// Which of a suite's scenarios a run takes: by path or name, by requirement id, and one shard of n.
///
/// - `filter`: a case-insensitive substring of the scenario's path under the suite root
///   (`imt-spectrum/polling`) or of its name;
/// - `covers`: a glob over requirement ids (`IMT-RTDR-*`, `IC-UP-00?`), matching a scenario
///   that covers at least one matching id;
/// - `shard`: `(index, count)`, 1-based; scenarios sorted by path are dealt round-robin, so
///   the `count` shards together run every scenario exactly once and differ by at most one.
public struct Selection: Sendable {
    public var filter: String?
    public var covers: String?
    public var shard: (index: Int, count: Int)?

    public init(filter: String? = nil, covers: String? = nil, shard: (index: Int, count: Int)? = nil) {
        self.filter = filter
        self.covers = covers
        self.shard = shard
    }

    /// Whether the selection takes every scenario.
    public var isEverything: Bool { filter == nil && covers == nil && shard == nil }

    /// Reads `i/n` with 1 ≤ i ≤ n; nil otherwise.
    public static func shard(parsing text: String) -> (index: Int, count: Int)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index)
        else { return nil }
        return (index, count)
    }

    /// The scenarios selected, in path order.
    public func apply(to scenarios: [Scenario]) -> [Scenario] {
        var chosen = scenarios.sorted { $0.relativePath < $1.relativePath }
        if let filter {
            chosen = chosen.filter {
                $0.relativePath.localizedCaseInsensitiveContains(filter) || $0.name.localizedCaseInsensitiveContains(filter)
            }
        }
        if let covers { chosen = chosen.filter { $0.covers.contains { Self.glob(covers, matches: $0.value) } } }
        if let shard { chosen = chosen.enumerated().filter { $0.offset % shard.count == shard.index - 1 }.map(\.element) }
        return chosen
    }

    /// Whether `pattern` (`*` any run of characters, `?` one character) matches all of `text`.
    static func glob(_ pattern: String, matches text: String) -> Bool {
        fnmatch(pattern, text, 0) == 0
    }
}
