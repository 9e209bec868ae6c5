import Foundation
import Transport
import Wire

/// The mock IC's `ic:` block derived from recorded report answers: the biller, the records the
/// answers listed (payments, settlements, ACH rejects, enrollment changes), and faults for answers
/// the mock gives only when told to; what it cannot represent is a note for the description.
struct ICReplayState {
    var billerGUID: String
    var key: String
    var payments: [[JSONValue.Member]] = []
    var settlements: [(batch: String, settled: String, payments: [String])] = []
    var rejects: [JSONValue] = []
    var autoPay: [JSONValue] = []
    var paperless: [JSONValue] = []
    var faults: [JSONValue] = []
    var notes: [String] = []

    /// Reads each operation's answer and the exchange that carried it, in order.
    init(_ calls: [(report: ICReport, answer: ICReportAnswer?, exchange: ExchangeLog.Exchange?)], billerGUID: String, key: String)
    {
        self.billerGUID = billerGUID
        self.key = key
        for call in calls {
            if let response = call.exchange?.response { answered(call.report, response, read: call.answer != nil) }
            for table in call.answer?.tables ?? [] {
                for row in table.rows {
                    let fields = Dictionary(
                        zip(table.columns, row).compactMap { column, value in value.map { (column.name, $0) } },
                        uniquingKeysWith: { a, _ in a })
                    take(table.name, fields, kind: call.report.kind)
                }
            }
        }
    }

    private mutating func answered(_ report: ICReport, _ response: ClientResponse, read: Bool) {
        let route = "POST /CloudInvoicing.asmx/\(report.rawValue)"
        let type = response.headers.first(named: "Content-Type") ?? "no Content-Type"
        let isXML = (try? XMLDocument(parsing: response.body)) != nil
        if !isXML {
            faults.append(.object([.init("route", .string(route)), .init("body", "malformed"), .init("times", .number("1"))]))
            notes.append(
                "\(report.rawValue) answered HTTP \(response.status), \(type), \(response.body.count) bytes, not XML (an HTML page?); "
                    + "the mock answers SOAP only, so the replay answers a malformed SOAP body instead.")
        } else if response.status != 200, !read {
            faults.append(
                .object([
                    .init("route", .string(route)), .init("status", .number(String(response.status))),
                    .init("times", .number("1")),
                ]))
            notes.append("\(report.rawValue) answered HTTP \(response.status); replayed as an injected answer of that status.")
        }
    }

    /// A date as the loader takes it: with its zone (UTC when the answer gave none).
    private func date(_ text: String?) -> String {
        guard let text, let date = XMLDateTime.date(text, zoneIfNone: TimeZone(identifier: "UTC")!) else { return text ?? "" }
        return XMLDateTime.text(date)
    }

    private func hasPayment(_ id: String) -> Bool { payments.contains { $0.first?.value == .string(id) } }

    /// A payment known only from a settlement or a reject: dated as that record, status and channel defaulted.
    private mutating func addPayment(_ f: [String: String], amount: String, date: String, method: String) {
        guard let id = f["PaymentGUID"], !hasPayment(id) else { return }
        payments.append([
            .init("id", .string(id)), .init("account", .string(f["AccountNumber"] ?? "")),
            .init("invoice", .string(f["InvoiceNumber"] ?? "")), .init("amount", .string(amount)),
            .init("method", .string(method)), .init("date", .string(date)),
            .init("channel", .string(f["Channel"] ?? "Portal")),
        ])
        notes.append("payment \(id) was listed only by a settlement or an ACH reject; the mock holds it dated as that record.")
    }

