import CBuildStamp

/// What `bifrost --version` prints: the version, set here and nowhere else, and the commit the
/// binary was built from.
///
/// The commit is not compiled in: `ci/package` stamps it into the shipped copy after the build
/// (`Sources/CBuildStamp`), so builds stay the same bytes for the same sources. A binary built from
/// source without `ci/package` says it was not stamped.
enum BuildInfo {
    /// The release version; `ci/package` names the packages after it.
    static let version = "0.2.0"

    /// The commit stamped by `ci/package`, or nil for a binary built from source.
    static var commit: String? {
        let text = String(cString: bifrost_build_commit())
        return text.isEmpty ? nil : text
    }

    /// The version line: `0.2.0 (commit 1a2b…)`, or `0.2.0 (built from source, commit not stamped)`.
    static var versionLine: String {
        if let commit { return "\(version) (commit \(commit))" }
        return "\(version) (built from source, commit not stamped)"
    }
}
