import Flows
import Foundation
import Partners
import Transport
import Wire

/// Runs a scenario's IMT→IC steps (uploads, reports, polling, reconciliation) against the mock IC.
struct ICStepRunner {
    /// The mock IC's CloudInvoicing endpoint; nil when the scenario has no `ic:` block.
    let serviceURL: String?
    let biller: ICState.Biller?
    let client: HTTPClient
    /// When polling starts: the scenario's clock.
    let clock: Date
    /// The payments the mock IMT holds now, for reconciliation.
    let posted: @Sendable () -> [PaymentPost]
    /// The records of the last `spectrum-poll`.
    private(set) var collected: ICReportRecords?
    /// The last `reconcile` step's report.
    private(set) var reconciliation: JSONValue?

    init(
        serviceURL: String?, biller: ICState.Biller?, client: HTTPClient, clock: Date,
        posted: @escaping @Sendable () -> [PaymentPost]
    ) {
        self.serviceURL = serviceURL
        self.biller = biller
        self.client = client
        self.clock = clock
        self.posted = posted
    }

    mutating func run(_ step: Scenario.Step, files: [String: [UInt8]], profile: BIFProfile) async -> JSONValue {
        switch step {
        case .invoiceUpload(let upload): return await self.upload(upload, files: files, profile: profile)
        case .icReport(let report): return await self.report(report)
        case .spectrumPoll(let poll): return await self.poll(poll)
        case .reconcile: return reconcile()
        case .pdfExtraction(let extraction): return await extract(extraction, files: files)
        default: return .null
        }
    }

    static func failed(_ step: String, _ message: String) -> JSONValue {
        .object(["step": .string(step), "status": "failed", "message": .string(message)])
    }

    func upload(_ step: InvoiceUploadStep, files: [String: [UInt8]], profile: BIFProfile) async -> JSONValue {
        guard let serviceURL, let biller else {
            return Self.failed("invoice-upload", "the scenario has no ic: block with a biller")
        }
        let file: BIFFile
        do {
            file = try BIFFile.read(files[step.file] ?? [])
        } catch {
            return Self.failed("invoice-upload", "\(step.file):\(error)")
        }
        let flow = InvoiceUpload(
            serviceURL: serviceURL, billerGUID: step.billerGUID ?? biller.guid, webServiceKey: step.key ?? biller.webServiceKey,
            version: step.version, client: client, operation: step.operation)
        let uploads = await flow.upload(file, name: step.file, profile: profile)
        return .object([
            "step": "invoice-upload", "file": .string(step.file), "operation": .string(step.operation.rawValue),
            "soap": .string(step.version.rawValue), "uploads": .array(uploads.map(\.json)),
        ])
    }

    func report(_ step: ICReportStep) async -> JSONValue {
        guard let serviceURL, let biller else { return Self.failed("ic-report", "the scenario has no ic: block with a biller") }
        let request = ICReportRequest(
            report: step.report, billerGUID: step.billerGUID ?? biller.guid, webServiceKey: step.key ?? biller.webServiceKey,
            startDate: step.from, endDate: step.to)
        let caller = SOAPCaller(serviceURL: serviceURL, version: step.version, client: client)
        var result: [JSONValue.Member] = [
            .init("step", "ic-report"), .init("operation", .string(step.report.rawValue)),
            .init("soap", .string(step.version.rawValue)), .init("from", .string(step.from)), .init("to", .string(step.to)),
        ]
        switch await caller.call(request.envelope(step.version), action: step.report.action) {
        case .failure(let failure):
            result += [.init("status", "failed"), .init("message", .string(failure.message))]
        case .success(let response):
            do {
                let answer = try ICReportAnswer(report: step.report, response: response.document, version: step.version)
                result.append(.init("status", answer.success ? "answered" : "refused"))
                if !answer.success { result.append(.init("message", .string(answer.errorMessage))) }
                for table in answer.tables { result.append(.init(table.listName, table.json)) }
            } catch {
                result += [.init("status", "failed"), .init("message", .string(error.reason))]
            }
        }
        return .object(result)
    }

