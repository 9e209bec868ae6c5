import Wire

/// A check of a CloudInvoicing endpoint against the mock IC's contract: its definition and how it judges the exchanges.
///
/// Checks are values listed once in `ICCheck.all`; adding one is one value in an `ICCheck+…` file,
/// one line in the list, and its requirement in the catalog.
public struct ICCheck: Sendable {
    public var definition: CheckDefinition
    let judge: @Sendable (ICProbes) -> CheckOutcome

    init(_ definition: CheckDefinition, judge: @escaping @Sendable (ICProbes) -> CheckOutcome) {
        self.definition = definition
        self.judge = judge
    }

    /// Every check of `certify ic`, in the order the report lists them.
    public static let all: [ICCheck] = [
        .wsdlOperations, .wsdlMessages,
        .paymentReports, .settlementReports, .achRejectReports, .autoPayReports, .paperlessReports,
    ]

    /// The definitions of every check.
    public static var definitions: [CheckDefinition] { all.map(\.definition) }
}
