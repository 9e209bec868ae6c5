import Foundation
public import Partners
import Wire

extension ClientCertification {
    /// The certification of a client of the stand-in IMT: its state's passwords are the secrets.
    public static func imt(
        _ mock: IMTMock, state: IMTState, expectedFailures: ExpectedFailures = .init()
    )
        -> ClientCertification
    {
        ClientCertification(
            kind: "imt", subject: "an IC-side client of IMT (traffic to the mock IMT)",
            target: [("auth API", mock.authPath + "/"), ("data API", mock.apiPath + "/"), ("users", "\(state.users.count)")],
            profile: "the mock IMT's contract (seed 000)",
            checks: ClientCheck.imt(authPath: mock.authPath, apiPath: mock.apiPath),
            secrets: Array(state.users.values), expectedFailures: expectedFailures)
    }

    /// The certification of a client of the stand-in IC: its billers' web service keys are the secrets.
    public static func ic(
        _ mock: ICMock, state: ICState, expectedFailures: ExpectedFailures = .init()
    )
        -> ClientCertification
    {
        let profiles = Set(state.billers.map(\.profile.rawValue)).sorted()
        return ClientCertification(
            kind: "ic", subject: "an IMT-side client of IC (traffic to the mock IC)",
            target: [
                ("service", ICMock.cloudInvoicingPath),
                ("billers", state.billers.map(\.guid).joined(separator: ", ").ifEmpty("none")),
            ],
            profile: profiles.isEmpty ? "none (no biller)" : profiles.joined(separator: ", "),
            checks: ClientCheck.ic(mock: mock, billerZone: state.timeZone) + ClientCheck.sso(profile: state.portal.profile)
                + [ClientCheck.saml],
            secrets: state.billers.map(\.webServiceKey) + (state.portal.apiKey.map { [$0] } ?? []),
            expectedFailures: expectedFailures,
            readsSOAP: true)
    }
}

extension String {
    fileprivate func ifEmpty(_ other: String) -> String { isEmpty ? other : self }
}
