import BifrostTesting
import Foundation
import Partners
import Support
import Testing
import Wire

@testable import Certification

/// Every verdict stands on a source: each refusal written in the mocks' sources (found by reading them,
/// not from a list) has a `MockRefusal` entry with a requirement or a specification clause, and every
/// required check names one; an entry no refusal in the sources answers any more is stale.
@Suite struct CheckSourcesTests {
    /// One refusal as written: the file, the status (`fault` for a SOAP Fault) and the code as the catalog keys it.
    struct Site: Hashable, CustomStringConvertible {
        var file: String
        var line: Int
        var key: String
        var description: String { "\(file):\(line): \(key)" }
    }

    /// The folders whose files answer requests: the mocks and the readers they use.
    static let folders = ["Sources/Partners", "Sources/Wire"]

    /// Every refusal written under `folders`: a JSON:API or page error `status: 4xx, code:`, a REST
    /// `error(4xx, …)`, `errors(4xx, …)` or `refuse(4xx, …)`, and a `SOAPFault(.sender` or
    /// `.versionMismatch`. The admin API is Bifrost's own control surface, not a partner's contract.
    static func sites() throws -> [Site] {
        var found: [Site] = []
        for folder in folders {
            let root = SourceTree.path(folder)
            let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
            for relative in files.sorted() where relative.hasSuffix(".swift") {
                let name = (relative as NSString).lastPathComponent
                if name.contains("Admin") { continue }
                let text = try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
                found += scan(text, file: name)
            }
        }
        return found
    }

    static let patterns: [(regex: String, fault: Bool)] = [
        (#"status:\s*(4\d\d),\s*code:\s*"#, false),
        // Not `\b`: by Unicode's word rules `RESTAnswer.error` is one word.
        (#"(?:^|[^A-Za-z0-9_])(?:error|errors|refuse)\(\s*(4\d\d),\s*"#, false),
        (#"SOAPFault\(\s*\.(sender|versionMismatch),\s*"#, true),
    ]

    static func scan(_ text: String, file: String) -> [Site] {
        var found: [Site] = []
        for (pattern, fault) in patterns {
            guard let regex = try? Regex(pattern) else { continue }
            for match in text.matches(of: regex) {
                let token = codeToken(text[match.range.upperBound...])
                let captured = match.output[1].substring.map(String.init) ?? ""
                let line = text[..<match.range.lowerBound].count { $0 == "\n" } + 1
                let key: String
                if fault {
                    let prefix = captured == "sender" ? MockRefusal.faultPrefix : MockRefusal.versionMismatchPrefix
                    key = "\(file) fault " + (token.literal ? prefix + token.text : token.text)
                } else {
                    key = "\(file) \(captured) \(token.text)"
                }
                found.append(Site(file: file, line: line, key: key))
            }
        }
        return found
    }

    /// The code argument: a string literal with each interpolation written `…`, or the expression's name.
    static func codeToken(_ rest: Substring) -> (text: String, literal: Bool) {
        guard rest.first == "\"" else {
            return (String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }), false)
        }
        var text = ""
        var index = rest.index(after: rest.startIndex)
        var depth = 0
        while index < rest.endIndex {
            let character = rest[index]
            let next = rest.index(after: index)
            if depth > 0 {
                if character == "(" { depth += 1 } else if character == ")" { depth -= 1 }
            } else if character == "\\", next < rest.endIndex, rest[next] == "(" {
                depth = 1
                text += "…"
                index = rest.index(after: next)
                continue
            } else if character == "\\", next < rest.endIndex {
                text.append(rest[next])
                index = rest.index(after: next)
                continue
            } else if character == "\"" {
                break
            } else {
                text.append(character)
            }
            index = next
        }
        return (text, true)
    }

    static func catalog() throws -> RequirementCatalog {
        try RequirementCatalog.load(file: SourceTree.path("Scenarios/requirements.yaml"))
    }

    @Test func `the scan finds the refusals it is meant to find`() {
        let text = """
            JSONAPIError(
                status: 401, code: "not-authenticated", title: "x")
            RESTAnswer.error(401, problem.code, problem.message)
            throw SOAPFault(.sender, "\\(report.rawValue)/Req/StartDate '\\(startDate)' is not an xs:dateTime")
            SOAPFault(.receiver, "not a refusal")
            .error(JSONAPIError(status: 503, code: "deadline-exceeded", title: "a 5xx is not a verdict"))
            """
        #expect(
            Self.scan(text, file: "F.swift").map(\.key) == [
                "F.swift 401 not-authenticated", "F.swift 401 problem.code",
                "F.swift fault Client: …/Req/StartDate '…' is not an xs:dateTime",
            ])
    }

