import BifrostTesting
import Foundation
import Testing
import Wire

/// The CI templates under `ci/`: the package templates install the released `.deb` on a plain Debian image and
/// run the shipped suite over three shards; the source templates run the README's suite command in a
/// Debian-based Swift image; both keep the JUnit file and the HTML report whether the run passes or fails.
/// The release template builds, checks and attaches the packages. With `BIFROST_CHECK_TEMPLATES=1`, after
/// `ci/package`, the package templates' shell steps also run, in order, in a clean Debian root.
@Suite struct CITemplateTests {
    static let shards = ["1/3", "2/3", "3/3"]
    static let packageTemplates = ["github-actions.yml", "gitlab-ci.yml"]

    /// The parts of the README's set-up command for the suite (`ci/setup`, `swift run bifrost run Scenarios`).
    static func readmeCommand(containing text: String) throws -> [String] {
        let readme = try SourceTree.text("README.md")
        let setUp = readme.components(separatedBy: "\n## ").first { $0.hasPrefix("Set-up") } ?? ""
        let command = setUp.split(separator: "\n").first { $0.hasPrefix("    ") && $0.contains(text) }
        let parts = (command ?? "").components(separatedBy: "&&").map { $0.trimmingCharacters(in: .whitespaces) }
        return parts.filter { !$0.isEmpty }
    }

    static func template(_ name: String) throws -> JSONValue {
        try JSONValue(yaml: try SourceTree.text("ci/" + name))
    }

    /// The `--shard` values a command gives once `variable` is replaced by each of `values`.
    static func shards(of command: String, replacing variable: String, by values: [JSONValue]) -> [String] {
        values.compactMap { value -> String? in
            guard let text = scalarText(value) else { return nil }
            let words = command.replacingOccurrences(of: variable, with: text).split(separator: " ")
            guard let index = words.firstIndex(of: "--shard"), index + 1 < words.count else { return nil }
            return String(words[index + 1])
        }
    }

    /// A YAML scalar as the CI sees it: `1` and `"1"` alike.
    static func scalarText(_ value: JSONValue) -> String? {
        value.stringValue ?? (value == .null || value.arrayValue != nil || value.objectValue != nil ? nil : value.compactText)
    }

    /// Checks the command runs the README's parts in order, with the JUnit file and the report folder.
    static func expectSuiteCommand(_ command: String, in file: String) throws {
        let parts = try readmeCommand(containing: "bifrost run Scenarios")
        #expect(parts == ["ci/setup", "swift run bifrost run Scenarios"], "the README's suite command")
        var rest = Substring(command)
        for part in parts {
            let found = rest.range(of: part)
            #expect(found != nil, "\(file) runs \(part), in the README's order")
            if let found { rest = rest[found.upperBound...] }
        }
        #expect(command.hasSuffix("--junit report.xml --report report"), "\(file): \(command)")
    }

    /// Checks a package template's suite command: the installed binary on the shipped suite, with the reports.
    static func expectPackageCommand(_ command: String, in file: String) {
        #expect(command.hasPrefix("bifrost run \"$BIFROST_SCENARIOS\" --shard "), "\(file): \(command)")
        #expect(command.hasSuffix("--junit report.xml --report report"), "\(file): \(command)")
        #expect(!command.contains("swift ") && !command.contains("ci/setup"), "\(file) needs no toolchain: \(command)")
    }

