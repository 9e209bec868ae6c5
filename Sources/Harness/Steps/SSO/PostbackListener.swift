import Partners

/// The partner's endpoint that takes IC's payment postback (MyMeter's `PostBackURL`): answers 200
/// and journals each request as partner `postback`.
struct PostbackListener: Sendable {
    /// The path of seed 003's sample PostBackURL.
    static let path = "/api/378/transaction/process/InvoiceCloud"
    let journal: Journal

    var handler: MockServer.Handler {
        let journal = journal
        return MockServer.Handler(
            { request in
                let response = MockResponse(
                    status: 200, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array("OK".utf8))
                journal.record(request, response, partner: "postback")
                return response
            }, maximumBodySize: 64 * 1024)
    }
}
