import Wire

/// Runs a scenario's BIF steps on its files; each step's result is a JSON value, a failure included.
struct BIFStepRunner {
    /// The scenario's files and those the steps wrote so far, by name.
    var files: [String: [UInt8]]
    let profile: Scenario.Profile

    mutating func run(_ step: Scenario.Step) -> JSONValue {
        switch step {
        case .rtdr, .dataPumpPayment, .dataPumpEnrollment, .pdfLinking, .validateSettings, .imtRequest, .invoiceUpload,
            .icReport, .spectrumPoll, .reconcile, .pdfExtraction:
            return .null
        case .bifValidate(let file, let profile): return validate(file, profile: profile)
        case .bifMerge(let inputs, let output, let date):
            var read: [(name: String, file: BIFFile)] = []
            for name in inputs {
                do {
                    read.append((name, try BIFFile.read(files[name] ?? [])))
                } catch {
                    return failed("bif-merge", "\(name):\(error)")
                }
            }
            do {
                let result = try BIFConsolidator(fileDate: date).merge(read)
                files[output] = result.file.bytes
                return .object([
                    "step": "bif-merge", "status": "written", "output": .string(output),
                    "invoices": .number(String(result.file.records.filter { $0.code == invoiceCode }.count)),
                    "replacements": .array(
                        result.replacements.map { replacement in
                            .object([
                                "invoice": .string(replacement.invoiceNumber), "replaced": .string(replacement.replaced),
                                "by": .string(replacement.by),
                            ])
                        }),
                ])
            } catch {
                return failed("bif-merge", error.description)
            }
        case .bifGenerate(let invoices, let seed, let output):
            let generator = BIFGenerator(profile: BIFProfile(rawValue: profile.rawValue) ?? .imtSpectrum, seed: seed)
            let bytes = generator.bytes(invoices: invoices)
            files[output] = bytes
            return .object([
                "step": "bif-generate", "status": "written", "output": .string(output),
                "invoices": .number(String(invoices)), "bytes": .number(String(bytes.count)),
            ])
        case .bifDiff(let expected, let actual):
            do {
                let differences = try BIFDiff().compare(expected: files[expected] ?? [], actual: files[actual] ?? [])
                return .object([
                    "step": "bif-diff", "expected": .string(expected), "actual": .string(actual),
                    "differences": .array(differences.map { .string($0.description) }),
                ])
            } catch {
                return failed("bif-diff", error.description)
            }
        }
    }

    private var invoiceCode: String { BIFLayout.standard.row(.invoiceHeader).code }

    private func validate(_ file: String, profile: BIFProfile) -> JSONValue {
        var findings: [JSONValue] = []
        let summary = try? BIFValidator(profile: profile).validate(BIFMemorySource(files[file] ?? [])) {
            findings.append($0.json)
        }
        return .object([
            "step": "bif-validate", "file": .string(file), "profile": .string(profile.rawValue),
            "invoices": .number(String(summary?.invoices ?? 0)), "errors": .number(String(summary?.errors ?? 0)),
            "warnings": .number(String(summary?.warnings ?? 0)), "findings": .array(findings),
        ])
    }

    private func failed(_ step: String, _ message: String) -> JSONValue {
        .object(["step": .string(step), "status": "failed", "message": .string(message)])
    }
}
