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
        /// For a `billerOption` row: the seed that says the flow is not supported, and its words.
        public var against: Citation?

        public init(
            name: String, flow: IntegrationFlow?, support: Support, seed: String, note: String,
            against: Citation? = nil
        ) {
            self.name = name
            self.flow = flow
            self.support = support
            self.seed = seed
            self.note = note
            self.against = against
        }
    }

    /// A seed and its words.
    public struct Citation: Sendable, Hashable {
        public var seed: String
        public var note: String

        public init(_ seed: String, _ note: String) {
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
        /// One seed says it is not supported, another that it depends on the biller: off unless the
        /// biller opts in (for SSO, the `ic:` block's `portal.sso_connect: true`).
        case billerOption = "biller-option"
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

    /// Why this profile cannot run `flow`, quoting its seed; nil when the flow is supported or unspecified,
    /// or is a biller option the biller took (`billerOptedIn`).
    public func refusal(for flow: IntegrationFlow, billerOptedIn: Bool = false) -> String? {
        guard let feature = feature(for: flow) else { return nil }
        switch feature.support {
        case .supported, .unspecified:
            return nil
        case .unsupported:
            return "profile \(id) does not support \(flow.rawValue) (seed \(feature.seed): \"\(feature.note)\")"
        case .billerOption:
            if billerOptedIn { return nil }
            let against = feature.against.map { "seed \($0.seed): \"\($0.note)\"; " } ?? ""
            return "profile \(id) has \(flow.rawValue) only where the biller opts in, and this biller has not "
                + "(\(against)seed \(feature.seed): \"\(feature.note)\")"
        }
    }
}
