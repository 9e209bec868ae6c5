/// What one IC advanced setting of an IMT biller means (seed 000, "Advanced Settings").
public struct AdvancedSettingDefinition: Sendable, Hashable {
    public var id: Int
    /// The seed's description.
    public var name: String
    /// What IC does with it.
    public var meaning: String
    /// A password: never shown.
    public var isSecret: Bool

    /// Every setting the seed defines, by id.
    public static let all: [AdvancedSettingDefinition] =
        IMTService.allCases.flatMap { service -> [AdvancedSettingDefinition] in
            let ids = service.settingIDs
            let twoURLs = service.isMultiEnvironment ? "; two URLs separated by '|' when 81 is MULTIENVIRONMENT" : ""
            return [
                .init(
                    id: ids.url, name: "\(service.title) EndPoint/WebService URL",
                    meaning: "base URL of IMT's data API for \(service.title)\(twoURLs)", isSecret: false),
                .init(
                    id: ids.username, name: "\(service.title) Username",
                    meaning: "the IC user opening the \(service.title) session", isSecret: false),
                .init(id: ids.password, name: "\(service.title) Password", meaning: "that user's password", isSecret: true),
            ]
        } + [
            .init(
                id: 32, name: "Customer Profile - Set Block ACH/CC as ReadOnly",
                meaning: "true|false; must be true when 131 turns UpdateBlockedFlags on", isSecret: false),
            .init(
                id: 81, name: "RTDR Service Version",
                meaning: "MULTIENVIRONMENT: RTDR, payments and PDFs go to one of two IMT instances by InvoiceTypeID",
                isSecret: false),
            .init(
                id: 88, name: "Secondary RTDR EndPoint/WebService URL",
                meaning: "the sessions/ endpoint every flow authenticates against; two URLs when 81 is MULTIENVIRONMENT",
                isSecret: false),
            .init(
                id: 105, name: "Batch Single Invoice Imports",
                meaning: "0|1; no longer used: IMT calls UploadInvoice directly", isSecret: false),
            .init(
                id: 131, name: "JSON Config", meaning: "{\"RTDRConfig\": {\"UpdateBlockedFlags\": true|false}}",
                isSecret: false),
        ]

    /// The definition of setting `id`.
    public static func named(_ id: Int) -> AdvancedSettingDefinition? { all.first { $0.id == id } }
}
