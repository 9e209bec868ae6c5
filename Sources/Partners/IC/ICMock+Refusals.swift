import Wire

extension ICMock {
    /// Every refusal of the mock IC (CloudInvoicing SOAP, the SSO and Cloud Payments REST services and pages)
    /// and of the SOAP readers it uses, each with its sources (`MockRefusal`).
    public static let refusals: [MockRefusal] =
        soapRefusals + restRefusals + ssoRefusals + paymentRefusals + samlRefusals

    private static func ic(
        _ file: String, _ status: Int, _ code: String, written: String? = nil, _ rule: String, _ sources: VerdictSource...
    ) -> MockRefusal {
        MockRefusal("ic", file, status, code, written: written, rule: rule, sources: sources)
    }

    /// A `Sender` fault's code as the catalog keys it.
    private static func fault(_ reason: String) -> String { MockRefusal.faultPrefix + reason }

    static let clientFault = VerdictSource.specification(
        "SOAP 1.1 §4.4.1: the Client class of errors indicate that the message was incorrectly formed or did not contain the appropriate information in order to succeed"
    )
    static let notFound = VerdictSource.http(
        "15.5.5", "404 Not Found: the origin server did not find a current representation for the target resource")
    static let badRequest = VerdictSource.http("15.5.1", "400 Bad Request: malformed request syntax")
    static let wsdlTypes = VerdictSource.specification(
        "WSDL 1.1 §2.2: the types element encloses the data type definitions of the messages exchanged")

    /// CloudInvoicing.asmx: the envelope, the operation and its message.
    static let soapRefusals = [
        ic(
            "ICMock+Routes.swift", 404, fault("no service at …; CloudInvoicing is at ……"), "a path that is not the service",
            notFound),
        ic(
            "ICMock+Routes.swift", 405, fault("… is not allowed; SOAP requests are POSTed"), "another method than POST",
            .specification("SOAP 1.1 §6: SOAP request messages are carried in HTTP POST requests"),
            .http("15.5.6", "405 Method Not Allowed")),
        ic(
            "ICMock+Routes.swift", 500, fault("Server did not recognize the operation … in namespace …"),
            "a body element that is no CloudInvoicing operation", clientFault, .requirement("IC-WSDL-001")),
        ic(
            "ICMock.swift", 500, fault("the request breaks the service's schema: …"),
            "an operation's message that breaks the XSD the WSDL publishes", wsdlTypes, clientFault),
        ic(
            "ICMock.swift", 500, fault("message"), written: "message",
            "a DataSet report whose BillerGUID and WebServiceKey name no biller (the SOAP reports answer Success false)",
            clientFault, .http("15.5.2", "401 Unauthorized: the request lacks valid authentication credentials")),
        ic(
            "ICMock.swift", 500, fault("the request is over … bytes"), "a body over the mock's limit",
            .http("15.5.14", "413 Content Too Large: the request content is larger than the server is willing to process")),
        ic(
            "CloudInvoicingMessage.swift", 500, fault("…/Req/… is missing"), "a member of the operation's Req left out",
            wsdlTypes, clientFault),
        ic(
            "ICReportRequest.swift", 500, fault("… is not a report operation"), "a report read from another operation's body",
            clientFault),
        ic(
            "ICReportRequest.swift", 500, fault("…/Req/StartDate '…' is not an xs:dateTime"), "a StartDate that is no date-time",
            .specification("XML Schema 1.1 Part 2 §3.3.7: the lexical space of dateTime"), wsdlTypes),
        ic(
            "ICReportRequest.swift", 500, fault("…/Req/EndDate '…' is not an xs:dateTime"), "an EndDate that is no date-time",
            .specification("XML Schema 1.1 Part 2 §3.3.7: the lexical space of dateTime"), wsdlTypes),
        MockRefusal(
            "ic", "ICMock.swift", 200, "reversed-window",
            rule:
                "a report window that ends before it starts: no source refuses it, so it is answered as a window holding nothing, with a warning",
            sources: []),
        ic(
            "UploadInvoice.swift", 500, fault("… is not an upload operation"), "an upload read from another operation's body",
            clientFault),
        ic(
            "UploadInvoice.swift", 500, fault("…/Req/FileContent is not base64"), "a FileContent that is not base64",
            .specification("RFC 4648 §4: the base64 alphabet"),
            .specification("XML Schema 1.1 Part 2 §3.3.16: base64Binary")),
        ic(
            "SOAPEnvelope.swift", 500,
            fault("Content-Type must be text/xml (SOAP 1.1) or application/soap+xml (SOAP 1.2), got …"),
            "a body under another media type",
            .specification("SOAP 1.1 §6.1.1: the Content-Type of a SOAP request is text/xml"),
            .specification("SOAP 1.2 Part 2 §7.1.4: the media type application/soap+xml")),
        ic(
            "SOAPEnvelope.swift", 500, fault("the request is not acceptable XML: …"), "a body that is not well-formed XML",
            .specification("XML 1.0 §2.1: well-formed XML documents"), clientFault),
        ic(
            "SOAPEnvelope.swift", 500, fault("the request has no root element"), "a body without an element",
            .specification("SOAP 1.1 §4.1.1: the Envelope is the top element of the XML document representing the message")),
        ic(
            "SOAPEnvelope.swift", 500, fault("the root element must be a SOAP Envelope, got …"),
            "a root element other than Envelope",
            .specification("SOAP 1.1 §4.1.1: the Envelope is the top element of the XML document representing the message")),
        ic(
            "SOAPEnvelope.swift", 500, MockRefusal.versionMismatchPrefix + "… was sent as SOAP … (…)",
            "an envelope of the other SOAP version than its Content-Type names",
            .specification(
                "SOAP 1.1 §4.4.1: VersionMismatch, the processing party found an invalid namespace for the SOAP Envelope element"),
            .specification("SOAP 1.2 Part 1 §5.4.7: VersionMismatch faults")),
        ic(
            "SOAPEnvelope.swift", 500, fault("the Body must hold exactly one element, the operation; it holds …"),
            "a Body with no element or several",
            .specification("WS-I Basic Profile 1.1 R2201: a document-literal soap:Body has exactly one part accessor element")),
        ic(
            "SOAPEnvelope.swift", 500, fault("the action … does not name the body's operation …"),
            "a SOAPAction (or SOAP 1.2 action) naming another operation than the Body's",
            .specification(
                "WS-I Basic Profile 1.1 R2744: a request MUST carry a SOAPAction equal to the soapAction of the operation's binding"
            )),
    ]

