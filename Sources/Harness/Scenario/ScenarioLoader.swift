import Flows
import Foundation
import Partners
public import Support
import Wire
import Yams

/// Loads a scenario file, rejecting anything malformed or unknown with its `file:line:column`.
public enum ScenarioLoader {
    /// The advanced settings of seed 000.
    static let knownSettings = Set(AdvancedSettingDefinition.all.map(\.id))
    /// The placeholders a setting's value may use.
    static let templates = ["imt", "imt2"].flatMap { mock in ["auth", "api", "origin"].map { "{\(mock).\($0)}" } }

    /// Loads `file`, a scenario without `examples:`, whose golden folder is its path under `suiteRoot` without `.yaml`.
    public static func load(file: String, suiteRoot: String) throws(InputErrors) -> Scenario {
        let scenarios = try loadAll(file: file, suiteRoot: suiteRoot)
        guard scenarios.count == 1, let scenario = scenarios.first else {
            throw InputErrors(errors: [
                InputError(
                    file: file, line: 1, column: 1,
                    message: "the file is a scenario table of \(scenarios.count) rows, each a scenario of its own")
            ])
        }
        return scenario
    }

    /// Loads `file`: one scenario, whose golden folder is its path under `suiteRoot` without `.yaml`,
    /// or, when it has `examples:`, one per row (`ScenarioTable`), each named and filed `path[row]`.
    ///
    /// Each top-level section and each step is read on its own, so one run reports every
    /// broken section and step of the file (up to ``InputErrors/limit``), not only the first; an
    /// error every row makes is reported once.
    public static func loadAll(file: String, suiteRoot: String) throws(InputErrors) -> [Scenario] {
        var errors = InputErrors()
        let reader = YAMLReader(file: file)
        guard let text = errors.attempt({ () throws(InputError) in try InputError.text(ofFile: file) }),
            let root = errors.attempt({ () throws(InputError) in try reader.root(of: text) })
        else { throw errors }
        let relative = relativePath(of: file, under: suiteRoot)
        let table = try ScenarioTable(root: root, reader: reader)
        if table.rows.isEmpty { return [try load(root: root, reader: reader, file: file, relativePath: relative)] }
        var scenarios: [Scenario] = []
        var seen = Set<InputError>()
        for row in table.rows {
            do {
                let filled = try table.filled(root, with: row)
                scenarios.append(try load(root: filled, reader: reader, file: file, relativePath: "\(relative)[\(row.name)]"))
            } catch {
                for found in error.errors where seen.insert(found).inserted { errors.append(found) }
            }
        }
        if !errors.isEmpty { throw errors }
        return scenarios
    }

    /// Reads the scenario at `root`, already free of placeholders.
    static func load(root: Node, reader: YAMLReader, file: String, relativePath: String) throws(InputErrors) -> Scenario {
        var errors = InputErrors()
        guard
            let top = errors.attempt({ () throws(InputError) in
                try reader.mapping(root, what: "a scenario", schema: Self.schema)
            })
        else { throw errors }

        let name = errors.attempt { () throws(InputError) in
            try reader.nonEmptyText(reader.required("name", in: top, at: root), what: "name")
        }
        let description = errors.attempt { () throws(InputError) in
            try top["description"].map { node throws(InputError) in try reader.text(node, what: "description") }
        }
        let profile = errors.attempt { () throws(InputError) in
            try Self.profile(reader.required("profile", in: top, at: root), reader)
        }
        let covers = errors.attempt { () throws(InputError) in try Self.covers(top["covers"], reader) }
        let clock = errors.attempt { () throws(InputError) in
            try Self.clock(reader.required("clock", in: top, at: root), reader)
        }
        let settings = errors.attempt { () throws(InputError) in
            try top["settings"].map { node throws(InputError) in try Self.settings(node, reader) } ?? [:]
        }
        let imt = errors.attempt { () throws(InputError) in
            try top["imt"].map { node throws(InputError) in try IMTStateLoader(reader: reader).load(node) }
        }
        let imt2 = errors.attempt { () throws(InputError) in
            try top["imt2"].map { node throws(InputError) in try IMTStateLoader(reader: reader).load(node) }
        }
        let ic = errors.attempt { () throws(InputError) in
            try top["ic"].map { node throws(InputError) in
                try ICStateLoader(
                    reader: reader, ssoProfile: profile.flatMap { SSOProfile.named($0.rawValue) } ?? .aiMyMeter,
                    clock: clock?.date ?? Date(timeIntervalSince1970: 0)
                ).load(node)
            }
        }
        let routing = errors.attempt { () throws(InputError) in
            try top["environments"].map { node throws(InputError) in try Self.environments(node, reader) }
        }
        let timeout = errors.attempt { () throws(InputError) in
            try top["timeout"].map { node throws(InputError) in try Self.duration(node, reader, what: "timeout") }
        }
        let tls = errors.attempt { () throws(InputError) in
            try top["tls"].map { node throws(InputError) in try reader.bool(node, what: "tls") } ?? false
        }
        let files = errors.attempt { () throws(InputError) in
            try top["files"].map { node throws(InputError) in try Self.files(node, reader) } ?? [:]
        }
        let services = errors.attempt { () throws(InputError) in
            try top["services"].map { node throws(InputError) in try ServiceUnderTest.load(node, reader) } ?? []
        }
        let stepsNode = errors.attempt { () throws(InputError) in try reader.required("steps", in: top, at: root) }
        // Steps are read in the scenario's profile and clock: without both, they cannot be checked.
        guard let profile, let clock, let files, let stepsNode else { throw errors }
        var loading = StepLoading(reader: reader, profile: profile, clock: clock, files: Set(files.keys))
        let steps = Self.steps(stepsNode, &loading, errors: &errors)
        let golden = errors.attempt { () throws(InputError) in try Self.golden(top["expect"], reader, steps: steps) }
        // Read only once expect's members are known good, so a bad member is reported once.
        let expectedFailure =
            golden == nil ? nil : errors.attempt { () throws(InputError) in try Self.expectedFailure(top["expect"], reader) }
        guard errors.isEmpty, let name, let description, let covers, let settings, let imt, let imt2, let ic, let routing,
            let timeout, let golden, let services, let expectedFailure, let tls
        else { throw errors }
        var scenario = Scenario(
            file: file, relativePath: relativePath, name: name, description: description,
            profile: profile, covers: covers, clock: clock, settings: settings, imt: imt, imt2: imt2, ic: ic,
            timeout: timeout, steps: steps, golden: golden)
        scenario.files = files
        scenario.services = services
        scenario.tls = tls
        scenario.expectedFailure = expectedFailure ?? nil
        if let routing { scenario.routing = routing }
        return scenario
    }

