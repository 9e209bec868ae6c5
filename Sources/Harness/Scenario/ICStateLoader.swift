import Foundation
import Partners
import Support
import Wire
import Yams

/// Reads a scenario's `ic:` block: the billers the mock IC serves, the records its reports list, and its faults.
///
/// ```yaml
/// ic:
///   billers:
///     - {guid: 6f1c2e0a-…, key: 0b9d5c3e-…, profile: imt-spectrum, batch_single_invoice_imports: false}
///   time_zone: America/New_York          # report dates sent without a zone (default)
///   payments:
///     - {id: P1, account: "20240903", invoice: INV1001, amount: "102.95", fee: "2.95", method: CC,
///        date: "2024-09-03T13:05:00Z", status: Approved, channel: Portal}
///   settlements:                         # a batch of payments above, totals computed
///     - {batch: B1, settled: "2024-09-03T22:00:00Z", payments: [P1]}
///   ach_rejects:                         # an ACH payment above, returned
///     - {payment: P2, code: R01, reason: Insufficient funds, date: "2024-09-05T15:00:00Z"}
///   autopay_changes:
///     - {account: "20240903", enrolled: true, date: "2024-09-03T14:00:00Z", source: Portal}
///   paperless_changes: []
///   faults:
///     - {route: "POST /CloudInvoicing.asmx/PaymentReportingSOAP", status: 503, times: 1}
/// ```
struct ICStateLoader {
    let reader: YAMLReader
    /// The SSO parameters of `portal:` when it names none: the scenario's profile's.
    var ssoProfile: SSOProfile = .aiMyMeter
    /// The scenario's clock, which the REST services' tokens expire on.
    var clock = Date(timeIntervalSince1970: 0)

    func load(_ node: Node) throws(InputError) -> ICState {
        let members = try reader.mapping(node, what: "ic", schema: Self.schema)
        var state = ICState()
        for element in try reader.sequence(reader.required("billers", in: members, at: node), what: "ic.billers") {
            let fields = try reader.mapping(element, what: "a biller", schema: Self.billerSchema)
            state.billers.append(
                ICState.Biller(
                    guid: try reader.nonEmptyText(reader.required("guid", in: fields, at: element), what: "guid"),
                    webServiceKey: try reader.nonEmptyText(reader.required("key", in: fields, at: element), what: "key"),
                    profile: try reader.choice(
                        reader.required("profile", in: fields, at: element), what: "BIF profile", of: BIFProfile.self),
                    batchSingleInvoiceImports: try fields["batch_single_invoice_imports"].map {
                        node throws(InputError) in try reader.bool(node, what: "batch_single_invoice_imports")
                    } ?? false,
                    options: try BillerOptionsReader.options(fields, reader)))
        }
        if let node = members["time_zone"] {
            let name = try reader.nonEmptyText(node, what: "time_zone")
            guard let zone = TimeZone(identifier: name) else {
                throw reader.error("unknown time zone '\(name)'; use an IANA name such as America/New_York", at: node)
            }
            state.timeZone = zone
        }
        for element in try list(members["payments"], "ic.payments") { state.payments.append(try payment(element)) }
        for element in try list(members["settlements"], "ic.settlements") {
            let (batch, payments) = try settlement(element, payments: state.payments)
            state.settledBatches.append(batch)
            state.settledPayments += payments
        }
        for element in try list(members["ach_rejects"], "ic.ach_rejects") {
            state.achRejects.append(try reject(element, payments: state.payments))
        }
        for element in try list(members["autopay_changes"], "ic.autopay_changes") {
            state.autoPayChanges.append(try change(element))
        }
        for element in try list(members["paperless_changes"], "ic.paperless_changes") {
            state.paperlessChanges.append(try change(element))
        }
        for element in try list(members["faults"], "ic.faults") { state.faults.append(try fault(element)) }
        let portal = ICPortalLoader(reader: reader, profile: ssoProfile, clock: clock)
        state.portal =
            try members["portal"].map { node throws(InputError) in try portal.load(node) }
            ?? ICPortalState(profile: ssoProfile, clock: clock)
        return state
    }

    /// A fault of one route of `ICMock.routes` (`POST /CloudInvoicing.asmx/<Operation>`), effects as for the mock IMT.
    func fault(_ node: Node) throws(InputError) -> Fault {
        try IMTStateLoader(reader: reader).fault(node) { fault, written in
            ICMock.knows(fault) ? nil : IMTStateLoader.unknownRoute(written, mock: "the mock IC", names: ICMock.routes.names)
        }
    }

    func list(_ node: Node?, _ what: String) throws(InputError) -> [Node] {
        try node.map { node throws(InputError) in try reader.sequence(node, what: what) } ?? []
    }

