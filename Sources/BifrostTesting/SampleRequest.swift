public import Partners
public import Wire

/// Requests the tests hand to a mock's `handle(_:)` in process, as IC's client sends them.
public enum SampleRequest {
    /// `Content-Type` and `Accept` of JSON:API.
    public static let jsonAPIHeaders = [
        (name: "Content-Type", value: JSONAPIMediaType.value), (name: "Accept", value: JSONAPIMediaType.value),
    ]

    /// `POST /auth/<billerID>/api/sessions/` opening an IMT session.
    public static func imtLogin(
        username: String = SampleState.username, password: String = SampleState.password, billerID: String = "3401"
    ) -> MockRequest {
        MockRequest(
            method: "POST", target: "/auth/\(billerID)/api/sessions/", headers: jsonAPIHeaders,
            body: Array(SessionRequest(username: username, password: password).document.compactText.utf8))
    }

    /// A SOAP `envelope` posted to IC's CloudInvoicing service with `version`'s content type.
    public static func cloudInvoicing(_ envelope: [UInt8], version: SOAPVersion = .v11) -> MockRequest {
        MockRequest(
            method: "POST", target: ICMock.cloudInvoicingPath, headers: [("Content-Type", version.contentType)],
            body: envelope)
    }
}
