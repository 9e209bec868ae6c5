public import Wire

/// What a run took of its suite: the paths named when not the suite root, and the selection options.
///
/// A run of the whole suite has no scope to tell. A shard, a filtered run or a run of one folder
/// does: its reports say so, and count coverage over what it ran (`RunCoverage`).
public struct RunScope: Sendable, Equatable {
    /// The paths named, when they are not the suite root itself.
    public var paths: [String]?
    public var filter: String?
    public var covers: String?
    /// `i/n`.
    public var shard: String?

    public init(paths: [String]? = nil, filter: String? = nil, covers: String? = nil, shard: String? = nil) {
        self.paths = paths
        self.filter = filter
        self.covers = covers
        self.shard = shard
    }

    /// Whether the run took every scenario of the suite.
    public var isWholeSuite: Bool { paths == nil && filter == nil && covers == nil && shard == nil }

    /// The scope as the command line said it, `Scenarios/imt-spectrum --filter rtdr --shard 2/3`; nil for the whole suite.
    public var text: String? {
        guard !isWholeSuite else { return nil }
        var words = paths ?? []
        if let filter { words += ["--filter", ConsoleReporter.shellQuoted(filter)] }
        if let covers { words += ["--covers", ConsoleReporter.shellQuoted(covers)] }
        if let shard { words += ["--shard", shard] }
        return words.joined(separator: " ")
    }

    /// The scope as the JSON report holds it: `{"paths", "filter", "covers", "shard"}`, each null when not given.
    public var json: JSONValue {
        .object([
            "paths": paths.map { JSONValue.array($0.map(JSONValue.string)) } ?? .null,
            "filter": filter.map(JSONValue.string) ?? .null,
            "covers": covers.map(JSONValue.string) ?? .null,
            "shard": shard.map(JSONValue.string) ?? .null,
        ])
    }

    /// Reads `json`; nil when it is not an object shaped as `json` writes it.
    public init?(json: JSONValue) {
        guard json.objectValue != nil else { return nil }
        func text(_ key: String) -> String? { json[key]?.stringValue }
        paths = json["paths"]?.arrayValue?.compactMap(\.stringValue)
        filter = text("filter")
        covers = text("covers")
        shard = text("shard")
    }

    /// The scope of the runs `scopes` together: the shards' common scope without `--shard` when
    /// they are every shard 1/n … n/n of it (or one run's scope); otherwise a scope naming each run's.
    public static func merged(_ scopes: [RunScope]) -> RunScope {
        if scopes.count == 1 { return scopes[0] }
        if let whole = adding(scopes) { return whole }
        return RunScope(paths: [scopes.map { $0.text ?? "(the whole suite)" }.joined(separator: " + ")])
    }

    /// The one selection `scopes` make together, or nil when they do not add up to one.
    static func adding(_ scopes: [RunScope]) -> RunScope? {
        guard let first = scopes.first else { return nil }
        var common = first
        common.shard = nil
        guard scopes.allSatisfy({ RunScope(paths: $0.paths, filter: $0.filter, covers: $0.covers) == common }) else {
            return nil
        }
        if scopes.allSatisfy({ $0.shard == nil }) { return nil }
        let shards = scopes.compactMap { $0.shard.flatMap(Selection.shard(parsing:)) }
        guard shards.count == scopes.count, let count = shards.first?.count, shards.allSatisfy({ $0.count == count }),
            shards.count == count, Set(shards.map(\.index)) == Set(1...count)
        else { return nil }
        return common
    }
}
