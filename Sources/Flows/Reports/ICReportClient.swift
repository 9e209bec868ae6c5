public import Foundation
import Transport
public import Wire

/// IMT's client of IC's report operations: one call per report and window.
public struct ICReportClient: Sendable {
    public var caller: SOAPCaller
    public var billerGUID: String
    public var webServiceKey: String

    public init(caller: SOAPCaller, billerGUID: String, webServiceKey: String) {
        self.caller = caller
        self.billerGUID = billerGUID
        self.webServiceKey = webServiceKey
    }

    /// The answer of `report` for `window`; a fault, an HTTP error, `Success` false or a
    /// record that cannot be read is a failure.
    public func fetch(_ report: ICReport, window: DateInterval) async -> Result<ICReportAnswer, SOAPCallFailure> {
        let request = ICReportRequest(report: report, billerGUID: billerGUID, webServiceKey: webServiceKey, window: window)
        let answer: ICReportAnswer
        switch await caller.call(request.envelope(caller.version), action: report.action) {
        case .failure(let failure):
            return .failure(failure)
        case .success(let response):
            guard response.status == 200 else {
                return .failure(SOAPCallFailure(message: "HTTP \(response.status) answered \(report.rawValue)"))
            }
            do {
                answer = try ICReportAnswer(report: report, response: response.document, version: caller.version)
            } catch {
                return .failure(SOAPCallFailure(message: error.reason))
            }
        }
        guard answer.success else {
            return .failure(SOAPCallFailure(message: "\(report.rawValue) Success false: \(answer.errorMessage)"))
        }
        return .success(answer)
    }
}
