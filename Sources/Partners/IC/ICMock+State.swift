import Foundation
import Synchronization
public import Wire

extension ICMock {
    /// The billers (keys redacted), the files taken, the invoices held and the report records, as the admin API shows them.
    public var stateJSON: JSONValue {
        let invoiceRow = BIFLayout.standard.row(.invoiceHeader)
        func files(_ list: [(name: String, file: BIFFile)]) -> JSONValue {
            .array(
                list.map { upload in
                    .object([
                        "file": .string(upload.name),
                        "invoices": .array(
                            upload.file.records.filter { $0.code == invoiceRow.code }.map {
                                .string($0.value("InvoiceNumber", in: invoiceRow))
                            }),
                    ])
                })
        }
        func records(_ table: ICReportTable) -> JSONValue {
            .array(
                table.rows.map { row in
                    .object(zip(table.columns, row).compactMap { column, value in value.map { .init(column.name, .string($0)) } })
                })
        }
        let (state, held, imported, invoices) = store.withLock { ($0.state, $0.held, $0.imported, $0.invoices) }
        return .object([
            "billers": .array(
                state.billers.map { biller in
                    var members: [JSONValue.Member] = [
                        .init("guid", .string(biller.guid)), .init("key", .string(Redactor.mark)),
                        .init("profile", .string(biller.profile.rawValue)),
                        .init("batch_single_invoice_imports", .bool(biller.batchSingleInvoiceImports)),
                    ]
                    // The seeds' defaults are left out, so that a state shows only the options a biller changed.
                    if biller.options.alphanumericAccounts { members.append(.init("alphanumeric_accounts", .bool(true))) }
                    if !biller.options.paymentOptionsInFile { members.append(.init("payment_options_in_bif", .bool(false))) }
                    if biller.options.invoiceTypeIDs != BIFBillerOptions.standardInvoiceTypeIDs {
                        members.append(.init("invoice_type_ids", .array(biller.options.invoiceTypeIDs.map { .string($0) })))
                    }
                    return .object(members)
                }),
            "time_zone": .string(state.timeZone.identifier),
            "uploads": files(held),
            "imports": files(imported),
            "invoices": invoices.json,
            "payments": records(ICReportTable(state.payments)),
            "settled_batches": records(ICReportTable(state.settledBatches)),
            "settled_payments": records(ICReportTable(state.settledPayments)),
            "ach_rejects": records(ICReportTable(state.achRejects)),
            "autopay_changes": records(ICReportTable(state.autoPayChanges)),
            "paperless_changes": records(ICReportTable(state.paperlessChanges)),
        ])
    }
}
