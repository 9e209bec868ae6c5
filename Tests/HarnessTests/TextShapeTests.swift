import Testing

@testable import Harness
@testable import Support

/// The byte-level checks that stand in for regular expressions on every run.
@Suite struct TextShapeTests {
    @Test(arguments: [
        "2024-11-18T17:05:28Z", "2024-11-18T11:05:28-06:00", "2024-11-18T11:05:28+05:30", "2024-11-18T17:05:28.5Z",
        "2024-11-18T17:05:28.250-06:00",
    ])
    func `a date and time with its zone is ISO 8601`(text: String) {
        #expect(DateTimeText.isISO8601(text))
    }

    @Test(arguments: [
        "", "2024-11-18", "2024-11-18T17:05:28", "2024-11-18 17:05:28Z", "2024-11-18T17:05:28.Z", "2024-11-18T17:05:28z",
        "2024-11-18T17:05:28-0600", "2024-11-18T17:05:28-06:00 ", "2024-1-18T17:05:28Z", "२०२४-11-18T17:05:28Z",
        "2024-11-18T17:05:28Zjunk",
    ])
    func `anything else is not`(text: String) {
        #expect(!DateTimeText.isISO8601(text))
    }

    @Test func `a requirement id is capitals, then groups of capitals and digits after dashes`() {
        for id in ["IMT-RTDR-001", "IC-SOAP-12", "A-B", "SSO-CP2-003"] {
            #expect(RequirementCatalog.isRequirementID(id), "\(id)")
        }
        for id in ["", "IMT", "imt-rtdr-001", "IMT--001", "IMT-RTDR-", "-IMT-001", "1MT-RTDR", "IMT-RTDR_001", "IMT-RTDR-00١"] {
            #expect(!RequirementCatalog.isRequirementID(id), "\(id)")
        }
    }
}
