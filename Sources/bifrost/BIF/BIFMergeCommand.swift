import ArgumentParser
import Foundation
import Harness
import Support
import Wire

struct BIFMergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Consolidate single-invoice BIFs into one import file, as IC does for IMT MIPS/APPS.",
        discussion: """
            The invoices keep their upload order under a new file header with InvoiceCount and \
            TotalInvoiceAmount recomputed. An InvoiceNumber uploaded again replaces the earlier upload in place; \
            each replacement is listed. Exit status: 0 written, 2 an input that cannot be read or merged.
            """)

    @Option(help: "The import file to write.")
    var output: String

    @Option(help: "The new header's FileCreationDate, mm/dd/yyyy (default: today in UTC).")
    var date: BIFDate?

    @OptionGroup var layout: BIFLayoutOption

    @Argument(help: "The uploaded files, in upload order.")
    var files: [String]

    func run() async throws {
        let consolidator = BIFConsolidator(layout: try layout.load(), fileDate: date ?? Self.todayUTC())
        do {
            let inputs = try files.map { file throws(InputError) in (file, try BIFFiles.read(file)) }
            let result = try consolidator.merge(inputs)
            try BIFFiles.write(result.file.bytes, to: output)
            for replacement in result.replacements {
                print("invoice \(replacement.invoiceNumber): \(replacement.by) replaces \(replacement.replaced)")
            }
            print("\(output): \(result.file.records.count) lines from \(files.count) files")
        } catch let error as InputError {
            printError(error.description)
            throw ExitCode(2)
        } catch let error as BIFMergeError {
            printError(error.description)
            throw ExitCode(2)
        }
    }

    static func todayUTC() -> BIFDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return BIFDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