    static func profile(_ node: Node, _ reader: YAMLReader) throws(InputError) -> Scenario.Profile {
        let name = try reader.text(node, what: "profile")
        guard let profile = Scenario.Profile(rawValue: name) else {
            let names = Scenario.Profile.allCases.map(\.rawValue).joined(separator: ", ")
            throw reader.error("unknown profile '\(name)'; expected one of: \(names)", at: node)
        }
        return profile
    }

    /// The requirement ids, each with where it is written.
    static func covers(_ node: Node?, _ reader: YAMLReader) throws(InputError) -> [Located<String>] {
        guard let node else { return [] }
        var covers: [Located<String>] = []
        for element in try reader.sequence(node, what: "covers") {
            let id = try reader.nonEmptyText(element, what: "a requirement id")
            covers.append(Located(value: id, line: element.mark?.line ?? 1, column: element.mark?.column ?? 1))
        }
        return covers
    }

    static func relativePath(of file: String, under root: String) -> String {
        let standardFile = URL(fileURLWithPath: file).standardizedFileURL.path
        let standardRoot = URL(fileURLWithPath: root).standardizedFileURL.path
        var relative =
            standardFile.hasPrefix(standardRoot + "/") ? String(standardFile.dropFirst(standardRoot.count + 1)) : standardFile
        if relative.hasSuffix(".yaml") { relative.removeLast(5) } else if relative.hasSuffix(".yml") { relative.removeLast(4) }
        return relative
    }

    static func clock(_ node: Node, _ reader: YAMLReader) throws(InputError) -> ScenarioClock {
        guard let clock = ScenarioClock(try reader.text(node, what: "clock")) else {
            throw reader.error(
                "clock must be an ISO 8601 date and time with its zone, e.g. 2024-11-18T17:05:28Z or 2024-11-18T11:05:28-06:00",
                at: node)
        }
        return clock
    }

    /// The `files:` block: BIF names (ending in `.bif`) and their text.
    static func files(_ node: Node, _ reader: YAMLReader) throws(InputError) -> [String: String] {
        var files: [String: String] = [:]
        for (key, value) in try reader.pairs(node, what: "files") {
            let name = try reader.nonEmptyText(key, what: "a file name")
            guard name.hasSuffix(".bif"), !name.contains("/") else {
                throw reader.error("a file name ends in .bif and has no folder, e.g. upload-1.bif", at: key)
            }
            files[name] = try reader.text(value, what: "the text of \(name)")
        }
        return files
    }

