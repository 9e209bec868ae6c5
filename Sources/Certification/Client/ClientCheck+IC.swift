import Foundation
import Partners
import Wire

/// The checks of a partner's IMT-side client, judged from what it sends the mock IC (`serve ic --certify`).
extension ClientCheck {
    static let soapEnvelope = definition(
        "IC-RPT-007",
        "each request to CloudInvoicing.asmx is a SOAP envelope of the version its Content-Type names, naming a CloudInvoicing operation (no VersionMismatch or Sender fault)",
        source: .requirement("IC-RPT-007"))
    static let schemaValid = recommended("IC-WSDL-001", "each operation's message is valid against the XSD the WSDL publishes")
    static let credentialsAccepted = definition(
        "IC-UP-001", "each upload and report names a biller by its BillerGUID and WebServiceKey (no wrong-key answer)",
        source: .specification(
            "RFC 9110 §15.5.2: a request that lacks valid authentication credentials for the target resource is not applied"))
    static let uploadedBIFs = definition(
        "IC-UP-002", "each uploaded BIF has no error finding under the biller's profile (IC stores nothing of such a file)",
        source: .requirement("IC-UP-002"))
    static let reportWindows = recommended(
        "IC-POLL-001",
        "each report request's StartDate and EndDate are xs:dateTime texts and the window does not end before it starts")

    static let ssoWorkflow = definition(
        "SSO-COM-003",
        "each SSO call is one the workflow allows at that point (Retrieve Users, Create Customer Record, Register Accounts, Remote Authentication, then SSOConnect with the token it issued): none refused",
        source: .requirement("SSO-COM-003"))
    static let imtLoginType = definition(
        "SSO-IMT-007", "each Register Accounts and Remote Authentication call sends LoginTypeID 1",
        source: .requirement("SSO-IMT-007"))
    static let aiLoginType = definition(
        "SSO-AI-004", "each Register Accounts and Remote Authentication call sends LoginTypeID 5",
        source: .requirement("SSO-AI-004"))
    static let samlSignIn = definition(
        "SSO-SAML-001",
        "each SAML Response posted to the assertion consumer signs the customer in: its signature holds for the partner's certificate, it names IC's audience, the mock's clock is inside its validity window, and it has Email and a mapped LoginType",
        source: .requirement("SSO-SAML-003"))
    static let imtViewMode = definition(
        "SSO-IMT-008", "each SSOConnect redirect and Cloud Payments V2 request sends ViewMode 0 (Redirect)",
        source: .requirement("SSO-IMT-008"))
    static let aiViewMode = definition(
        "SSO-AI-002", "each SSOConnect redirect and Cloud Payments V2 request sends ViewMode 1 (iFrame)",
        source: .requirement("SSO-AI-002"))
    static let imtRedirect = definition(
        "SSO-IMT-009", "each SSOConnect redirect sends a RedirectID of IMT's list (1, 2, 3, 5, 9, 10, 11)",
        source: .requirement("SSO-IMT-009"))
    static let aiRedirect = definition(
        "SSO-AI-003", "each SSOConnect redirect sends a RedirectID of AI's list (1, 2, 3, 5, 9)",
        source: .requirement("SSO-AI-003"))

    /// Every definition of `serve ic --certify`, in report order (one LoginTypeID, ViewMode and RedirectID
    /// check applies each, by the portal's profile: IC takes its full lists, the profile's are the partner's rules).
    static let icDefinitions = [
        soapEnvelope, schemaValid, credentialsAccepted, uploadedBIFs, reportWindows, ssoWorkflow, imtLoginType, aiLoginType,
        imtViewMode, aiViewMode, imtRedirect, aiRedirect, samlSignIn,
    ]

    /// The SAML check: each Response the partner's identity provider posted to `POST /saml/{BillerGUID}/acs`,
    /// judged by the mock's answer (a sign-in page, or a refusal whose message says why).
    static let saml = ClientCheck(samlSignIn, notSent: "the identity provider posted no SAML Response") { exchange in
        let segments = exchange.request.path.split(separator: "/")
        guard exchange.request.method == "POST", segments.count == 3, segments[0] == "saml", segments[2] == "acs" else {
            return .notApplicable
        }
        guard exchange.response.status >= 300 else { return .conforms }
        let page = String(decoding: exchange.response.body, as: UTF8.self)
        let message = page.range(of: #"<p id="message">"#).flatMap { start in
            page[start.upperBound...].range(of: "</p>").map { String(page[start.upperBound..<$0.lowerBound]) }
        }
        return .violates(
            "the SAML Response was refused with \(exchange.response.status)"
                + (message.map { ": " + $0.replacingOccurrences(of: "&apos;", with: "'") } ?? ""))
    }

    /// The REST paths of the SSO workflow, in its order.
    static let ssoPaths = [
        "/api/v1/remoteauthentication/users", "/api/v1/customers", "/api/v1/remoteauthentication/registeraccounts",
        "/api/v1/remoteauthentication", "/cloudsso/connect",
    ]

