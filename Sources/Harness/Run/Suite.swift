import Foundation
public import Support
import Transport

/// The scenarios named on the command line, loaded and checked against the requirement catalog.
///
/// The suite root is the nearest folder, from the first path upwards, that holds
/// `requirements.yaml` (else the path itself, or a file's folder). Golden files
/// live in `Golden/` beside the suite root unless `--golden` says otherwise.
public struct Suite: Sendable {
    public var root: String
    public var catalog: RequirementCatalog?
    public var scenarios: [Scenario]
    /// The scenario files that could not be loaded, each with its errors: reported, while the others run.
    public var unloadable: [Unloadable] = []

    /// A scenario file that could not be loaded.
    public struct Unloadable: Sendable {
        public var file: String
        /// The path under the suite root without `.yaml`, as a loaded scenario's.
        public var relativePath: String
        public var errors: InputErrors
    }

    /// Finds and loads every scenario under `paths` (folders are searched for `*.yaml`, sorted).
    ///
    /// A file that does not load is kept in `unloadable`; the suite fails to load only when
    /// a path does not exist, the requirement catalog is malformed, or no scenario is found.
    /// - Throws: every such `InputError`, not only the first.
    public static func load(paths: [String]) throws(InputErrors) -> Suite {
        let found = files(paths)
        return try assemble(found, loaded: found.reads.map { $0.load(root: found.root) })
    }

    /// `load(paths:)` with the files read and parsed at once on the cooperative pool (CPU work on
    /// small files of known size), one task per file.
    public static func loadInParallel(paths: [String]) async throws(InputErrors) -> Suite {
        let found = files(paths)
        let loaded = await withTaskGroup(of: (Int, Loaded).self) { group in
            for (index, read) in found.reads.enumerated() { group.addTask { (index, read.load(root: found.root)) } }
            var loaded = [Loaded?](repeating: nil, count: found.reads.count)
            for await (index, result) in group { loaded[index] = result }
            return loaded.compactMap { $0 }
        }
        return try assemble(found, loaded: loaded)
    }

    /// The files the paths name: the suite root, what to read (the catalog first, if any), the errors found.
    private struct Found: Sendable {
        var root: String
        var reads: [Read]
        var files: [String]
        var errors: InputErrors
    }

    /// The files `paths` name.
    private static func files(_ paths: [String]) -> Found {
        let fm = FileManager.default
        var errors = InputErrors()
        let root = suiteRoot(for: paths.first ?? ".")
        let catalogFile = (root as NSString).appendingPathComponent(RequirementCatalog.fileName)
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(InputError(file: path, line: 1, column: 1, message: "no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                let found = (fm.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                    .filter {
                        ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml"))
                            && ($0 as NSString).lastPathComponent != RequirementCatalog.fileName
                    }
                    .sorted()
                files += found.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        if errors.isEmpty, files.isEmpty {
            let named = paths.joined(separator: ", ")
            errors.append(
                InputError(
                    file: paths.first ?? ".", line: 1, column: 1,
                    message: "no scenarios found in \(named) (scenario files end in .yaml)"))
        }
        var seen = Set<String>()
        files = files.filter { seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.path).inserted }
        let hasCatalog = fm.fileExists(atPath: catalogFile)
        let reads: [Read] = (hasCatalog ? [.catalog(catalogFile)] : []) + files.map { .scenario($0) }
        return Found(root: root, reads: reads, files: files, errors: errors)
    }

    /// The suite from the files found and what reading each gave, in the same order.
    private static func assemble(_ found: Found, loaded: [Loaded]) throws(InputErrors) -> Suite {
        let (root, files) = (found.root, found.files)
        var errors = found.errors
        let hasCatalog = found.reads.first?.isCatalog == true
        var catalog: RequirementCatalog?
        if hasCatalog, case .catalog(let result) = loaded[0] {
            catalog = errors.attempt { () throws(InputError) in try result.get() }
        }
        if !errors.isEmpty { throw errors }
        var suite = Suite(root: root, catalog: catalog, scenarios: [])
        for (file, outcome) in zip(files, loaded.dropFirst(hasCatalog ? 1 : 0)) {
            guard case .scenario(let result) = outcome else { continue }
            do {
                // A table's rows are checked together: one unknown id makes the whole file unloadable.
                let rows = try result.get()
                var checked: [Scenario] = []
                for row in rows { checked.append(try checkCovers(row, file: file, catalog: catalog)) }
                suite.scenarios += checked
            } catch {
                suite.unloadable.append(
                    Unloadable(file: file, relativePath: ScenarioLoader.relativePath(of: file, under: root), errors: error))
            }
        }
        return suite
    }

    /// One file of the suite to read, and what reading it gave.
    private enum Read: Sendable {
        case catalog(String)
        case scenario(String)

        var isCatalog: Bool { if case .catalog = self { true } else { false } }

        func load(root: String) -> Loaded {
            switch self {
            case .catalog(let file): .catalog(Result { () throws(InputError) in try RequirementCatalog.load(file: file) })
            case .scenario(let file):
                .scenario(Result { () throws(InputErrors) in try ScenarioLoader.loadAll(file: file, suiteRoot: root) })
            }
        }
    }

    private enum Loaded: Sendable {
        case catalog(Result<RequirementCatalog, InputError>)
        case scenario(Result<[Scenario], InputErrors>)
    }

    /// The scenario, once every id it covers is found in the catalog.
    static func checkCovers(_ scenario: Scenario, file: String, catalog: RequirementCatalog?) throws(InputErrors) -> Scenario {
        if let catalog {
            let unknown = scenario.covers.filter { !catalog.contains($0.value) }.map {
                InputError(
                    file: file, line: $0.line, column: $0.column,
                    message: "unknown requirement id '\($0.value)' (not in \(catalog.file))")
            }
            if !unknown.isEmpty { throw InputErrors(errors: unknown) }
        }
        return scenario
    }

    /// `Golden/` beside the suite root: `Scenarios` → `Golden`, `.` → `../Golden`.
    public static func defaultGoldenRoot(forSuiteRoot root: String) -> String {
        let parent = URL(fileURLWithPath: root).standardizedFileURL.deletingLastPathComponent()
        return relativeToWorkingDirectory(parent.appendingPathComponent("Golden").path)
    }

    static func suiteRoot(for path: String) -> String {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let start =
            fm.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? path : (path as NSString).deletingLastPathComponent
        var candidate = URL(fileURLWithPath: start.isEmpty ? "." : start).standardizedFileURL
        while true {
            if fm.fileExists(atPath: candidate.appendingPathComponent(RequirementCatalog.fileName).path) {
                return relativeToWorkingDirectory(candidate.path)
            }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { break }
            candidate = parent
        }
        return relativeToWorkingDirectory(URL(fileURLWithPath: start.isEmpty ? "." : start).standardizedFileURL.path)
    }

    /// `path` relative to the working directory when it lies under it, for shorter messages.
    static func relativeToWorkingDirectory(_ path: String) -> String {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        if path == cwd { return "." }
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }
}