    @Test func `every refusal written in the mocks has a source or is a state's opt-in`() throws {
        let sites = try Self.sites()
        #expect(sites.count > 60)
        let entries = Dictionary(MockRefusal.all.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for site in sites {
            guard let entry = entries[site.key] else {
                Issue.record(
                    "\(site): a refusal with no MockRefusal entry (give it a source, or accept the request with a warning)")
                continue
            }
            #expect(entry.refuses || entry.optIn != nil, "\(site): refused without a source")
        }
        let written = Set(sites.map(\.key))
        for entry in MockRefusal.all where entry.refuses || entry.optIn != nil {
            #expect(written.contains(entry.key), "\(entry.key): no such refusal in the sources any more")
        }
        #expect(Set(MockRefusal.all.map(\.key)).count == MockRefusal.all.count, "an entry is listed twice")
    }

    @Test func `every source resolves: a requirement of the catalog or a clause of a named specification`() throws {
        let catalog = try Self.catalog()
        #expect(VerdictSourceList.problems(in: catalog) == [])
        for refusal in MockRefusal.all {
            for source in refusal.sources {
                #expect(VerdictSourceList.problem(of: source, in: catalog) == nil, "\(refusal.key)")
            }
        }
    }

    @Test func `every required check names its source; a check without one is recommended`() throws {
        let catalog = try Self.catalog()
        let checks = CheckDefinition.everyCheck
        #expect(checks.count == CertificationModelTests.families.reduce(0) { $0 + $1.definitions.count })
        for (command, check) in checks {
            if check.severity == .required {
                let source = try #require(check.source, "\(command) \(check.id) is required without a source")
                #expect(VerdictSourceList.problem(of: source, in: catalog) == nil, "\(command) \(check.id)")
            }
        }
        #expect(CheckDefinition.recommended("IMT-DP-012", "t").severity == .recommended)
        #expect(CheckDefinition(id: "IMT-DP-012", title: "t", severity: .required, source: nil).severity == .recommended)
    }

    @Test func `the checks no seed states are recommended`() {
        let imt = Dictionary(uniqueKeysWithValues: IMTCheck.definitions.map { ($0.id, $0) })
        for id in ["IMT-DP-012", "IMT-SESS-006", "IMT-RTDR-001", "IMT-RTDR-013"] {
            #expect(imt[id]?.severity == .recommended, "\(id)")
            #expect(imt[id]?.source == nil, "\(id)")
        }
        #expect(BIFCheck.definitions.first { $0.id == "BIF-SPEC-002" }?.severity == .recommended)
    }

    @Test func `requirements --sources lists every refusal and every check with its source`() throws {
        let text = VerdictSourceList.text(catalog: try Self.catalog())
        for refusal in MockRefusal.all {
            #expect(text.contains("\(refusal.mock) \(refusal.status) \(refusal.code)") || !refusal.refuses)
        }
        for (command, check) in CheckDefinition.everyCheck { #expect(text.contains("\(command)  \(check.id)")) }
        #expect(text.contains("source: IMT-SESS-001 (000_65f71bf3b937da3c.txt, sessions): \"Creates a session"))
        #expect(text.contains("imt duplicate-transaction"))
        #expect(text.contains("refused only with imt.refuse: [duplicate-transaction]"))
        #expect(text.hasSuffix("every refusal and every required check names a source"))
    }
}
