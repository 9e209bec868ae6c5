import Foundation

extension GoldenStore {
    /// The golden files under `folders` (paths under the golden root) that no scenario of
    /// `scenarios` produces and that do not belong to a scenario in `skipped` (files that did
    /// not load): left behind by a renamed or deleted scenario. `.pending` files do not count.
    func unreferenced(by scenarios: [Scenario], skipping skipped: [String], under folders: [String]) -> [String] {
        let referenced = Set(scenarios.flatMap { scenario in scenario.golden.map { path(of: scenario, output: $0) } })
        // A table file that did not load skips its rows' folders too (`path[row]/`).
        let skippedFolders = skipped.flatMap { path in
            let folder = (root as NSString).appendingPathComponent(path)
            return [folder + "/", folder + "["]
        }
        var found: [String] = []
        for folder in Set(folders) {
            let base = folder.isEmpty ? root : (root as NSString).appendingPathComponent(folder)
            for relative in (FileManager.default.enumerator(atPath: base)?.allObjects as? [String]) ?? [] {
                let file = (base as NSString).appendingPathComponent(relative)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
                    !file.hasSuffix(Self.pendingSuffix), !referenced.contains(file),
                    !skippedFolders.contains(where: { file.hasPrefix($0) })
                else { continue }
                found.append(file)
            }
        }
        return found.sorted()
    }
}
