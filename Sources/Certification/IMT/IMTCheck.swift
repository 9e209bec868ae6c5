/// A check of an IMT endpoint: its definition, what it needs to apply, and how it judges the exchanges.
///
/// Checks are values listed once in `IMTCheck.all`; adding one is one value in an `IMTCheck+…`
/// file, one line in the list, and its requirement in the catalog.
public struct IMTCheck: Sendable {
    /// What must hold for the check to apply; otherwise it is SKIP with the reason.
    public enum Need: Sendable, Hashable {
        /// The partner declares the flow.
        case flow(IMTCertifiedFlow)
        /// `--allow-writes` was given.
        case writes
        /// The partner declares that IC updates block flags from `payment_types` (setting 131).
        case blockedFlags
        /// The declaration names a test account for the case.
        case account(IMTTestAccount)
        /// The declaration lists further environments (setting 81).
        case environments
    }

    public var definition: CheckDefinition
    public var needs: [Need]
    let judge: @Sendable (IMTProbes) -> CheckOutcome

    init(_ definition: CheckDefinition, needs: [Need] = [], judge: @escaping @Sendable (IMTProbes) -> CheckOutcome) {
        self.definition = definition
        self.needs = needs
        self.judge = judge
    }

    /// Every check of `certify imt`, in the order the report lists them.
    public static let all: [IMTCheck] = [
        .sessionOpens, .badCredentialsRefused, .sessionCloses, .cookieEndsWithSession,
        .paymentsDueMediaType, .paymentsDueDocument, .paymentsDueAttributes, .currentDueDecimal, .paymentTypesKnown,
        .filterHonoured, .unknownAccount,
        .noneBlocked, .ccBlocked, .achBlocked, .bothBlocked,
        .billMediaType, .billIsPDF,
        .paymentAccepted, .repeatedPaymentRefused, .paperlessAccepted, .autopayAccepted, .enrollmentReadBack,
        .environments,
    ]

    /// The definitions of every check.
    public static var definitions: [CheckDefinition] { all.map(\.definition) }
}
