import Flows
import Testing
import Wire

/// The SSO links and the Cloud Payments V2 checks the reference flows make before any call.
@Suite struct SSOLinkTests {
    @Test func `the SAML link rebuilds seed 003's sample and lists every problem of a bad one`() {
        let sample = SAMLRedirectLink(
            billerGUID: "C09D08FB-A969-4778-B58B-B46A8E9224E7", account: "101Invoice", viewMode: 0, deepLinkID: 13)
        #expect(
            sample.url
                == "https://sso.invoicecloud.com/saml/c09d08fb-a969-4778-b58b-b46a8e9224e7?account=101Invoice&ViewMode=0&DeepLinkID=13"
        )
        let bad = SAMLRedirectLink(billerGUID: "c09d08fb", account: "", viewMode: 3, deepLinkID: -1)
        #expect(bad.url == nil)
        #expect(bad.problems.count == 4)
    }

    @Test func `an SSOConnect link outside the profile is refused naming its list, and a good one is encoded`() {
        let outside = SSOConnectLink.Parameters(redirectID: 10)
        #expect(outside.refusal(for: .aiMyMeter)?.hasSuffix("9 (Customer Portal Scheduled Payments Listing)") == true)
        #expect(outside.refusal(for: .imtSpectrum) == nil)
        #expect(
            SSOConnectLink.Parameters(redirectID: 1, viewMode: 1).refusal(for: .imtSpectrum)
                == "ViewMode 1 is not one profile imt-spectrum uses; it uses 0 (Redirect)")
        let link = SSOConnectLink(
            origin: "http://ic", token: "t-1", parameters: .init(redirectID: 2, returnURL: "https://a.example/x y"),
            profile: .aiMyMeter)
        #expect(
            link.url
                == "http://ic/cloudsso/connect?RemoteAuthenticationToken=t-1&ViewMode=1&RedirectID=2&ReturnUrl=https%3A%2F%2Fa.example%2Fx%20y"
        )
    }

    @Test func `the Cloud Payments V2 builder refuses a request without its required fields`() {
        var request = CloudPaymentsRequest(
            viewMode: 0, customers: [.init(accountNumber: "", invoices: [.init(invoiceNumber: "")])])
        request.postBackURL = "mymeter/postback"
        #expect(
            CloudPaymentsBuilder.problems(request, profile: .aiMyMeter) == [
                "ViewMode: ViewMode 0 is not one profile ai-mymeter uses; it uses 1 (iFrame)",
                "Customers[0].AccountNumber is required",
                "Customers[0].Invoices[0].InvoiceNumber is required",
                "PostBackURL must be an absolute http or https URL, not 'mymeter/postback'",
            ])
        #expect(CloudPaymentsBuilder.problems(CloudPaymentsRequest(viewMode: 1, customers: []), profile: .aiMyMeter).count == 1)
    }
}