    static func settings(_ node: Node, _ reader: YAMLReader) throws(InputError) -> [Int: String] {
        var values: [Int: String] = [:]
        for (key, value) in try reader.pairs(node, what: "settings") {
            guard let id = Int(try reader.text(key, what: "a setting id")), knownSettings.contains(id) else {
                throw reader.error(
                    "unknown advanced setting '\(key.scalar?.string ?? "")'; seed 000 defines 8-22, 32, 81, 88, 105 and 131",
                    at: key)
            }
            let text = try reader.text(value, what: "advanced setting \(id)")
            var rest = text
            for template in templates { rest = rest.replacingBytes(of: template, with: "") }
            if rest.utf8.contains(UInt8(ascii: "{")),
                let unknown = rest.range(of: #"\{imt2?\.[^}]*\}"#, options: .regularExpression)
            {
                throw reader.error(
                    "unknown placeholder \(rest[unknown]) in advanced setting \(id); use \(templates.joined(separator: ", "))",
                    at: value)
            }
            values[id] = text
        }
        return values
    }

    /// The steps, each read by the kind its key names in ``StepRegistry``; a broken step is
    /// recorded in `errors` and the next one is still read.
    static func steps(_ node: Node, _ loading: inout StepLoading, errors: inout InputErrors) -> [any StepKind] {
        let reader = loading.reader
        guard let elements = errors.attempt({ () throws(InputError) in try reader.sequence(node, what: "steps") }) else {
            return []
        }
        if elements.isEmpty { errors.append(reader.error("steps must hold at least one step", at: node)) }
        var steps: [any StepKind] = []
        for element in elements {
            let step = errors.attempt { () throws(InputError) -> (any StepKind.Type, Node) in
                let members = try reader.mapping(element, what: "a step", allowed: StepRegistry.keys)
                guard members.count == 1, let (name, body) = members.first, let kind = StepRegistry.kind(named: name) else {
                    throw reader.error("a step has exactly one action, e.g. rtdr", at: element)
                }
                return (kind, body)
            }
            guard let (kind, body) = step else { continue }
            do {
                steps.append(try kind.init(from: body, loading: &loading))
            } catch {
                errors.append(error)
            }
        }
        return steps
    }

    /// `environments: {"252": 1, "253": 2}`: the IMT instance (1 or 2) of each InvoiceTypeID.
    static func environments(_ node: Node, _ reader: YAMLReader) throws(InputError) -> EnvironmentRouting {
        var routing = EnvironmentRouting()
        for (key, value) in try reader.pairs(node, what: "environments") {
            let environment = try reader.integer(value, what: "an environment")
            guard environment == 1 || environment == 2 else {
                throw reader.error("an environment is 1 (the first URL of a setting) or 2 (the second)", at: value)
            }
            routing.environments[try reader.nonEmptyText(key, what: "an InvoiceTypeID")] = environment - 1
        }
        return routing
    }

    /// A duration such as `250ms` or `2s`.
    static func duration(_ node: Node, _ reader: YAMLReader, what: String) throws(InputError) -> Duration {
        let text = try reader.text(node, what: what)
        if text.hasSuffix("ms"), let ms = Int(text.dropLast(2)), ms > 0 { return .milliseconds(ms) }
        if text.hasSuffix("s"), let seconds = Int(text.dropLast(1)), seconds > 0 { return .seconds(seconds) }
        throw reader.error("\(what) must be a positive duration such as 250ms or 2s", at: node)
    }

    /// `expect.fails_with`: the text the differences of a scenario that must fail hold.
    static func expectedFailure(_ node: Node?, _ reader: YAMLReader) throws(InputError) -> String?? {
        guard let node else { return .some(nil) }
        let members = try reader.mapping(node, what: "expect", schema: Self.expectSchema)
        return .some(
            try members["fails_with"].map { node throws(InputError) in try reader.nonEmptyText(node, what: "fails_with") })
    }

    /// The outputs to compare: `journal`, `result`, `imt.state`, `imt2.state`, `ic.import`, `ic.state`,
    /// `reconciliation`, and BIF files the steps write.
    static func golden(_ node: Node?, _ reader: YAMLReader, steps: [any StepKind]) throws(InputError) -> [Scenario.GoldenOutput] {
        let standard: [Scenario.GoldenOutput] = [.journal, .result]
        guard let node else { return standard }
        let members = try reader.mapping(node, what: "expect", schema: Self.expectSchema)
        guard let list = members["golden"] else { return standard }
        let named = Dictionary(uniqueKeysWithValues: Self.goldenOutputs.map { ($0.name, $0.output) })
        let written = steps.flatMap(\.outputs)
        var outputs: [Scenario.GoldenOutput] = []
        for element in try reader.sequence(list, what: "expect.golden") {
            let name = try reader.text(element, what: "a golden output")
            if let output = named[name] {
                outputs.append(output)
            } else if written.contains(name) {
                outputs.append(Scenario.GoldenOutput(fileName: name))
            } else {
                let names = (named.keys.sorted() + written).joined(separator: ", ")
                throw reader.error("unknown golden output '\(name)'; expected one of: \(names)", at: element)
            }
        }
        return outputs
    }
}
