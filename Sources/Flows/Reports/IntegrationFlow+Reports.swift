public import Wire

extension IntegrationFlow {
    /// The flow a report of `kind` serves.
    public init(reportKind kind: ICReport.Kind) {
        switch kind {
        case .payments: self = .paymentReporting
        case .settlement: self = .settlementReporting
        case .achRejects: self = .achRejectReporting
        case .autoPayChanges: self = .autoPayChangeLog
        case .paperlessChanges: self = .paperlessChangeLog
        }
    }
}
