import Support
import Transport
import Wire

/// The answer checks: each report operation answers the window with a document the mock's own reader accepts.
extension ICCheck {
    static let paymentReports = reports("IC-RPT-001", kind: .payments)
    static let settlementReports = reports("IC-RPT-003", kind: .settlement)
    static let achRejectReports = reports("IC-RPT-004", kind: .achRejects)
    static let autoPayReports = reports("IC-RPT-005", kind: .autoPayChanges)
    static let paperlessReports = reports("IC-RPT-006", kind: .paperlessChanges)

    /// The check that every operation of `kind` answers with a document `ICReportAnswer` reads, `Success` true.
    static func reports(_ id: String, kind: ICReport.Kind) -> ICCheck {
        let names = kind.operations.map(\.rawValue).joined(separator: " and ")
        return ICCheck(
            CheckDefinition.required(
                id, "\(names) answer the window with a document the mock's reader accepts", source: .requirement(id))
        ) { probes in
            let exchanges = kind.operations.compactMap { probes.reports[$0] }
            let evidence = probes.evidence(exchanges)
            var seen: [String] = []
            for operation in kind.operations {
                guard let exchange = probes.reports[operation] else { return .skipped("\(operation.rawValue) was not called") }
                switch read(operation, exchange) {
                case .failure(let problem): return .violated("\(operation.rawValue): \(problem)", evidence)
                case .success(let answer):
                    let rows = answer.tables.map { "\($0.rows.count) \($0.listName)" }.joined(separator: ", ")
                    seen.append("\(operation.rawValue): \(rows)")
                }
            }
            return .met(seen.joined(separator: "; "), evidence)
        }
    }

    /// The answer as IMT's client reads it, or why it cannot be read.
    static func read(_ operation: ICReport, _ exchange: CertificationExchange) -> Result<ICReportAnswer, CheckProblem> {
        guard let response = exchange.response else { return .failure(CheckProblem("no response (\(exchange.summary))")) }
        guard exchange.mediaType == "text/xml" else {
            return .failure(CheckProblem("HTTP \(response.status) as \(exchange.mediaType ?? "no Content-Type"), not text/xml"))
        }
        let document: XMLDocument
        do {
            document = try XMLDocument(parsing: response.body)
        } catch {
            return .failure(CheckProblem("HTTP \(response.status), the answer is not XML (\(error))"))
        }
        let answer: ICReportAnswer
        do {
            answer = try ICReportAnswer(report: operation, response: document, version: .v11)
        } catch {
            return .failure(CheckProblem("HTTP \(response.status), the mock's reader refuses the answer: \(error.reason)"))
        }
        guard response.status == 200 else { return .failure(CheckProblem("HTTP \(response.status), not 200")) }
        guard answer.success else { return .failure(CheckProblem("Success false: \(answer.errorMessage)")) }
        return .success(answer)
    }
}
