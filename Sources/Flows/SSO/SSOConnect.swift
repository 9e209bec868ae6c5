import Transport

/// The payer's browser opening a Cloud SSO Connect URL: the portal page IC shows, or its refusal.
public struct SSOConnect: Sendable {
    public var rest: ICRESTClient

    public init(rest: ICRESTClient) { self.rest = rest }

    /// Opens `url` and records the page (status `signed-in`) or why IC refused it (status `failed`).
    public func open(_ url: String, into result: inout SSOLoginResult) async {
        result.calls.append("CloudSSO Connect")
        switch await rest.open(url) {
        case .failure(let error):
            (result.status, result.failure) = (
                "failed", .init(service: "CloudSSO Connect", status: nil, code: nil, message: error.description)
            )
        case .success(let answer):
            let page = SSOPortalPage(html: answer.text)
            if answer.status == 200 {
                (result.status, result.page) = ("signed-in", page)
            } else {
                result.status = "failed"
                result.failure = .init(
                    service: "CloudSSO Connect", status: answer.status, code: page.name, message: page.message ?? answer.text)
            }
        }
    }
}
