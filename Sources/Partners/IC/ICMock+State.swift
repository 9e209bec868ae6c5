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
                state.billers.map {
                    .object([
                        "guid": .string($0.guid), "key": .string(Redactor.mark), "profile": .string($0.profile.rawValue),
                        "batch_single_invoice_imports": .bool($0.batchSingleInvoiceImports),
                    ])
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
