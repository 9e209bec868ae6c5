/// Which of a biller's two IMT instances serves an invoice type (INT-3593).
///
/// Under setting 81 `MULTIENVIRONMENT`, RTDR, DataPump payments and PDF linking go to the
/// first or second URL of settings 8, 11 and 20 (and 14, 17 and 88, when they hold two) by
/// the invoice's InvoiceTypeID. The seed does not say where IC keeps that mapping; here it
/// is part of the biller's configuration, given by the scenario. A call without an invoice
/// (enrollment) goes where the account was last answered from.
public struct EnvironmentRouting: Sendable, Hashable {
    /// Environment index (0: first URL, 1: second) by InvoiceTypeID.
    public var environments: [String: Int]

    public init(_ environments: [String: Int] = [:]) { self.environments = environments }

    /// The environment of a call: always the first without `MULTIENVIRONMENT`; otherwise the
    /// InvoiceTypeID's, or without one the environment `account` was last answered from.
    /// - Throws: when `MULTIENVIRONMENT` is on and the invoice type is unmapped, or missing
    ///   for an account no environment has answered for.
    public func environment(
        for invoiceTypeID: String?, account: String = "", lastSeen: Int? = nil, settings: AdvancedSettings
    ) throws(SettingsError) -> Int {
        guard settings.isMultiEnvironment else { return 0 }
        guard let invoiceTypeID else {
            if let lastSeen { return lastSeen }
            let whose = account.isEmpty ? "" : " and no IMT environment has answered for account \(account) yet"
            throw SettingsError(
                id: 81, message: "is \(AdvancedSettings.multiEnvironment), but the call names no InvoiceTypeID\(whose)")
        }
        guard let environment = environments[invoiceTypeID] else {
            let known = environments.keys.sorted().joined(separator: ", ")
            throw SettingsError(
                id: 81,
                message:
                    "is \(AdvancedSettings.multiEnvironment), but InvoiceTypeID \(invoiceTypeID) is mapped to no environment (mapped: \(known.isEmpty ? "none" : known))"
            )
        }
        return environment
    }
}
