/// BIF text the tests upload, validate and merge.
public enum SampleBIF {
    /// A file of one invoice, valid under the common rules: file header, invoice header,
    /// customer record and one detail line, ending in a newline.
    /// - Parameters:
    ///   - date: the file and invoice date, `MM/DD/YYYY`; the invoice number is `ACCOUNT-YYYY-MM-DD`.
    ///   - amount: the invoice's amount, also the file total.
    public static func singleInvoice(
        account: String = SampleState.account, amount: String = "1675.00", date: String = "11/18/2024",
        billerGUID: String = SampleState.billerGUID
    ) -> String {
        let parts = date.split(separator: "/")
        let iso = parts.count == 3 ? "\(parts[2])-\(parts[0])-\(parts[1])" : date
        return """
            FH|\(billerGUID)||\(date)|1|\(amount)
            IH|R|a1b2c3d4-5e6f-4a0b-8c1d-2e3f4a5b6c7d|\(account)-\(iso)|\(date)|12/18/2024|\(amount)|1|252|\(amount)|0|0|0||||||||||||
            CR|\(account)|SMITH JESSICA
            ID|\(amount)|Insurance

            """
    }
}
