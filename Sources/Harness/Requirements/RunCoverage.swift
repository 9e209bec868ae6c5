import Support
public import Wire

/// The requirement coverage of one run, counted over the scenarios it ran.
///
/// A requirement is *covered* by the run's scenarios that cover it (or by a certification check),
/// *not run* when only scenarios of the suite that the run did not take cover it (a shard, a
/// filtered run), and *uncovered* when nothing in the suite covers it. So a shard marks UNCOVERED
/// only what the whole suite leaves uncovered. The JSON report holds it, and `bifrost report merge`
/// adds the shards' coverages into the whole run's.
public struct RunCoverage: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var id: String
        public var seed: String
        public var section: String
        public var quote: String
        /// The scenarios of this run that cover it, by path under the suite root, sorted.
        public var scenarios: [String]
        /// The certification checks that cover it (`command: title`).
        public var checks: [String]
        /// How many of the suite's scenarios cover it that this run did not take.
        public var notRun: Int
    }

    public enum Status: Sendable, Equatable {
        case covered
        case notRun
        case uncovered
    }

    /// What the run took; `isWholeSuite` for a run of every scenario.
    public var scope: RunScope
    public var rows: [Row]

    public init(scope: RunScope, rows: [Row]) {
        self.scope = scope
        self.rows = rows
    }

    /// The coverage of `suite` (every scenario of the suite, whatever the run took) when the run took
    /// the scenarios at `ran` (paths under the suite root).
    public init(suite: CoverageReport, ran: Set<String>, scope: RunScope) {
        self.scope = scope
        rows = suite.rows.map { row in
            let taken = row.scenarios.filter { ran.contains($0) }.sorted()
            return Row(
                id: row.requirement.id, seed: row.requirement.seed, section: row.requirement.section,
                quote: row.requirement.quote, scenarios: taken, checks: row.checks, notRun: row.scenarios.count - taken.count)
        }
    }

    public static func status(of row: Row) -> Status {
        if !row.scenarios.isEmpty || !row.checks.isEmpty { return .covered }
        return row.notRun > 0 ? .notRun : .uncovered
    }

    public func count(_ status: Status) -> Int { rows.count { Self.status(of: $0) == status } }

    /// `150 requirements, 145 covered, 5 uncovered`, and for a partial run what it did not run and its scope.
    public var summary: String {
        let counts = "\(rows.count) requirements, \(count(.covered)) covered, \(count(.uncovered)) uncovered"
        guard let scope = scope.text else { return counts }
        return counts + ", \(count(.notRun)) covered only by scenarios this run did not take (this run: \(scope))"
    }

    /// `{"scope": …, "requirements": [{"id", "seed", "section", "quote", "scenarios", "checks", "notRun"}]}`.
    public var json: JSONValue {
        .object([
            "scope": scope.json,
            "requirements": .array(
                rows.map { row in
                    .object([
                        "id": .string(row.id), "seed": .string(row.seed), "section": .string(row.section),
                        "quote": .string(row.quote), "scenarios": .array(row.scenarios.map(JSONValue.string)),
                        "checks": .array(row.checks.map(JSONValue.string)), "notRun": .number(String(row.notRun)),
                    ])
                }),
        ])
    }

    /// Reads what `json` wrote; nil when `json` is not shaped so.
    public init?(json: JSONValue) {
        guard let scope = json["scope"].flatMap(RunScope.init(json:)), let rows = json["requirements"]?.arrayValue else {
            return nil
        }
        var read: [Row] = []
        for row in rows {
            guard let id = row["id"]?.stringValue, let seed = row["seed"]?.stringValue,
                let section = row["section"]?.stringValue, let quote = row["quote"]?.stringValue,
                let scenarios = row["scenarios"]?.arrayValue, let checks = row["checks"]?.arrayValue,
                case .number(let notRun)? = row["notRun"], let notRunCount = Int(notRun)
            else { return nil }
            read.append(
                Row(
                    id: id, seed: seed, section: section, quote: quote, scenarios: scenarios.compactMap(\.stringValue),
                    checks: checks.compactMap(\.stringValue), notRun: notRunCount))
        }
        self.init(scope: scope, rows: read)
    }

    /// The coverage of the runs `parts` together (a matrix's shards): each requirement covered by the
    /// scenarios of any part; `notRun` what none of them ran. Nil when the parts do not share one
    /// catalog (different requirement ids, in order).
    public static func merged(_ parts: [RunCoverage], scope: RunScope) -> RunCoverage? {
        guard let first = parts.first, parts.allSatisfy({ $0.rows.map(\.id) == first.rows.map(\.id) }) else { return nil }
        let rows = first.rows.indices.map { index in
            let versions = parts.map { $0.rows[index] }
            var scenarios: [String] = []
            for path in versions.flatMap(\.scenarios) where !scenarios.contains(path) { scenarios.append(path) }
            // Every part counts the suite's covering scenarios as its own plus those it did not run.
            let inSuite = versions.map { $0.scenarios.count + $0.notRun }.max() ?? 0
            var row = versions[0]
            row.scenarios = scenarios.sorted()
            row.notRun = max(0, inSuite - scenarios.count)
            return row
        }
        return RunCoverage(scope: scope, rows: rows)
    }
}
