/// Every step kind a scenario may use, in the order `--help`, errors and docs list them.
public enum StepRegistry {
    public static let kinds: [any StepKind.Type] = [
        RTDRStep.self,
        DataPumpPaymentStep.self,
        DataPumpPaperlessStep.self,
        DataPumpAutoPayStep.self,
        PDFLinkingStep.self,
        ValidateSettingsStep.self,
        IMTRequestStep.self,
        BIFValidateStep.self,
        BIFMergeStep.self,
        BIFGenerateStep.self,
        BIFDiffStep.self,
        InvoiceUploadStep.self,
        PDFExtractionStep.self,
        ICReportStep.self,
        SpectrumPollStep.self,
        ReconcileStep.self,
        ICInvoicesStep.self,
        ProfileFeatureStep.self,
        IMTPingStep.self,
        SSOLoginStep.self,
        SSOConnectStep.self,
        SAMLLinkStep.self,
        SAMLSignInStep.self,
        SAMLConfigurationStep.self,
        CloudPaymentsStep.self,
        VirtualSiteStep.self,
        RunStep.self,
        ReplayStep.self,
        VerifyStep.self,
    ]

    /// The keys of every kind.
    public static var keys: [String] { kinds.map { $0.key } }

    /// A step as the scenario schema describes it: one of the kinds, its key mapped to its members.
    public static var schema: SchemaValue {
        .oneOf(
            kinds.map { kind in
                .mapping(
                    MappingSchema("The \(kind.key) step.", .required(kind.key, .mapping(kind.schema), kind.schema.description)))
            })
    }

    /// The kind with YAML key `key`.
    public static func kind(named key: String) -> (any StepKind.Type)? {
        kinds.first { $0.key == key }
    }
}
