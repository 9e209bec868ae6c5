/// The rules of the IMT profiles, read from seeds 000, 001, 002 and 004.
extension BIFValidationRun {
    mutating func checkInvoiceHeaderRules(_ line: Int, _ row: BIFFields) {
        let recordType = row[fields.recordType.position]
        let isDelete = recordType.count == 1 && recordType[0] == UInt8(ascii: "D")
        let isRegular = recordType.count == 1 && recordType[0] == UInt8(ascii: "R")
        if !recordType.isEmpty, !isDelete, !isRegular {
            flag(.recordType, fields.recordType, expected: "R or D", line, row)
        }
        switch profile {
        case .common: break
        case .imtMipsApps: checkMIPSInvoiceHeader(line, row, recordType: recordType)
        case .imtSpectrum: checkSpectrumInvoiceHeader(line, row, isDelete: isDelete)
        }
    }

    mutating func checkCustomerRules(_ line: Int, _ row: BIFFields) {
        guard profile == .imtMipsApps, let date = invoiceDate, !invoiceNumber.isEmpty else { return }
        let account = row[fields.accountNumber.position]
        let expected = String(decoding: account, as: UTF8.self) + "-" + date.iso
        guard !invoiceNumber.elementsEqual(expected.utf8) else { return }
        let actual = String(decoding: invoiceNumber, as: UTF8.self)
        add(
            .mipsInvoiceNumber, line: invoiceLine, field: fields.invoiceNumber.position + 1,
            fieldName: fields.invoiceNumber.name, expected: expected, actual: actual,
            message: "InvoiceNumber: expected \"\(expected)\" (AccountNumber on line \(line) and InvoiceDate), got \"\(actual)\"")
    }

    mutating func checkDetailRules(_ line: Int, _ row: BIFFields) {
        guard profile == .imtMipsApps else { return }
        let description = row[fields.description.position]
        if !description.elementsEqual("Insurance".utf8) {
            flag(.mipsDescription, fields.description, expected: "Insurance", line, row)
        }
    }

    private mutating func checkMIPSInvoiceHeader(_ line: Int, _ row: BIFFields, recordType: UnsafeRawBufferPointer) {
        if !recordType.isEmpty, !recordType.elementsEqual("R".utf8) {
            flag(.mipsRecordType, fields.recordType, expected: "R", line, row)
        }
        if BIFFieldFormat.boolean(row[fields.balanceForward.position]) != true {
            flag(.mipsBalanceForward, fields.balanceForward, expected: "1", line, row)
        }
        let invoiceType = row[fields.invoiceTypeID.position]
        if !invoiceTypeIDs.contains(where: { invoiceType.elementsEqual($0) }) {
            flag(.mipsInvoiceType, fields.invoiceTypeID, expected: invoiceTypesExpected, line, row)
        }
        let partial = row[fields.allowPartialPayments.position]
        if (paymentOptionsInFile || !partial.isEmpty) && BIFFieldFormat.boolean(partial) != false {
            flag(.mipsPartialPayments, fields.allowPartialPayments, expected: "0 (false)", line, row)
        }
        if BIFFieldFormat.boolean(row[fields.blockCC.position]) != false {
            flag(.mipsBlockFlags, fields.blockCC, expected: "0 (false)", line, row)
        }
        if BIFFieldFormat.boolean(row[fields.blockEFT.position]) != false {
            flag(.mipsBlockFlags, fields.blockEFT, expected: "0 (false)", line, row)
        }
        if paymentOptionsInFile || !row[fields.minimumAmountDue.position].isEmpty {
            checkMinimumPayment(.mipsMinimumPayment, line, row)
        }
    }

    private mutating func checkSpectrumInvoiceHeader(_ line: Int, _ row: BIFFields, isDelete: Bool) {
        if BIFFieldFormat.boolean(row[fields.balanceForward.position]) == true {
            flag(.spectrumOpenItem, fields.balanceForward, expected: "empty or 0 (open item billing)", line, row)
        }
        if isDelete {
            let total = row[fields.totalAmountDue.position]
            // A warning: seed 004 gives $0.00 to the R re-issue; of a D record's amount it says nothing.
            if let cents = BIFMoney.cents(total), cents != 0 {
                flag(
                    .spectrumDeleteAmount, fields.totalAmountDue, expected: "0.00 (a D record carries no amount)", line, row,
                    severity: .warning)
            }
        } else {
            checkMinimumPayment(.spectrumMinimumPayment, line, row)
            if row[fields.firstNotifyDate.position].isEmpty || row[fields.autoPayCollectionDate.position].isEmpty {
                for name in [fields.firstNotifyDate, fields.autoPayCollectionDate] where row[name.position].isEmpty {
                    flag(.spectrumDates, name, expected: "a date mm/dd/yyyy", line, row)
                }
            }
        }
        if row[fields.blockCC.position].isEmpty || row[fields.blockEFT.position].isEmpty
            || row[fields.allowPartialPayments.position].isEmpty
        {
            for name in [fields.blockCC, fields.blockEFT, fields.allowPartialPayments] where row[name.position].isEmpty {
                flag(.spectrumPaymentOptions, name, expected: "1 or 0", line, row)
            }
        }
        for name in [fields.secondNotifyDate, fields.thirdNotifyDate] where !row[name.position].isEmpty {
            let actual = row.text(name.position)
            add(
                .spectrumLaterNotifyDates, severity: .warning, line: line, field: name.position + 1, fieldName: name.name,
                expected: "empty", actual: actual,
                message: "\(name.name) is set via BIF customization for Spectrum, not in the file; got \"\(actual)\"")
        }
        let guid = row[fields.formatGuid.position]
        if BIFFieldFormat.guid.accepts(guid), guid.allSatisfy({ $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "-") }) {
            flag(.spectrumFormatGuid, fields.formatGuid, expected: "the biller's invoice format GUID", line, row)
        }
    }

    /// MinimumAmountDue must equal TotalAmountDue (both valid money; format errors are reported apart).
    private mutating func checkMinimumPayment(_ rule: BIFRule, _ line: Int, _ row: BIFFields) {
        guard let total = BIFMoney.cents(row[fields.totalAmountDue.position]) else { return }
        let minimum = row[fields.minimumAmountDue.position]
        if minimum.isEmpty || BIFMoney.cents(minimum).map({ $0 != total }) == true {
            flag(rule, fields.minimumAmountDue, expected: BIFMoney.text(cents: total), line, row)
        }
    }

    /// Reports `field` of the current row not being `expected`.
    private mutating func flag(
        _ rule: BIFRule, _ field: BIFFieldRef, expected: String, _ line: Int, _ row: BIFFields,
        severity: BIFFinding.Severity = .error
    ) {
        let actual = row.text(field.position)
        add(
            rule, severity: severity, line: line, field: field.position + 1, fieldName: field.name, expected: expected,
            actual: actual,
            message: "\(field.name): expected \(expected), got \(actual.isEmpty ? "nothing" : "\"\(actual)\"")")
    }
}