    /// The SSO checks of a client of a mock IC whose portal has `profile`.
    static func sso(profile: SSOProfile) -> [ClientCheck] {
        [
            ClientCheck(ssoWorkflow, notSent: "the client made no SSO call") { exchange in
                guard ssoPaths.contains(exchange.request.path) else { return .notApplicable }
                guard exchange.response.status >= 400 else { return .conforms }
                var detail: String?
                if case .array(let errors)? = (try? JSONParser.parse(exchange.response.body))?["Errors"] {
                    detail = errors.first?["Message"]?.stringValue
                }
                return .violates(
                    "\(exchange.request.method) \(exchange.request.path) refused with \(exchange.response.status)"
                        + (detail.map { ": \($0)" } ?? ""))
            },
            ClientCheck(
                profile.loginTypeID == 5 ? aiLoginType : imtLoginType,
                notSent: "the client sent no Register Accounts or Remote Authentication call"
            ) { exchange in
                guard exchange.request.method == "POST", ssoPaths[2...3].contains(exchange.request.path) else {
                    return .notApplicable
                }
                guard let body = try? JSONParser.parse(exchange.request.body), case .number(let sent)? = body["LoginTypeID"]
                else {
                    return .violates("\(exchange.request.path) sent no LoginTypeID as a number")
                }
                return sent == String(profile.loginTypeID)
                    ? .conforms
                    : .violates(
                        "\(exchange.request.path) sent LoginTypeID \(sent); profile \(profile.id) signs in with \(profile.loginTypeID)"
                    )
            },
            ClientCheck(
                profile.loginTypeID == 5 ? aiViewMode : imtViewMode,
                notSent: "the client sent no SSOConnect redirect or Cloud Payments V2 request"
            ) { exchange in
                let sent: String?
                switch (exchange.request.method, exchange.request.path) {
                case ("GET", ssoPaths[4]): sent = exchange.request.query.first { $0.name.lowercased() == "viewmode" }?.value
                case ("POST", "/cloudpaymentsapi/v2"):
                    switch (try? JSONParser.parse(exchange.request.body))?["ViewMode"] {
                    case .number(let text)?, .string(let text)?: sent = text
                    default: sent = nil
                    }
                default: return .notApplicable
                }
                guard let sent, let mode = Int(sent) else {
                    return .violates("\(exchange.request.path) sent no ViewMode as a whole number")
                }
                if let refusal = profile.refusal(viewMode: mode) { return .violates("\(exchange.request.path): \(refusal)") }
                return .conforms
            },
            ClientCheck(
                profile.loginTypeID == 5 ? aiRedirect : imtRedirect, notSent: "the client sent no SSOConnect redirect"
            ) { exchange in
                guard exchange.request.method == "GET", exchange.request.path == ssoPaths[4] else { return .notApplicable }
                guard let sent = exchange.request.query.first(where: { $0.name.lowercased() == "redirectid" })?.value,
                    let id = Int(sent)
                else { return .violates("\(exchange.request.path) sent no RedirectID as a whole number") }
                if let refusal = profile.refusal(redirectID: id) { return .violates("\(exchange.request.path): \(refusal)") }
                return .conforms
            },
        ]
    }

    /// The ids of `serve ic --certify`'s checks, in report order.
    public static var icCheckIDs: [String] { icDefinitions.map(\.id) }

    /// The checks of a client of `mock`; report dates without a zone are read in `billerZone`, as the mock does.
    static func ic(mock: ICMock, billerZone: TimeZone) -> [ClientCheck] {
        [
            ClientCheck(soapEnvelope, notSent: "the client sent no POST to \(ICMock.cloudInvoicingPath)") { exchange in
                switch exchange.soap?.envelope {
                case nil: return .notApplicable
                case .success: return .conforms
                case .failure(let fault): return .violates(fault.description)
                }
            },
            ClientCheck(schemaValid, notSent: "the client sent no readable envelope of a CloudInvoicing operation") { exchange in
                guard let call = exchange.soap, case .success = call.envelope else { return .notApplicable }
                return call.schemaFault.map { .violates($0.reason) } ?? .conforms
            },
            ClientCheck(credentialsAccepted, notSent: "the client sent no valid upload or report request") { exchange in
                guard let call = exchange.soap, call.isValid else { return .notApplicable }
                guard
                    let (guid, key) = call.upload.map({ ($0.billerGUID, $0.webServiceKey) })
                        ?? call.report.map({ ($0.billerGUID, $0.webServiceKey) })
                else { return .notApplicable }
                return mock.biller(guid: guid, key: key) == nil
                    ? .violates("BillerGUID \(guid) with the WebServiceKey sent names no biller of the mock") : .conforms
            },
            ClientCheck(uploadedBIFs, unit: "upload", notSent: "the client uploaded no file with accepted credentials") {
                exchange in
                guard let upload = exchange.soap?.upload,
                    let biller = mock.biller(guid: upload.billerGUID, key: upload.webServiceKey)
                else { return .notApplicable }
                let errors = BIFValidator(profile: biller.profile, options: biller.options).findings(in: upload.file)
                    .filter { $0.severity == .error }
                guard let first = errors.first else { return .conforms }
                let shown = errors.prefix(20).map { $0.text(file: upload.fileName) }
                let more = errors.count > shown.count ? ["… and \(errors.count - shown.count) more"] : []
                return .violates(
                    "\(upload.fileName): \(ClientCheckTally.plural(errors.count, "error finding")) under \(biller.profile.rawValue); first: \(first.text(file: upload.fileName))",
                    findings: shown + more)
            },
            ClientCheck(reportWindows, notSent: "the client sent no valid report request") { exchange in
                guard let report = exchange.soap?.report else { return .notApplicable }
                do throws(SOAPFault) {
                    guard try report.window(billerZone: billerZone) != nil else {
                        return .violates(
                            "\(report.report.rawValue): EndDate \(report.endDate) is before StartDate \(report.startDate)")
                    }
                    return .conforms
                } catch {
                    return .violates(error.reason)
                }
            },
        ]
    }
}
