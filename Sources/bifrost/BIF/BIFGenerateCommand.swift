import ArgumentParser
import Foundation
import Harness
import Support
import Wire

struct BIFGenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a valid synthetic BIF for a profile, the same bytes for the same seed.")

    /// The profiles a file can be generated for: the common rules alone describe no partner's upload.
    enum GeneratedProfile: String, ExpressibleByArgument, CaseIterable {
        case imtMipsApps = "imt-mips-apps"
        case imtSpectrum = "imt-spectrum"

        var profile: BIFProfile { self == .imtMipsApps ? .imtMipsApps : .imtSpectrum }
    }

    @Option(help: "imt-mips-apps (one invoice) or imt-spectrum.")
    var profile: GeneratedProfile

    @Option(help: "How many invoices.")
    var invoices: Int = 1

    @Option(help: "The seed of the pseudo-random values.")
    var seed: UInt64 = 1

    @Option(help: "The FileCreationDate and first invoice date, mm/dd/yyyy.")
    var date: BIFDate = BIFDate(year: 2024, month: 9, day: 1)!

    @Option(help: "The file to write.")
    var output: String

    @OptionGroup var layout: BIFLayoutOption

    func validate() throws {
        guard invoices >= 0 else { throw ValidationError("--invoices must be 0 or more") }
        if profile == .imtMipsApps, invoices != 1 {
            throw ValidationError("an imt-mips-apps upload holds exactly one invoice: use --invoices 1, or imt-spectrum")
        }
    }

    func run() async throws {
        var generator = BIFGenerator(profile: profile.profile, seed: seed, layout: try layout.load())
        generator.fileDate = date
        do {
            try BIFFiles.write(to: output) { handle in
                try generator.generate(invoices: invoices) { chunk in try handle.write(contentsOf: chunk) }
            }
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }
}