    /// What every REST service of the mock IC checks before its own work.
    static let restRefusals = [
        ic("ICMock+RESTRoutes.swift", 404, "NotFound", "a path of no REST service or page", notFound),
        ic(
            "ICMock+RESTRoutes.swift", 405, "MethodNotAllowed", "a path with a method it does not have",
            .http("15.5.6", "405 Method Not Allowed")),
        ic(
            "RESTAnswer.swift", 415, "UnsupportedMediaType", "a body not sent as application/json",
            .http("15.5.16", "415 Unsupported Media Type: the content is in a format not supported by this method")),
        ic(
            "RESTAnswer.swift", 400, "MalformedRequest", "a body that is not a JSON object", badRequest,
            .specification("RFC 8259 §2: a JSON text is a serialized value")),
        ic(
            "RESTAnswer.swift", 401, "Unauthorized", "no Authorization: Basic with the biller's API key",
            .http("15.5.2", "401 Unauthorized: the request lacks valid authentication credentials")),
        ic(
            "RESTAnswer.swift", 403, "SSOConnectNotActivated",
            "an SSO call for a biller without Cloud SSO Connect (portal.sso_connect; on by default for ai-mymeter, off for the IMT profiles)",
            .requirement("SSO-IMT-002"), .requirement("SSO-IMT-003")),
    ]