    func date(_ node: Node, what: String) throws(InputError) -> Date {
        let text = try reader.text(node, what: what)
        guard text.hasSuffix("Z") || text.range(of: #"[+-]\d{2}:\d{2}$"#, options: .regularExpression) != nil,
            let date = XMLDateTime.date(text, zoneIfNone: TimeZone(identifier: "UTC")!)
        else {
            throw reader.error("\(what) must be a date and time with its zone, e.g. 2024-09-03T13:05:00Z", at: node)
        }
        return date
    }

    func money(_ node: Node, what: String) throws(InputError) -> Money {
        let text = try reader.text(node, what: what)
        guard let money = Money(parsing: text) else {
            throw reader.error("\(what) must be a decimal amount such as \"102.95\"", at: node)
        }
        return money
    }

    func payment(_ node: Node) throws(InputError) -> ReportedPayment {
        let f = try reader.mapping(node, what: "a payment", schema: Self.paymentSchema)
        return ReportedPayment(
            paymentID: try reader.nonEmptyText(reader.required("id", in: f, at: node), what: "id"),
            accountNumber: try reader.nonEmptyText(reader.required("account", in: f, at: node), what: "account"),
            invoiceNumber: try reader.nonEmptyText(reader.required("invoice", in: f, at: node), what: "invoice"),
            amount: try money(reader.required("amount", in: f, at: node), what: "amount"),
            convenienceFee: try f["fee"].map { node throws(InputError) in try money(node, what: "fee") } ?? .zero,
            method: try reader.choice(
                reader.required("method", in: f, at: node), what: "payment method", of: PaymentPost.Method.self),
            paymentDate: try date(reader.required("date", in: f, at: node), what: "date"),
            status: try f["status"].map { node throws(InputError) in try reader.nonEmptyText(node, what: "status") }
                ?? "Approved",
            channel: try f["channel"].map { node throws(InputError) in try reader.nonEmptyText(node, what: "channel") }
                ?? "Portal")
    }

    /// The payment `node` names by id, from those listed before.
    func payment(named node: Node, in payments: [ReportedPayment]) throws(InputError) -> ReportedPayment {
        let id = try reader.nonEmptyText(node, what: "a payment id")
        guard let found = payments.first(where: { $0.paymentID == id }) else {
            throw reader.error("no payment '\(id)' in ic.payments", at: node)
        }
        return found
    }

    func settlement(_ node: Node, payments: [ReportedPayment]) throws(InputError) -> (SettledBatch, [SettledPayment]) {
        let f = try reader.mapping(node, what: "a settlement", schema: Self.settlementSchema)
        let batch = try reader.nonEmptyText(reader.required("batch", in: f, at: node), what: "batch")
        let settled = try date(reader.required("settled", in: f, at: node), what: "settled")
        var lines: [SettledPayment] = []
        for element in try reader.sequence(reader.required("payments", in: f, at: node), what: "payments") {
            let p = try payment(named: element, in: payments)
            lines.append(
                SettledPayment(
                    batchID: batch, settlementDate: settled, paymentID: p.paymentID, accountNumber: p.accountNumber,
                    invoiceNumber: p.invoiceNumber, amount: p.amount, method: p.method, channel: p.channel))
        }
        let total = lines.reduce(Money.zero) { $0 + $1.amount }
        return (SettledBatch(batchID: batch, settlementDate: settled, paymentCount: lines.count, totalAmount: total), lines)
    }

    func reject(_ node: Node, payments: [ReportedPayment]) throws(InputError) -> ACHReject {
        let f = try reader.mapping(node, what: "an ACH reject", schema: Self.rejectSchema)
        let paymentNode = try reader.required("payment", in: f, at: node)
        let p = try payment(named: paymentNode, in: payments)
        guard p.method == .ach else { throw reader.error("payment \(p.paymentID) is not an ACH payment", at: paymentNode) }
        let codeNode = try reader.required("code", in: f, at: node)
        let code = try reader.nonEmptyText(codeNode, what: "code")
        guard code.range(of: #"^R\d{2}$"#, options: .regularExpression) != nil else {
            throw reader.error("code must be a NACHA return code such as R01", at: codeNode)
        }
        return ACHReject(
            paymentID: p.paymentID, accountNumber: p.accountNumber, invoiceNumber: p.invoiceNumber, amount: p.amount,
            returnCode: code,
            returnReason: try f["reason"].map { node throws(InputError) in try reader.text(node, what: "reason") } ?? "",
            rejectDate: try date(reader.required("date", in: f, at: node), what: "date"))
    }

    func change(_ node: Node) throws(InputError) -> EnrollmentChange {
        let f = try reader.mapping(node, what: "an enrollment change", schema: Self.changeSchema)
        return EnrollmentChange(
            accountNumber: try reader.nonEmptyText(reader.required("account", in: f, at: node), what: "account"),
            enrolled: try reader.bool(reader.required("enrolled", in: f, at: node), what: "enrolled"),
            changeDate: try date(reader.required("date", in: f, at: node), what: "date"),
            source: try f["source"].map { node throws(InputError) in try reader.nonEmptyText(node, what: "source") }
                ?? "Portal")
    }
}
