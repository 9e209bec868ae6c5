import Foundation

/// The scenarios named on the command line, loaded and checked against the requirement catalog.
///
/// The suite root is the nearest folder, from the first path upwards, that holds
/// `requirements.yaml` (else the path itself, or a file's folder). Golden files
/// live in `Golden/` beside the suite root unless `--golden` says otherwise.
public struct Suite: Sendable {
    public var root: String
    public var catalog: RequirementCatalog?
    public var scenarios: [Scenario]

    /// Finds and loads every scenario under `paths` (folders are searched for `*.yaml`, sorted).
    /// - Throws: every `InputError` found, not only the first.
    public static func load(paths: [String]) throws(InputErrors) -> Suite {
        let fm = FileManager.default
        var errors: [InputError] = []
        let root = suiteRoot(for: paths.first ?? ".")
        let catalogFile = (root as NSString).appendingPathComponent(RequirementCatalog.fileName)
        var catalog: RequirementCatalog?
        if fm.fileExists(atPath: catalogFile) {
            do { catalog = try RequirementCatalog.load(file: catalogFile) } catch { errors.append(error) }
        }
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
        var scenarios: [Scenario] = []
        for file in files {
            do {
                scenarios.append(try loadScenario(file, root: root, catalog: catalog))
            } catch {
                errors.append(error)
            }
        }
        if !errors.isEmpty { throw InputErrors(errors: errors) }
        return Suite(root: root, catalog: catalog, scenarios: scenarios)
    }

    /// Loads one scenario and checks that every id it covers is in the catalog.
    static func loadScenario(_ file: String, root: String, catalog: RequirementCatalog?) throws(InputError) -> Scenario {
        let scenario = try ScenarioLoader.load(file: file, suiteRoot: root)
        if let catalog, let unknown = scenario.covers.first(where: { !catalog.contains($0.value) }) {
            throw InputError(
                file: file, line: unknown.line, column: unknown.column,
                message: "unknown requirement id '\(unknown.value)' (not in \(catalog.file))")
        }
        return scenario
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

/// Several input errors, reported together.
public struct InputErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [InputError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
