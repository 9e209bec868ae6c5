/// Which of a biller's two IMT instances serves an invoice type (INT-3593).
///
/// Under setting 81 `MULTIENVIRONMENT`, RTDR, DataPump payments and PDF linking go to the
/// first or second URL of settings 8, 11 and 20 (and 88, when it holds two) by the
/// invoice's InvoiceTypeID. The seed does not say where IC keeps that mapping; here it
/// is part of the biller's configuration, given by the scenario.
public struct EnvironmentRouting: Sendable, Hashable {
    /// Environment index (0: first URL, 1: second) by InvoiceTypeID.
    public var environments: [String: Int]

    public init(_ environments: [String: Int] = [:]) { self.environments = environments }

    /// The environment of a call: always the first without `MULTIENVIRONMENT`.
    /// - Throws: when `MULTIENVIRONMENT` is on and the invoice type is missing or unmapped.
    public func environment(for invoiceTypeID: String?, settings: AdvancedSettings) throws(SettingsError) -> Int {
        guard settings.isMultiEnvironment else { return 0 }
        guard let invoiceTypeID else {
            throw SettingsError(id: 81, message: "is \(AdvancedSettings.multiEnvironment), but the call names no InvoiceTypeID")
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
