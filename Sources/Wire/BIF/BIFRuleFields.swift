/// A field the rules read: its name for findings and its position in its row, looked up once.
struct BIFFieldRef {
    let name: String
    /// 0-based.
    let position: Int

    init(_ plan: BIFRowPlan, _ name: String) {
        self.name = name
        position = plan.position(name)
    }
}

/// Every field the validator's rules read, resolved against the layout before the first line.
struct BIFRuleFields {
    let invoiceCount, totalInvoiceAmount: BIFFieldRef
    let recordType, formatGuid, invoiceNumber, invoiceDate, totalAmountDue, balanceForward, invoiceTypeID: BIFFieldRef
    let minimumAmountDue, allowPartialPayments, blockCC, blockEFT, autoPayCollectionDate, firstNotifyDate: BIFFieldRef
    let secondNotifyDate, thirdNotifyDate: BIFFieldRef
    let accountNumber, description: BIFFieldRef

    init(fileHeader: BIFRowPlan, invoiceHeader ih: BIFRowPlan, customer: BIFRowPlan, detail: BIFRowPlan) {
        invoiceCount = BIFFieldRef(fileHeader, "InvoiceCount")
        totalInvoiceAmount = BIFFieldRef(fileHeader, "TotalInvoiceAmount")
        recordType = BIFFieldRef(ih, "RecordType")
        formatGuid = BIFFieldRef(ih, "InvoiceFormatGuid")
        invoiceNumber = BIFFieldRef(ih, "InvoiceNumber")
        invoiceDate = BIFFieldRef(ih, "InvoiceDate")
        totalAmountDue = BIFFieldRef(ih, "TotalAmountDue")
        balanceForward = BIFFieldRef(ih, "BalanceForward")
        invoiceTypeID = BIFFieldRef(ih, "InvoiceTypeID")
        minimumAmountDue = BIFFieldRef(ih, "MinimumAmountDue")
        allowPartialPayments = BIFFieldRef(ih, "AllowPartialPayments")
        blockCC = BIFFieldRef(ih, "BlockPaymentsCC")
        blockEFT = BIFFieldRef(ih, "BlockPaymentsEFT")
        autoPayCollectionDate = BIFFieldRef(ih, "AutoPayCollectionDate")
        firstNotifyDate = BIFFieldRef(ih, "FirstNotifyRequestedDate")
        secondNotifyDate = BIFFieldRef(ih, "SecondNotifyRequestedDate")
        thirdNotifyDate = BIFFieldRef(ih, "ThirdNotifyRequestedDate")
        accountNumber = BIFFieldRef(customer, "AccountNumber")
        description = BIFFieldRef(detail, "Description")
    }
}
