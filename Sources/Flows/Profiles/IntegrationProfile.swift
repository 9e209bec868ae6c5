/// What one integration supports: its flows, products and features, each with the seed that says so.
///
/// The tables are in `IntegrationProfile+Matrix.swift`.
///
/// ```swift
/// if let refusal = IntegrationProfile.named("imt-spectrum")?.refusal(for: .dataPumpPaperless) {
///     print(refusal)
/// }
/// ```
public struct IntegrationProfile: Sendable, Hashable {
    /// The profile's name in scenarios: `imt-mips-apps`, `imt-spectrum` or `ai-mymeter`.
    public var id: String
    /// The integration's name as the seeds write it.
    public var name: String
    /// One row per flow, product or feature.
    public var features: [Feature]

    public init(id: String, name: String, features: [Feature]) {
        self.id = id
        self.name = name
        self.features = features
    }

    /// One row of a profile's matrix.
    public struct Feature: Sendable, Hashable {
        /// The row's name, after the seed's own.
        public var name: String
        /// The flow the row is about; nil for a product or a feature that is no data flow.
        public var flow: IntegrationFlow?
        public var support: Support
        /// The file name of the seed that says so.
        public var seed: String
        /// The seed's own words for a supported or unsupported row; why nothing is known for an unspecified one.
        public var note: String

        public init(name: String, flow: IntegrationFlow?, support: Support, seed: String, note: String) {
            self.name = name
            self.flow = flow
            self.support = support
            self.seed = seed
            self.note = note
        }
    }

    /// Whether the seed says a profile has a row's flow, product or feature.
    public enum Support: String, Sendable, Hashable, CaseIterable {
        case supported
        case unsupported
        /// The seeds are silent about it.
        case unspecified
    }

    /// The three profiles of the seeds.
    public static let all: [IntegrationProfile] = [.imtMipsApps, .imtSpectrum, .aiMyMeter]

    /// The profile with this id, if there is one.
    public static func named(_ id: String) -> IntegrationProfile? {
        all.first { $0.id == id }
    }

    /// The row about `flow`, if the matrix has one.
    public func feature(for flow: IntegrationFlow) -> Feature? {
        features.first { $0.flow == flow }
    }

    /// Why this profile cannot run `flow`, quoting its seed; nil when the flow is supported or unspecified.
    public func refusal(for flow: IntegrationFlow) -> String? {
        guard let feature = feature(for: flow), feature.support == .unsupported else { return nil }
        return "profile \(id) does not support \(flow.rawValue) (seed \(feature.seed): \"\(feature.note)\")"
    }
}