    /// The SSO workflow: Retrieve Users, Create Customer Record, Register Accounts, Remote Authentication, SSOConnect.
    static let ssoRefusals = [
        ic(
            "ICMock+SSO.swift", 403, "SSOConnectNotActivated", "SSOConnect for a biller without Cloud SSO Connect (as above)",
            .requirement("SSO-IMT-002"), .requirement("SSO-IMT-003")),
        ic(
            "ICMock+SSO.swift", 400, "MissingParameter",
            "a call without what it acts on: the account, the email, the LoginTypeID; SSOConnect without its token, ViewMode or RedirectID",
            .requirement("SSO-COM-003"), .requirement("SSO-COM-006"), .requirement("SSO-AI-002"), .requirement("SSO-AI-003"),
            .requirement("SSO-IMT-008"), .requirement("SSO-IMT-009"), .requirement("SSO-AI-004"), .requirement("SSO-IMT-007")),
        ic(
            "ICMock+SSO.swift", 409, "CustomerExists", "Create Customer Record for an account IC has",
            .requirement("SSO-COM-003"), .requirement("SSO-COM-004")),
        ic(
            "ICMock+SSO.swift", 404, "CustomerNotFound",
            "Register Accounts or Remote Authentication for an account IC does not have",
            .requirement("SSO-COM-003")),
        ic(
            "ICMock+SSO.swift", 403, "NotRegistered", "Remote Authentication for an email not registered on the account",
            .requirement("SSO-COM-004")),
        ic(
            "ICMock+SSO.swift", 400, "MalformedRequest",
            "AccountNumbers that are not texts; a CSSUrl or ReturnUrl that is not an absolute URL",
            badRequest, .specification("RFC 3986 §4.3: absolute-URI")),
        ic(
            "ICMock+SSO.swift", 400, "WrongLoginType",
            "a LoginTypeID IC does not take: neither 1 (IMT) nor 5 (AI); the profile's own value is a rule for the partner, judged by serve ic --certify",
            .requirement("SSO-AI-004"), .requirement("SSO-IMT-007")),
        ic(
            "ICMock+SSO.swift", 400, "WrongViewMode",
            "a ViewMode IC does not take: neither 0 (Redirect) nor 1 (iFrame); the profile's own is judged as WrongLoginType's",
            .requirement("SSO-AI-002"), .requirement("SSO-IMT-008")),
        ic(
            "ICMock+SSO.swift", 400, "WrongRedirectID",
            "a RedirectID no seed names, or one naming no page in the ViewMode; the profile's list is judged as WrongLoginType's",
            .requirement("SSO-AI-003"), .requirement("SSO-IMT-009")),
        ic(
            "ICMock+SSO.swift", 401, "InvalidToken, TokenExpired", written: "problem.code",
            "a RemoteAuthenticationToken not issued by Remote Authentication, or expired (it serves its session until then)",
            .requirement("SSO-COM-006"), .requirement("SSO-AI-006")),
        ic(
            "ICMock+SSO.swift", 401, "InvalidToken", "a RemoteAuthenticationToken Remote Authentication did not issue",
            .requirement("SSO-COM-006")),
        ic(
            "ICMock+SSO.swift", 409, "CoOwnerNotSupported, MultiUserOff", written: "refusal.code",
            "a second user on an account: MIPS/APPS supports no co-owner (seed 001); a Spectrum biller may turn multiuser off (biller option multiuser)",
            .requirement("PROF-MIPS-009"), .requirement("SSO-IMT-016")),
        MockRefusal(
            "ic", "ICMock+SSO.swift", 200, "site-name-without-return-url",
            rule:
                "CustomReturnSiteName without ReturnUrl: seed 003 says what it does with a ReturnUrl, not that it needs one; the page opens with a warning",
            sources: []),
    ]

    /// Cloud Payments V2: the request, its pages, and the stand-in pay form.
    static let paymentRefusals = [
        ic(
            "ICMock+CloudPayments.swift", 400, "InvalidParameter", written: "error.list.map",
            "a CPV2 request without a required member (ViewMode, Customers, each customer's AccountNumber) or with one of the wrong type",
            .requirement("IC-CPV2-003"), .requirement("IC-CPV2-006"), .requirement("IC-CPV2-007")),
        ic(
            "ICMock+CloudPayments.swift", 400, "WrongViewMode", "a ViewMode other than the portal profile's",
            .requirement("IC-CPV2-003"), .requirement("SSO-AI-002")),
        ic(
            "ICMock+CloudPayments.swift", 401, "InvalidToken, TokenExpired", written: "problem.code",
            "a RemoteAuthenticationToken not issued, or expired",
            .requirement("SSO-COM-006"), .requirement("SSO-AI-006")),
        ic(
            "ICMock+CloudPayments.swift", 404, "CustomerNotFound",
            "a customer IC does not have, unless the request creates it (CreateCustomerRecord, no token)",
            .requirement("IC-CPV2-001"), .requirement("SSO-AI-014")),
        ic("ICMock+CloudPayments.swift", 404, "PageNotFound", "a payment page id the mock did not open", notFound),
        ic(
            "ICMock+CloudPayments.swift", 403, "RegisteredPayersOnly",
            "a CPV2 request without a RemoteAuthenticationToken (an unregistered payer) unless the biller option cpv2_unregistered_payers is on",
            .requirement("IC-CPV2-001"), .requirement("IC-CPV2-012")),
        ic(
            "ICMock+CloudPayments.swift", 400, "MissingParameter", "the Virtual Site's link without BillerGUID or AccountNumber",
            .requirement("IC-CPV2-012"), badRequest),
        ic("ICMock+CloudPayments.swift", 404, "BillerNotFound", "the Virtual Site of a biller IC does not have", notFound),
        ic(
            "ICMock+CloudPayments.swift", 400, "InvalidPaymentMethod",
            "the stand-in page's pay form with a PaymentMethod other than CC or ACH (the payer's entry)", badRequest),
        ic(
            "ICMock+CloudPayments.swift", 400, "InvalidRoutingNumber",
            "the stand-in page's ACH form with a routing number that is not 9 digits with the ABA check digit (the payer's entry)",
            badRequest),
        ic(
            "ICMock+CloudPayments.swift", 400, "InvalidBankAccount",
            "the stand-in page's ACH form without a bank account number it can read (the payer's entry)", badRequest),
        ic(
            "PaymentTerms.swift", 403, "PaymentMethodNotAllowed",
            "a card or ACH payment on a page whose AllowCCPayment or AllowACHPayment is false", .requirement("IC-CPV2-008")),
        ic(
            "PaymentTerms.swift", 400, "PartialPaymentNotAllowed",
            "less than the balance due on a page whose AllowPartialPayments is false", .requirement("IC-CPV2-007")),
        ic(
            "PaymentTerms.swift", 400, "BelowMinimumAmountDue", "less than the invoices' MinimumAmountDue",
            .requirement("IC-CPV2-007")),
        ic(
            "ICMock+CloudPayments.swift", 400, "InvalidCard",
            "the stand-in page's pay form without a card number it can read (the payer's entry, not the partner's request)",
            badRequest),
        ic(
            "ICMock+CloudPayments.swift", 400, "InvalidAmount",
            "the stand-in page's pay form with an amount that is no positive decimal (the payer's entry)", badRequest),
        ic(
            "ICMock+CloudPayments.swift", 409, "AlreadyPaid", "a page paid a second time",
            .http("15.5.10", "409 Conflict: a conflict with the current state of the target resource")),
    ]

