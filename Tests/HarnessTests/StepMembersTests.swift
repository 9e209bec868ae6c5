import BifrostTesting
import Foundation
import Partners
import Support
import Testing
import Wire
import Yams

@testable import Harness

/// Steps that cannot crash: a missing member is an input error at its position, and a step gets every need it declares.
@Suite struct StepMembersTests {
    /// The first error loading a scenario whose one step, on line 5, is `step`; nil when it loads.
    func firstError(step: String) throws -> InputError? {
        let folder = try TemporaryFolder("step-members")
        defer { folder.remove() }
        let file = try folder.write(
            """
            name: x
            profile: imt-spectrum
            clock: 2024-09-03T00:00:00Z
            steps:
              - \(step)
            """, to: "case.yaml")
        do {
            _ = try ScenarioLoader.load(file: file, suiteRoot: folder.path)
            return nil
        } catch {
            return error.errors.first
        }
    }

    @Test(arguments: [
        ("rtdr: {}", "account"),
        ("bif-generate: {invoices: 1, output: a.bif}", "seed"),
        ("imt-request: {method: GET}", "path"),
        ("bif-diff: {expected: a.bif}", "actual"),
        ("run: {args: [x]}", "command"),
    ])
    func `a step missing a required member is an input error at the step naming the member`(step: String, member: String) throws {
        let error = try #require(try firstError(step: step))
        let brace = try #require(step.firstIndex(of: "{"))
        let column = step.distance(from: step.startIndex, to: brace) + 5
        #expect(error.file.hasSuffix("case.yaml"))
        #expect(error.line == 5)
        #expect(error.column == column)
        #expect(error.message.hasSuffix("needs '\(member)'"))
        #expect(error.description.hasSuffix("case.yaml:5:\(column): \(error.message)"))
    }

    @Test func `a member the schema did not require is still read without a crash, as an error at its mapping`() throws {
        let reader = YAMLReader(file: "case.yaml")
        let root = try reader.root(of: "steps:\n  - rtdr: {other: 1}\n")
        let steps = try reader.mapping(root, what: "a scenario", allowed: ["steps"])
        let list = try #require(steps["steps"])
        let step = try #require(try reader.sequence(list, what: "steps").first)
        let node = try #require(try reader.mapping(step, what: "a step", allowed: ["rtdr"])["rtdr"])
        let fields = try reader.mapping(node, what: "an rtdr step", allowed: ["account", "other"])
        let error = #expect(throws: InputError.self) { try reader.required("account", in: fields, at: node) }
        #expect(error?.description == "case.yaml:2:11: missing 'account': this mapping needs it")
        #expect(try reader.required("other", in: fields, at: node).scalar?.string == "1")
    }

    @Test func `a step that needs a folder and sshd gets both, each removed after it`() async throws {
        var context = try StepRegistryTests.context()
        let result = await StepRunner.run(FolderAndServerStep(), in: &context)
        let folder = try #require(result["folder"]?.stringValue)
        let uploadFolder = try #require(result["upload_folder"]?.stringValue)
        #expect(result["folder_exists"] == .bool(true))
        #expect(result["upload_folder_exists"] == .bool(true))
        let port = result["port"].flatMap { value -> Int? in if case .number(let text) = value { Int(text) } else { nil } }
        #expect(port ?? 0 > 0)
        #expect(FileManager.default.fileExists(atPath: folder) == false)
        #expect(FileManager.default.fileExists(atPath: uploadFolder) == false)
        #expect(context.folder == nil)
        #expect(context.sshd == nil)
    }
}

/// A step declaring two needs; it reports what it was given.
private struct FolderAndServerStep: StepKind {
    static let key = "folder-and-sshd-probe"
    static let schema = MappingSchema("Reports the folder and the SFTP server it was given.")
    init(from node: Yams.Node, loading: inout StepLoading) throws(InputError) {}
    init() {}
    var needs: StepNeeds { [.folder, .sshd] }

    func run(in context: inout ScenarioContext) async -> Given {
        Given(
            folder: context.folder, folderExists: context.folder.map { FileManager.default.fileExists(atPath: $0) } ?? false,
            uploadFolder: context.sshd?.uploadFolder,
            uploadFolderExists: context.sshd.map { FileManager.default.fileExists(atPath: $0.uploadFolder) } ?? false,
            port: context.sshd?.port)
    }

    /// The folder and the server the step found in its context.
    struct Given: Encodable, Sendable {
        var folder: String?
        var folderExists: Bool
        var uploadFolder: String?
        var uploadFolderExists: Bool
        var port: Int?

        enum CodingKeys: String, CodingKey {
            case folder, port
            case folderExists = "folder_exists"
            case uploadFolder = "upload_folder"
            case uploadFolderExists = "upload_folder_exists"
        }
    }
}
