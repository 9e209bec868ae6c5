/// The rules of the IMT profiles, read from seeds 000, 001, 002 and 004.
extension BIFValidationRun {
    func checkInvoiceHeaderRules(_ line: Int) {
        let recordType = value("RecordType")
        let isDelete = recordType.elementsEqual("D".utf8)
        if !recordType.isEmpty, !isDelete, !recordType.elementsEqual("R".utf8) {
            flag(.recordType, "RecordType", expected: "R or D", line)
        }
        switch profile {
        case .common: break
        case .imtMipsApps: checkMIPSInvoiceHeader(line, recordType: recordType)
        case .imtSpectrum: checkSpectrumInvoiceHeader(line, isDelete: isDelete)
        }
    }

    func checkCustomerRules(_ line: Int) {
        guard profile == .imtMipsApps, let date = invoiceDate, !invoiceNumber.isEmpty else { return }
        let account = value("AccountNumber", in: customer)
        let expected = String(decoding: account, as: UTF8.self) + "-" + date.iso
        guard !invoiceNumber.elementsEqual(expected.utf8) else { return }
        let actual = String(decoding: invoiceNumber, as: UTF8.self)
        add(.mipsInvoiceNumber, line: invoiceLine, field: invoiceHeader.position("InvoiceNumber") + 1,
            fieldName: "InvoiceNumber", expected: expected, actual: actual,
            message: "InvoiceNumber: expected \"\(expected)\" (AccountNumber on line \(line) and InvoiceDate), got \"\(actual)\"")
    }

    func checkDetailRules(_ line: Int) {
        guard profile == .imtMipsApps else { return }
        let description = value("Description", in: detail)
        if !description.elementsEqual("Insurance".utf8) {
            flag(.mipsDescription, "Description", in: detail, expected: "Insurance", line)
        }
    }

    private func checkMIPSInvoiceHeader(_ line: Int, recordType: UnsafeRawBufferPointer) {
        if !recordType.isEmpty, !recordType.elementsEqual("R".utf8) { flag(.mipsRecordType, "RecordType", expected: "R", line) }
        if BIFFieldFormat.boolean(value("BalanceForward")) != true {
            flag(.mipsBalanceForward, "BalanceForward", expected: "1", line)
        }
        if !value("InvoiceTypeID").elementsEqual("252".utf8) { flag(.mipsInvoiceType, "InvoiceTypeID", expected: "252", line) }
        if BIFFieldFormat.boolean(value("AllowPartialPayments")) != false {
            flag(.mipsPartialPayments, "AllowPartialPayments", expected: "0 (false)", line)
        }
        for name in ["BlockPaymentsCC", "BlockPaymentsEFT"] where BIFFieldFormat.boolean(value(name)) != false {
            flag(.mipsBlockFlags, name, expected: "0 (false)", line)
        }
        checkMinimumPayment(.mipsMinimumPayment, line)
    }

    private func checkSpectrumInvoiceHeader(_ line: Int, isDelete: Bool) {
        if BIFFieldFormat.boolean(value("BalanceForward")) == true {
            flag(.spectrumOpenItem, "BalanceForward", expected: "empty or 0 (open item billing)", line)
        }
        if isDelete {
            let total = value("TotalAmountDue")
            if let cents = BIFMoney.cents(total), cents != 0 {
                flag(.spectrumDeleteAmount, "TotalAmountDue", expected: "0.00 (a D record carries no amount)", line)
            }
        } else {
            checkMinimumPayment(.spectrumMinimumPayment, line)
            for name in ["FirstNotifyRequestedDate", "AutoPayCollectionDate"] where value(name).isEmpty {
                flag(.spectrumDates, name, expected: "a date mm/dd/yyyy", line)
            }
        }
        for name in ["BlockPaymentsCC", "BlockPaymentsEFT", "AllowPartialPayments"] where value(name).isEmpty {
            flag(.spectrumPaymentOptions, name, expected: "1 or 0", line)
        }
        let guid = value("InvoiceFormatGuid")
        if BIFFieldFormat.guid.accepts(guid), guid.allSatisfy({ $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "-") }) {
            flag(.spectrumFormatGuid, "InvoiceFormatGuid", expected: "the biller's invoice format GUID", line)
        }
    }

    /// MinimumAmountDue must equal TotalAmountDue (both valid money; format errors are reported apart).
    private func checkMinimumPayment(_ rule: BIFRule, _ line: Int) {
        guard let total = BIFMoney.cents(value("TotalAmountDue")) else { return }
        let minimum = value("MinimumAmountDue")
        if minimum.isEmpty || BIFMoney.cents(minimum).map({ $0 != total }) == true {
            flag(rule, "MinimumAmountDue", expected: BIFMoney.text(cents: total), line)
        }
    }

    private func value(_ name: String, in plan: BIFRowPlan? = nil) -> UnsafeRawBufferPointer {
        splitter[(plan ?? invoiceHeader).position(name)]
    }

    /// Reports the field `name` of the current row not being `expected`.
    private func flag(_ rule: BIFRule, _ name: String, in plan: BIFRowPlan? = nil, expected: String, _ line: Int) {
        let position = (plan ?? invoiceHeader).position(name)
        let actual = splitter.text(position)
        add(rule, line: line, field: position + 1, fieldName: name, expected: expected, actual: actual,
            message: "\(name): expected \(expected), got \(actual.isEmpty ? "nothing" : "\"\(actual)\"")")
    }
}
