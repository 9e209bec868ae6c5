/// Writes valid synthetic BIFs for a profile, the same bytes for the same seed:
/// for tests, benchmarks and scenarios.
///
/// A Spectrum file mixes R records with an amount, R records of 0.00 (an
/// invoice re-issued) and D records (an invoice gone); a MIPS/APPS file holds
/// one invoice, as IMT uploads them.
public struct BIFGenerator: Sendable {
    public let profile: BIFProfile
    public let seed: UInt64
    public let layout: BIFLayout
    /// The FileCreationDate, and the first possible invoice date.
    public var fileDate = BIFDate(year: 2024, month: 9, day: 1)!

    public init(profile: BIFProfile, seed: UInt64, layout: BIFLayout = .standard) {
        (self.profile, self.seed, self.layout) = (profile, seed, layout)
    }

    /// Generates `invoices` invoices, handing the bytes to `write` in chunks of about 1 MiB.
    public func generate(invoices: Int, write: ([UInt8]) throws -> Void) rethrows {
        let total = (0..<invoices).reduce(Int64(0)) { $0 + invoice($1).cents }
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20 + 4096)
        record(
            .fileHeader,
            [
                "BillerGuid": guid(0), "ThirdPartyFileReference": "bifrost-\(seed)", "FileCreationDate": fileDate.description,
                "InvoiceCount": String(invoices), "TotalInvoiceAmount": BIFMoney.text(cents: total),
            ]
        ).write(to: &out)
        for index in 0..<invoices {
            let invoice = invoice(index)
            for record in records(of: invoice) { record.write(to: &out) }
            if out.count >= 1 << 20 {
                try write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        if !out.isEmpty { try write(out) }
    }

    /// A whole generated file in memory.
    public func bytes(invoices: Int) -> [UInt8] {
        var all: [UInt8] = []
        generate(invoices: invoices) { all.append(contentsOf: $0) }
        return all
    }

    struct Invoice {
        var recordType: String
        var account: String
        var date: BIFDate
        var cents: Int64
        var name: String
        var blockCC: Bool
        var blockEFT: Bool
        var partial: Bool
    }

    private static let lastNames = [
        "SMITH", "JOHNSON", "WILLIAMS", "BROWN", "JONES", "GARCIA", "MILLER", "DAVIS", "OLSON", "NGUYEN",
    ]
    private static let firstNames = [
        "JESSICA", "MICHAEL", "SARAH", "DAVID", "EMILY", "JAMES", "MARIA", "ROBERT", "LINDA", "KAREN",
    ]

    /// Invoice `index`, drawn from its own stream of the seed so that any invoice can be made alone.
    func invoice(_ index: Int) -> Invoice {
        var random = SplitMix64(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        let kind = random.next() % 20
        let recordType = profile == .imtSpectrum && kind == 0 ? "D" : "R"
        let cents = recordType == "D" || (profile == .imtSpectrum && kind == 1) ? 0 : Int64(1_000 + random.next() % 500_000)
        let name = "\(Self.lastNames[Int(random.next() % 10)]) \(Self.firstNames[Int(random.next() % 10)])"
        let spectrum = profile == .imtSpectrum
        return Invoice(
            recordType: recordType, account: String(20_000_000 + index), date: fileDate.adding(days: Int(random.next() % 28)),
            cents: cents, name: name, blockCC: spectrum && random.next() % 10 == 0,
            blockEFT: spectrum && random.next() % 10 == 0, partial: spectrum && random.next() % 2 == 0)
    }

    func records(of invoice: Invoice) -> [BIFRecord] {
        let amount = BIFMoney.text(cents: invoice.cents)
        let due = invoice.date.adding(days: 30)
        var header: [String: String] = [
            "RecordType": invoice.recordType, "InvoiceFormatGuid": guid(1),
            "InvoiceNumber": "\(invoice.account)-\(invoice.date.iso)", "InvoiceDate": invoice.date.description,
            "InvoiceDueDate": due.description, "TotalAmountDue": amount, "InvoiceTypeID": "252",
            "BlockPaymentsCC": invoice.blockCC ? "1" : "0", "BlockPaymentsEFT": invoice.blockEFT ? "1" : "0",
            "AllowPartialPayments": invoice.partial ? "1" : "0",
        ]
        if profile == .imtSpectrum {
            if invoice.recordType == "R" {
                header["MinimumAmountDue"] = amount
                header["FirstNotifyRequestedDate"] = invoice.date.adding(days: 5).description
                header["AutoPayCollectionDate"] = invoice.date.adding(days: 27).description
            }
        } else {
            header["BalanceForward"] = "1"
            header["MinimumAmountDue"] = amount
        }
        return [
            record(.invoiceHeader, header),
            record(.customer, ["AccountNumber": invoice.account, "CustomerName": invoice.name]),
            record(.detail, ["DetailAmount": amount, "Description": "Insurance"]),
        ]
    }

    private func record(_ kind: BIFRowKind, _ values: [String: String]) -> BIFRecord {
        let row = layout.row(kind)
        return BIFRecord(fields: row.fields.enumerated().map { i, field in i == 0 ? row.code : values[field.name] ?? "" })
    }

    /// A GUID drawn from the seed: `n` 0 is the biller's, 1 the invoice format's.
    private func guid(_ n: UInt64) -> String {
        var random = SplitMix64(seed: seed ^ (0xB1F0_0000 + n))
        let hex = Array("0123456789abcdef")
        var digits = ""
        for i in 0..<32 {
            if [8, 12, 16, 20].contains(i) { digits.append("-") }
            digits.append(hex[Int(random.next() % 16)])
        }
        return digits
    }
}

/// SplitMix64: a small, fast pseudo-random generator, the same on every platform.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1330_11EB
        return z ^ (z >> 31)
    }
}
