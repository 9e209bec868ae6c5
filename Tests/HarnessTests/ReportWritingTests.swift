import BifrostTesting
import Foundation
import Testing
import Wire

@testable import Harness

/// The JSON, HTML and JUnit reports of a run with a pass, a failure and a file that does not load.
@Suite struct ReportWritingTests {
    @Test func `a report in a folder that does not exist is refused before the run`() throws {
        let folder = try TemporaryFolder("report-paths")
        defer { folder.remove() }
        #expect(ReportFile.problem(writingFile: folder.file("nope/r.json")) == "the folder \(folder.file("nope")) does not exist")
        #expect(ReportFile.problem(writingFile: folder.path) == "\(folder.path) is a folder, not a file")
        #expect(ReportFile.problem(writingFile: folder.file("r.json")) == nil)
        #expect(ReportFile.problem(writingFile: "r.json") == nil)
        #expect(
            ReportFile.problem(writingFolder: folder.file("nope/report")) == "the folder \(folder.file("nope")) does not exist")
        #expect(ReportFile.problem(writingFolder: folder.file("report")) == nil)
        let file = try folder.write("x", to: "file")
        #expect(ReportFile.problem(writingFolder: file) == "\(file) is a file, not a folder")
    }
}
