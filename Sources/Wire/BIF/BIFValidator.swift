/// What a validation saw, besides its findings.
public struct BIFValidationSummary: Sendable, Equatable {
    public var lines = 0
    public var invoices = 0
    public var errors = 0
    public var warnings = 0
    /// The sum of the invoices' TotalAmountDue, in cents; nil when a row could not be read.
    public var totalCents: Int64? = 0
}

/// Checks a BIF against the common rules and those of a profile, in one
/// streaming pass and constant memory.
///
/// Findings go to `report` as they are found, in line order, except the
/// header totals, which are known only at the end of the file.
///
/// ```swift
/// let summary = try BIFValidator(profile: .imtSpectrum).validate(source) { print($0.text(file: path)) }
/// ```
public struct BIFValidator: Sendable {
    public let layout: BIFLayout
    public let profile: BIFProfile
    public let options: BIFBillerOptions

    /// `options` are the biller's where the seeds allow either way; they adjust `layout`.
    public init(layout: BIFLayout = .standard, profile: BIFProfile = .common, options: BIFBillerOptions = .standard) {
        (self.layout, self.profile, self.options) = (options.applied(to: layout), profile, options)
    }

    /// Validates every line of `source`; throws only when the source cannot be read.
    public func validate(
        _ source: some BIFByteSource, maxLineLength: Int = 1 << 16, report: (BIFFinding) -> Void
    ) throws -> BIFValidationSummary {
        let scanner = BIFLineScanner(source: source, maxLineLength: maxLineLength)
        return try withoutActuallyEscaping(report) { report in
            var run = BIFValidationRun(
                layout: layout, profile: profile, maxLineLength: maxLineLength, report: report,
                paymentOptionsInFile: options.paymentOptionsInFile, invoiceTypeIDs: options.invoiceTypeIDs)
            while let line = try scanner.next() { run.check(line) }
            run.finish()
            return run.summary
        }
    }

    /// Validates a BIF held in memory and returns its findings.
    public func findings(in bytes: [UInt8]) -> [BIFFinding] {
        var findings: [BIFFinding] = []
        _ = try? validate(BIFMemorySource(bytes)) { findings.append($0) }
        return findings
    }
}