    /// The SAML sign-in: the redirect link and the assertion consumer.
    static let samlRefusals = [
        ic("ICMock+SAML.swift", 404, "BillerNotFound", "a link or assertion for a biller IC does not have", notFound),
        ic(
            "ICMock+SAML.swift", 404, "SAMLNotSetUp", "a biller without a SAML configuration", notFound,
            .requirement("SSO-SAML-003")),
        ic(
            "ICMock+SAML.swift", 415, "MalformedRequest", "an assertion not posted as a form",
            samlPostForm, .http("15.5.16", "415 Unsupported Media Type")),
        ic("ICMock+SAML.swift", 400, "MalformedRequest", "a form without a base64 SAMLResponse", samlPostForm, badRequest),
        ic(
            "ICMock+SAML.swift", 403, "InvalidSignature",
            "an assertion whose signature does not hold for the partner's certificate",
            .specification(
                "SAML 2.0 Profiles §4.1.3.5: if the HTTP POST binding is used to deliver the <Response>, each assertion MUST be protected by a digital signature"
            )),
        ic(
            "ICMock+SAML.swift", 403, "NotSuccess", "a Response whose status is not Success",
            .specification("SAML 2.0 Core §3.2.2.2: urn:oasis:names:tc:SAML:2.0:status:Success, the request succeeded")),
        ic(
            "ICMock+SAML.swift", 403, "WrongIssuer", "an assertion issued by another identity provider",
            .specification(
                "SAML 2.0 Profiles §4.1.4.2: the <Issuer> element MUST be present and MUST contain the unique identifier of the issuing identity provider"
            ), .requirement("SSO-SAML-003")),
        ic(
            "ICMock+SAML.swift", 403, "WrongAudience", "an assertion for another service provider",
            .specification(
                "SAML 2.0 Profiles §4.1.4.2: an <AudienceRestriction> element including the service provider's unique identifier as an <Audience>"
            )),
        ic(
            "ICMock+SAML.swift", 403, "OutsideValidity", "an assertion before NotBefore or at or after NotOnOrAfter",
            .specification(
                "SAML 2.0 Core §2.5.1.2: NotBefore is the earliest time instant at which the assertion is valid; NotOnOrAfter the instant at which it has expired"
            )),
        ic(
            "ICMock+SAML.swift", 403, "MissingClaim", "an assertion without Email, LoginType, or an account to sign in to",
            .requirement("SSO-SAML-003")),
        ic(
            "ICMock+SAML.swift", 403, "UnknownLoginType", "a LoginType claim the claim mapping does not name",
            .requirement("SSO-SAML-003")),
        ic(
            "ICMock+SAML.swift", 403, "WrongLoginType", "a LoginType mapped to another LoginTypeID than the profile's",
            .requirement("SSO-SAML-003"), .requirement("SSO-AI-004"), .requirement("SSO-IMT-007")),
        ic("ICMock+SAML.swift", 404, "UnknownAccount", "an account IC has no customer record for", notFound),
        ic(
            "ICMock+SAML.swift", 403, "AssertionReplayed", "an assertion that signed a customer in before",
            .specification(
                "SAML 2.0 Profiles §4.1.4.5: the service provider MUST ensure that bearer assertions are not replayed"
            )),
    ]

    static let samlPostForm = VerdictSource.specification(
        "SAML 2.0 Bindings §3.5.4: the message is base64-encoded and placed in a hidden form control named SAMLResponse, sent as an HTML form"
    )
}
