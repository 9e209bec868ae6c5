import BifrostTesting
import Foundation
import Wire

/// A package template's job as shell steps: its variables, then each step's commands, per shard.
struct TemplateJob {
    var file: String
    /// The variables the template sets, in order.
    var variables: [(name: String, value: String)] = []
    /// The steps' names and commands, in order, with the shard still a placeholder.
    var steps: [(name: String, commands: String)] = []
    /// The placeholder the shard's number replaces.
    var placeholder: String
    /// The shards' numbers.
    var shards: [String]

    init(file: String, template: JSONValue) throws {
        self.file = file
        if file.hasPrefix("github") {
            variables = (template["env"]?.objectValue ?? []).compactMap { member in
                CITemplateTests.scalarText(member.value).map { (member.key, $0) }
            }
            let job = try CITemplateTests.gitHubSuiteJob(template)
            steps = (job["steps"]?.arrayValue ?? []).compactMap { step in
                step["run"]?.stringValue.map { (step["name"]?.stringValue ?? "run", $0) }
            }
            placeholder = "${{ matrix.shard }}"
            shards = (job["strategy"]?["matrix"]?["shard"]?.arrayValue ?? []).compactMap(CITemplateTests.scalarText)
        } else {
            variables = (template["variables"]?.objectValue ?? []).compactMap { member in
                CITemplateTests.scalarText(member.value).map { (member.key, $0) }
            }
            let job = try CITemplateTests.gitLabSuiteJob(template)
            for key in ["before_script", "script"] {
                for line in (job[key]?.arrayValue ?? []).compactMap(\.stringValue) { steps.append((key, line)) }
            }
            placeholder = "${SHARD}"
            let matrix = job["parallel"]?["matrix"]?.arrayValue?.first?["SHARD"]?.arrayValue ?? []
            shards = matrix.compactMap(CITemplateTests.scalarText)
        }
        let unknown = steps.map(\.commands).joined().replacingOccurrences(of: placeholder, with: "")
        if unknown.contains("${{") { throw TemplateError(description: "\(file) uses an expression the test cannot stand in for") }
    }

    struct TemplateError: Error, CustomStringConvertible { var description: String }

    /// Writes `job.sh` and one file per shard and step into `folder`: each shard in a folder of its own, as a
    /// fresh job would, the package's URL replaced by `packageURL`.
    func write(to folder: TemporaryFolder, packageURL: String) throws {
        var job = "set -e\n"
        for shard in shards {
            let exports = variables.map { variable in
                let value = variable.name == "BIFROST_DEB_URL" ? packageURL : variable.value
                return "export \(variable.name)=\(Self.quoted(value))"
            }
            job += "echo '== \(file), shard \(shard) of \(shards.count)'\n"
            job += "mkdir -p /job-\(shard) && cd /job-\(shard)\n"
            for (index, step) in steps.enumerated() {
                let commands = step.commands.replacingOccurrences(of: placeholder, with: shard)
                let name = "shard-\(shard)-step-\(index + 1).sh"
                try folder.write((exports + ["export SHARD=\(shard)", commands]).joined(separator: "\n") + "\n", to: name)
                job += "echo \(Self.quoted("-- \(step.name): \(commands)"))\n"
                job += "sh -e /opt/bifrost-check/template/\(name)\n"
            }
            job += "test -s report.xml && test -s report/index.html\n"
            job += "echo '== \(file), shard \(shard): kept report.xml and report/'\n"
        }
        try folder.write(job, to: "job.sh")
    }

    /// `text` in single quotes for sh.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
