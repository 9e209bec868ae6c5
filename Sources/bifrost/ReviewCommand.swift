import ArgumentParser
import Foundation
import Harness
import Support

/// `bifrost review`: walks the `.pending` outputs beside the golden files, one by one.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review the outputs waiting beside the golden files (<file>.pending): accept, reject or skip each.",
        discussion: """
            For each pending output, shows its diff against the golden file and reads one answer from standard input: \
            a (accept: the output becomes the golden file), r (reject: the pending file is deleted), s (skip), q (quit). \
            Any other answer is asked again; the end of input skips the rest. Exit status: 0 done, 2 a usage error or a file that \
            cannot be changed.
            """)

    @Option(help: "The golden folder.")
    var golden = "Golden"

    @Flag(help: "Accept every pending output without asking.")
    var acceptAll = false

    @Flag(help: "Reject every pending output without asking.")
    var rejectAll = false

    func validate() throws {
        if acceptAll && rejectAll { throw ValidationError("--accept-all and --reject-all exclude each other") }
    }

    func run() throws {
        let items = PendingReview(root: golden).items
        guard !items.isEmpty else {
            printLine("nothing to review under \(golden)")
            return
        }
        var counts = (accepted: 0, rejected: 0, skipped: 0)
        do {
            for (index, item) in items.enumerated() {
                let answer: Character
                if acceptAll || rejectAll {
                    answer = acceptAll ? "a" : "r"
                } else {
                    printLine("[\(index + 1)/\(items.count)] \(item.golden)\n\(item.diff)")
                    answer = Self.ask()
                }
                switch answer {
                case "a":
                    try item.accept()
                    counts.accepted += 1
                case "r":
                    try item.reject()
                    counts.rejected += 1
                case "q":
                    counts.skipped += items.count - index
                    printLine("\(counts.accepted) accepted, \(counts.rejected) rejected, \(counts.skipped) skipped")
                    return
                default:
                    counts.skipped += 1
                }
            }
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
        printLine("\(counts.accepted) accepted, \(counts.rejected) rejected, \(counts.skipped) skipped")
    }

    /// Reads answers until one is a, r, s or q (in either case, or the word it stands for); the end
    /// of the input is q. Anything else is said to be no answer, and the question asked again.
    static func ask() -> Character {
        while true {
            printLine("accept, reject, skip or quit? [a/r/s/q]")
            guard let line = readLine() else { return "q" }
            let text = line.trimmingCharacters(in: .whitespaces).lowercased()
            let words = ["accept", "reject", "skip", "quit"]
            if let answer = text.first, "arsq".contains(answer), text.count == 1 || words.contains(text) { return answer }
            printLine("'\(line)' is not an answer: type a, r, s or q")
        }
    }
}