    mutating func poll(_ step: SpectrumPollStep) async -> JSONValue {
        guard let serviceURL, let biller else {
            return Self.failed("spectrum-poll", "the scenario has no ic: block with a biller")
        }
        let reports = ICReportClient(
            caller: SOAPCaller(serviceURL: serviceURL, version: step.version, client: client), billerGUID: biller.guid,
            webServiceKey: biller.webServiceKey)
        let run = await SpectrumPoller(schedules: step.schedules, client: reports).run(
            from: clock, for: Double(step.hours) * 3600)
        collected = run.records
        var calls: [JSONValue.Member] = []
        for schedule in step.schedules {
            let count = run.polls.count { $0.operation == schedule.operation }
            calls.append(.init(schedule.operation.rawValue, .number(String(count))))
        }
        let polls: [JSONValue] = run.polls.map { poll in
            var members: [JSONValue.Member] = [
                .init("at", .string(XMLDateTime.text(poll.at))), .init("operation", .string(poll.operation.rawValue)),
                .init("from", .string(XMLDateTime.text(poll.window.start))),
                .init("to", .string(XMLDateTime.text(poll.window.end))),
            ]
            switch poll.outcome {
            case .success(let counts):
                members += [
                    .init("status", "ok"), .init("listed", .number(String(counts.listed))),
                    .init("new", .number(String(counts.new))),
                ]
            case .failure(let failure):
                members += [.init("status", "failed"), .init("message", .string(failure.message))]
            }
            return .object(members)
        }
        let records = run.records
        return .object([
            "step": "spectrum-poll", "hours": .number(String(step.hours)), "soap": .string(step.version.rawValue),
            "calls": .object(calls),
            "failed": .number(String(run.polls.count { if case .failure = $0.outcome { true } else { false } })),
            "collected": .object([
                "payments": .array(records.payments.map { .string($0.paymentID) }),
                "settled_batches": .array(records.settledBatches.map { .string($0.batchID) }),
                "settled_payments": .array(records.settledPayments.map { .string($0.paymentID) }),
                "ach_rejects": .array(records.achRejects.map { .string($0.paymentID) }),
                "autopay_changes": .array(records.autoPayChanges.map { .string($0.key) }),
                "paperless_changes": .array(records.paperlessChanges.map { .string($0.key) }),
            ]),
            "polls": .array(polls),
        ])
    }

    mutating func reconcile() -> JSONValue {
        guard let collected else { return Self.failed("reconcile", "no spectrum-poll step ran before reconcile") }
        let result = Reconciliation(records: collected, posted: posted())
        let report = JSONValue.object([
            "step": "reconcile", "status": result.findings.isEmpty ? "reconciled" : "discrepancies",
            "matched": .array(result.matched.map(JSONValue.string)),
            "findings": .array(
                result.findings.map {
                    .object([
                        "kind": .string($0.kind.rawValue), "payment": .string($0.paymentID), "account": .string($0.account),
                        "detail": .string($0.detail),
                    ])
                }),
        ])
        reconciliation = report
        return report
    }
}

extension ICReportTable {
    /// The rows as objects of column name and value.
    var json: JSONValue {
        .array(
            rows.map { row in
                .object(zip(columns, row).compactMap { column, value in value.map { .init(column.name, .string($0)) } })
            })
    }
}

extension InvoiceUpload.Upload {
    /// One file's upload as written to `result.json`.
    var json: JSONValue {
        switch outcome {
        case .accepted(let invoices):
            .object(["file": .string(fileName), "status": "accepted", "invoices": .number(String(invoices))])
        case .refused(let message, let rules):
            .object([
                "file": .string(fileName), "status": "refused", "message": .string(message),
                "rules": .array(rules.map(JSONValue.string)),
            ])
        case .failed(let message):
            .object(["file": .string(fileName), "status": "failed", "message": .string(message)])
        }
    }
}
