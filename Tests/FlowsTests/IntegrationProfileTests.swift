import Flows
import Testing

/// The profiles' feature matrices and the refusals read from them.
@Suite struct IntegrationProfileTests {
    /// The seed documents a matrix row may cite.
    static let seeds: Set<String> = [
        "000_65f71bf3b937da3c.txt", "001_64e454685f3adcde.txt", "002_b63b7a4e49c08a94.txt",
        "003_f0e64856cc3b6e4b.txt", "004_6814e3e7e613e7cb.txt",
    ]

    static func profile(_ id: String) throws -> IntegrationProfile {
        try #require(IntegrationProfile.named(id))
    }

    @Test(arguments: [
        (
            IntegrationFlow.dataPumpPaperless, "004_6814e3e7e613e7cb.txt",
            "Data Pump configuration for paperless will need to be disabled"
        ),
        (.dataPumpAutoPay, "004_6814e3e7e613e7cb.txt", "Data Pump configuration for autopay will need to be disabled"),
        (.pdfLinking, "002_b63b7a4e49c08a94.txt", "The integration does not support PDF Linking between IC and IMT Spectrum."),
    ])
    func `Spectrum refuses the flows it disables, quoting the seed`(flow: IntegrationFlow, seed: String, quote: String) throws {
        let refusal = try Self.profile("imt-spectrum").refusal(for: flow)
        #expect(refusal == "profile imt-spectrum does not support \(flow.rawValue) (seed \(seed): \"\(quote)\")")
    }

    @Test(arguments: [IntegrationFlow.dataPumpPayment, .rtdr, .invoiceUpload, .dataPumpPaperless, .pdfLinking])
    func `MIPS/APPS supports the IMT JSON:API flows`(flow: IntegrationFlow) throws {
        let profile = try Self.profile("imt-mips-apps")
        #expect(profile.feature(for: flow)?.support == .supported)
        #expect(profile.refusal(for: flow) == nil)
    }

    @Test func `MIPS/APPS refuses ACH rejects, voids and PDF extraction`() throws {
        let profile = try Self.profile("imt-mips-apps")
        for flow in [IntegrationFlow.achRejectReporting, .void, .pdfExtraction] {
            #expect(
                profile.refusal(for: flow)?.hasPrefix("profile imt-mips-apps does not support \(flow.rawValue) (seed 001_")
                    == true)
        }
    }

    @Test func `an unspecified flow is not refused`() throws {
        let profile = try Self.profile("ai-mymeter")
        #expect(profile.feature(for: .rtdr)?.support == .unspecified)
        #expect(profile.refusal(for: .rtdr) == nil)
        #expect(profile.feature(for: .sso)?.support == .supported)
    }

    @Test(arguments: [("imt-spectrum", "002_b63b7a4e49c08a94.txt"), ("imt-mips-apps", "001_64e454685f3adcde.txt")])
    func `IMT SSO is off unless the biller opts in, refused with both seeds' words`(id: String, against: String) throws {
        let profile = try Self.profile(id)
        #expect(profile.feature(for: .sso)?.support == .billerOption)
        let refusal = try #require(profile.refusal(for: .sso))
        #expect(refusal.hasPrefix("profile \(id) has sso only where the biller opts in, and this biller has not"))
        #expect(refusal.contains("seed \(against): \"SSO; Not Supported\""))
        #expect(refusal.contains("seed 000_65f71bf3b937da3c.txt: \""))
        #expect(profile.refusal(for: .sso, billerOptedIn: true) == nil)
        #expect(try Self.profile("ai-mymeter").refusal(for: .sso) == nil)
    }

    @Test func `every row names a seed document and has a note`() {
        for profile in IntegrationProfile.all {
            for feature in profile.features {
                #expect(Self.seeds.contains(feature.seed), "\(profile.id): \(feature.name) cites \(feature.seed)")
                #expect(!feature.note.isEmpty, "\(profile.id): \(feature.name) has no note")
            }
        }
    }

    @Test func `every profile has exactly one row per flow and unique row names`() {
        for profile in IntegrationProfile.all {
            for flow in IntegrationFlow.allCases {
                #expect(profile.features.filter { $0.flow == flow }.count == 1, "\(profile.id): \(flow.rawValue)")
            }
            #expect(Set(profile.features.map(\.name)).count == profile.features.count, "\(profile.id) repeats a row name")
        }
    }

    @Test func `ids are unique and named finds each profile by its id`() {
        let ids = IntegrationProfile.all.map(\.id)
        #expect(ids == ["imt-mips-apps", "imt-spectrum", "ai-mymeter"])
        #expect(Set(ids).count == ids.count)
        for profile in IntegrationProfile.all {
            #expect(IntegrationProfile.named(profile.id) == profile)
        }
        #expect(IntegrationProfile.named("imt") == nil)
    }

    @Test func `flows keep their raw values`() {
        #expect(IntegrationFlow(rawValue: "datapump-paperless") == .dataPumpPaperless)
        #expect(IntegrationFlow(rawValue: "payment-reporting") == .paymentReporting)
        #expect(Set(IntegrationFlow.allCases.map(\.rawValue)).count == IntegrationFlow.allCases.count)
    }
}