    /// The GitHub Actions job that runs the suite.
    static func gitHubSuiteJob(_ template: JSONValue) throws -> JSONValue {
        let jobs = try #require(template["jobs"]?.objectValue)
        return try #require(
            jobs.first { job in
                job.value["steps"]?.arrayValue?.contains { $0["run"]?.stringValue?.contains("bifrost run") == true } == true
            }?.value)
    }

    /// The GitLab CI job that runs the suite.
    static func gitLabSuiteJob(_ template: JSONValue) throws -> JSONValue {
        try #require(template.objectValue?.first { $0.value["script"] != nil }?.value)
    }

    // MARK: The package templates

    @Test func `the GitHub Actions template installs the released package on plain Debian and runs three shards`() throws {
        let template = try Self.template("github-actions.yml")
        let url = try #require(template["env"]?["BIFROST_DEB_URL"]?.stringValue)
        #expect(url.hasPrefix("https://") && url.hasSuffix("_amd64.deb"), "the package's URL, a variable at the top")
        let job = try Self.gitHubSuiteJob(template)
        #expect(job["container"]?.stringValue?.hasPrefix("debian:") == true)
        #expect(job["strategy"]?["fail-fast"] == .bool(false))
        let runs = (job["steps"]?.arrayValue ?? []).compactMap { $0["run"]?.stringValue }
        let download = try #require(runs.firstIndex { $0.contains("\"$BIFROST_DEB_URL\"") })
        let install = try #require(runs.firstIndex { $0.contains("apt-get install -y -qq /tmp/bifrost.deb") })
        let suite = try #require(runs.firstIndex { $0.contains("bifrost run") })
        #expect(download < install && install < suite)
        Self.expectPackageCommand(runs[suite], in: "github-actions.yml")
        let values = job["strategy"]?["matrix"]?["shard"]?.arrayValue ?? []
        #expect(Self.shards(of: runs[suite], replacing: "${{ matrix.shard }}", by: values) == Self.shards)
    }

    @Test func `the GitLab CI template installs the released package on plain Debian and runs three shards`() throws {
        let template = try Self.template("gitlab-ci.yml")
        let url = try #require(template["variables"]?["BIFROST_DEB_URL"]?.stringValue)
        #expect(url.hasPrefix("https://") && url.hasSuffix("_amd64.deb"), "the package's URL, a variable at the top")
        let job = try Self.gitLabSuiteJob(template)
        #expect(job["image"]?.stringValue?.hasPrefix("debian:") == true)
        let before = (job["before_script"]?.arrayValue ?? []).compactMap(\.stringValue)
        #expect(before.contains { $0.contains("\"$BIFROST_DEB_URL\"") })
        #expect(before.contains { $0.contains("apt-get install -y -qq /tmp/bifrost.deb") })
        let command = try #require(job["script"]?.arrayValue?.compactMap(\.stringValue).first { $0.contains("bifrost run") })
        Self.expectPackageCommand(command, in: "gitlab-ci.yml")
        let values = job["parallel"]?["matrix"]?.arrayValue?.first?["SHARD"]?.arrayValue ?? []
        #expect(Self.shards(of: command, replacing: "${SHARD}", by: values) == Self.shards)
    }

    // MARK: The source templates

    @Test func `the GitHub Actions source template runs the README's suite command in a Debian Swift image`() throws {
        let job = try Self.gitHubSuiteJob(try Self.template("github-actions-source.yml"))
        let image = job["container"]?.stringValue ?? ""
        #expect(image.hasPrefix("swift:6") && image.hasSuffix("-bookworm"), "a Debian-based Swift image: \(image)")
        #expect(job["strategy"]?["fail-fast"] == .bool(false))
        let steps = job["steps"]?.arrayValue ?? []
        let command = try #require(steps.compactMap { $0["run"]?.stringValue }.first { $0.contains("bifrost run") })
        try Self.expectSuiteCommand(command, in: "github-actions-source.yml")
        let values = job["strategy"]?["matrix"]?["shard"]?.arrayValue ?? []
        #expect(Self.shards(of: command, replacing: "${{ matrix.shard }}", by: values) == Self.shards)
    }

    @Test func `the GitLab CI source template runs the README's suite command in a Debian Swift image`() throws {
        let job = try Self.gitLabSuiteJob(try Self.template("gitlab-ci-source.yml"))
        let image = job["image"]?.stringValue ?? ""
        #expect(image.hasPrefix("swift:6") && image.hasSuffix("-bookworm"), "a Debian-based Swift image: \(image)")
        let command = try #require(job["script"]?.arrayValue?.compactMap(\.stringValue).first { $0.contains("bifrost run") })
        try Self.expectSuiteCommand(command, in: "gitlab-ci-source.yml")
        let values = job["parallel"]?["matrix"]?.arrayValue?.first?["SHARD"]?.arrayValue ?? []
        #expect(Self.shards(of: command, replacing: "${SHARD}", by: values) == Self.shards)
    }

    // MARK: Reports kept

    @Test(arguments: ["github-actions.yml", "github-actions-source.yml"])
    func `a GitHub Actions template keeps each shard's JUnit file and report, also when it fails`(file: String) throws {
        let jobs = try #require(try Self.template(file)["jobs"]?.objectValue)
        let steps = jobs.flatMap { $0.value["steps"]?.arrayValue ?? [] }
        let upload = try #require(steps.first { $0["uses"]?.stringValue?.hasPrefix("actions/upload-artifact@") == true })
        #expect(upload["if"]?.stringValue?.contains("always()") == true)
        let paths = (upload["with"]?["path"]?.stringValue ?? "").split(separator: "\n").map(String.init)
        #expect(paths == ["report.xml", "report/"])
        // Artifacts of one run need names of their own.
        #expect(upload["with"]?["name"]?.stringValue?.contains("${{ matrix.shard }}") == true)
    }

    @Test(arguments: ["gitlab-ci.yml", "gitlab-ci-source.yml"])
    func `a GitLab CI template reports the JUnit file and keeps the report, also when it fails`(file: String) throws {
        let job = try Self.gitLabSuiteJob(try Self.template(file))
        let artifacts = try #require(job["artifacts"])
        #expect(artifacts["when"] == "always")
        #expect(artifacts["reports"]?["junit"] == "report.xml")
        #expect(artifacts["paths"] == ["report.xml", "report/"])
    }

    // MARK: The release template and the README

    @Test func `the release template builds and checks the packages, then attaches them to the tag's release`() throws {
        let template = try Self.template("github-actions-release.yml")
        // YAML 1.1 reads the key `on` as a boolean: the trigger is checked in the text.
        #expect(try SourceTree.text("ci/github-actions-release.yml").contains("  push:\n    tags: [\"v*\"]\n"))
        let job = try #require(template["jobs"]?.objectValue?.first?.value)
        #expect(job["container"]?["image"]?.stringValue?.hasSuffix("-bookworm") == true)
        #expect(job["container"]?["options"]?.stringValue?.contains("--privileged") == true, "debootstrap, mount and chroot")
        let steps = job["steps"]?.arrayValue ?? []
        let package = try #require(steps.firstIndex { $0["run"]?.stringValue == "ci/package" })
        let check = try #require(steps.firstIndex { $0["run"]?.stringValue == "ci/check-package" })
        let attach = try #require(steps.firstIndex { $0["uses"]?.stringValue?.hasPrefix("softprops/action-gh-release@") == true })
        #expect(package < check && check < attach)
        let files = (steps[attach]["with"]?["files"]?.stringValue ?? "").split(separator: "\n").map(String.init)
        #expect(files.contains(".build-package/bifrost_*_amd64.deb"))
        #expect(files.contains(".build-package/bifrost-*-linux-x86_64.tar.gz"))
    }

    @Test func `the README's test command installs the test extras and .ci/run runs it`() throws {
        #expect(try Self.readmeCommand(containing: "swift test") == ["ci/setup --tests", "swift test"])
        #expect(try SourceTree.text(".ci/run").contains("ci/setup --tests && swift test"))
        let lists = try SourceTree.text("ci/setup").split(separator: "\n").filter { $0.contains("=(") }
        #expect(lists.contains("tests=(chromium openssl)"), "chromium and openssl with --tests")
        #expect(lists.first { $0.hasPrefix("suite=(") }?.contains("chromium") == false, "not for the suite")
    }

    // MARK: The package templates' steps, run

    @Test(arguments: packageTemplates)
    func `a package template's job runs its steps per shard with the local package for the download`(file: String) throws {
        let job = try TemplateJob(file: file, template: Self.template(file))
        #expect(job.shards == ["1", "2", "3"])
        #expect(job.steps.count >= 3, "download, install, run")
        let folder = try TemporaryFolder("template-job")
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        try job.write(to: folder, packageURL: "file:///opt/bifrost-check/bifrost_9.9.9_amd64.deb")
        let script = try String(contentsOfFile: folder.file("job.sh"), encoding: .utf8)
        let steps = script.split(separator: "\n").filter { $0.hasPrefix("sh -e ") }
        #expect(steps.count == job.steps.count * 3, "every step, for each shard, in order:\n\(script)")
        for shard in job.shards {
            let last = try String(contentsOfFile: folder.file("shard-\(shard)-step-\(job.steps.count).sh"), encoding: .utf8)
            #expect(last.contains("export BIFROST_DEB_URL='file:///opt/bifrost-check/bifrost_9.9.9_amd64.deb'"))
            #expect(last.contains("bifrost run \"$BIFROST_SCENARIOS\" --shard \(shard)/3 --junit report.xml --report report"))
            #expect(script.contains("mkdir -p /job-\(shard) && cd /job-\(shard)"))
        }
    }

    /// Runs the package templates' shell steps, in order, for each shard, in a clean Debian root (ci/check-package
    /// --template), the `.deb` in .build-package/ standing in for the download. Opt-in: it needs root, a network
    /// path to Debian's archive, and `ci/package` run first; it takes a few minutes.
    @Test(
        .enabled(if: ProcessInfo.processInfo.environment["BIFROST_CHECK_TEMPLATES"] == "1"), .serialized,
        arguments: packageTemplates)
    func `a package template's steps run green in a clean Debian root`(file: String) async throws {
        let packages = SourceTree.path(".build-package")
        let deb = try #require(
            (try? FileManager.default.contentsOfDirectory(atPath: packages))?.first { $0.hasSuffix("_amd64.deb") },
            "no .deb in .build-package: run ci/package first")
        let job = try TemplateJob(file: file, template: Self.template(file))
        let folder = try TemporaryFolder("template")
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        try job.write(to: folder, packageURL: "file:///opt/bifrost-check/" + deb)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: SourceTree.path("ci/check-package"))
        process.arguments = ["--template", folder.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(file):\n\(text)")
        for shard in job.shards {
            #expect(text.contains("== \(file), shard \(shard): kept report.xml and report/"), "\(file):\n\(text)")
        }
        #expect(text.components(separatedBy: "\n").filter { $0.hasSuffix("passed, 0 failed") }.count == job.shards.count)
    }
}