    private mutating func take(_ record: String, _ f: [String: String], kind: ICReport.Kind) {
        switch record {
        case ReportedPayment.recordName:
            guard let id = f["PaymentGUID"], !hasPayment(id) else { return }
            payments.append([
                .init("id", .string(id)), .init("account", .string(f["AccountNumber"] ?? "")),
                .init("invoice", .string(f["InvoiceNumber"] ?? "")), .init("amount", .string(f["PaymentAmount"] ?? "")),
                .init("fee", .string(f["ConvenienceFee"] ?? "0.00")), .init("method", .string(f["PaymentMethod"] ?? "")),
                .init("date", .string(date(f["PaymentDate"]))), .init("status", .string(f["Status"] ?? "Approved")),
                .init("channel", .string(f["Channel"] ?? "Portal")),
            ])
        case SettledPayment.recordName:
            addPayment(f, amount: f["Amount"] ?? "", date: date(f["SettlementDate"]), method: f["PaymentMethod"] ?? "")
            let batch = f["BatchID"] ?? ""
            if let i = settlements.firstIndex(where: { $0.batch == batch }) {
                // Both settlement operations list the same lines: each payment once.
                if let id = f["PaymentGUID"], !settlements[i].payments.contains(id) { settlements[i].payments.append(id) }
            } else {
                settlements.append((batch, date(f["SettlementDate"]), f["PaymentGUID"].map { [$0] } ?? []))
            }
        case SettledBatch.recordName:
            let batch = f["BatchID"] ?? ""
            if !settlements.contains(where: { $0.batch == batch }) {
                settlements.append((batch, date(f["SettlementDate"]), []))
            }
        case ACHReject.recordName:
            addPayment(f, amount: f["Amount"] ?? "", date: date(f["RejectDate"]), method: "ACH")
            let reject = JSONValue.object([
                .init("payment", .string(f["PaymentGUID"] ?? "")), .init("code", .string(f["ReturnCode"] ?? "")),
                .init("reason", .string(f["ReturnReason"] ?? "")), .init("date", .string(date(f["RejectDate"]))),
            ])
            // Both reject operations list the same records: each once.
            if !rejects.contains(reject) { rejects.append(reject) }
        case EnrollmentChange.recordName:
            let change = JSONValue.object([
                .init("account", .string(f["AccountNumber"] ?? "")),
                .init("enrolled", .bool(["true", "1"].contains((f["Enrolled"] ?? "").lowercased()))),
                .init("date", .string(date(f["ChangeDate"]))), .init("source", .string(f["Source"] ?? "Portal")),
            ])
            if kind == .paperlessChanges {
                if !paperless.contains(change) { paperless.append(change) }
            } else if !autoPay.contains(change) {
                autoPay.append(change)
            }
        default:
            notes.append("a \(record) record has no place in the mock's state and is left out.")
        }
    }

    /// The `ic:` block.
    var yaml: String {
        var lines = [
            "ic:",
            "  billers:",
            "    - {guid: \(YAMLText.quoted(billerGUID)), key: \(YAMLText.quoted(key)), profile: imt-spectrum}",
        ]
        if !payments.isEmpty { lines += ["  payments:"] + payments.map { "    - " + YAMLText.flow(.object($0)) } }
        if !settlements.isEmpty {
            lines +=
                ["  settlements:"]
                + settlements.map {
                    "    - "
                        + YAMLText.flow(
                            .object([
                                .init("batch", .string($0.batch)), .init("settled", .string($0.settled)),
                                .init("payments", .array($0.payments.map(JSONValue.string))),
                            ]))
                }
        }
        if !rejects.isEmpty { lines += ["  ach_rejects:"] + rejects.map { "    - " + YAMLText.flow($0) } }
        if !autoPay.isEmpty { lines += ["  autopay_changes:"] + autoPay.map { "    - " + YAMLText.flow($0) } }
        if !paperless.isEmpty { lines += ["  paperless_changes:"] + paperless.map { "    - " + YAMLText.flow($0) } }
        if !faults.isEmpty { lines += ["  faults:"] + faults.map { "    - " + YAMLText.flow($0) } }
        return lines.joined(separator: "\n")
    }
}
