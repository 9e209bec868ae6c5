import Transport
import Wire

/// The remote PDF linking checks: `GET bills/{policy_number}/`.
extension IMTCheck {
    static let billMediaType = IMTCheck(
        CheckDefinition(
            id: "IMT-PDF-001", title: "bills/{policy_number}/ answers 200 with Content-Type application/pdf", severity: .required,
            source: .requirement("IMT-PDF-001")),
        needs: [.flow(.pdfLinking)]
    ) { probes in
        guard let bill = probes.bill else { return probes.noSession }
        let evidence = probes.evidence(bill)
        guard bill.response != nil else { return .violated(bill.summary, evidence) }
        guard bill.status == 200 else { return .violated("\(bill.summary), not 200", evidence) }
        guard bill.mediaType == "application/pdf" else {
            return .violated("\(bill.summary) as \(bill.mediaType ?? "no Content-Type"), not application/pdf", evidence)
        }
        return .met("\(bill.summary) as application/pdf", evidence)
    }

    static let billIsPDF = IMTCheck(
        CheckDefinition(
            id: "IMT-PDF-002", title: "the bill's body is a PDF: not empty, starting with %PDF-", severity: .required,
            source: .requirement("IMT-PDF-002")),
        needs: [.flow(.pdfLinking)]
    ) { probes in
        guard let bill = probes.bill else { return probes.noSession }
        let evidence = probes.evidence(bill)
        guard let body = bill.response?.body else { return .violated(bill.summary, evidence) }
        guard !body.isEmpty else { return .violated("the body is empty", evidence) }
        guard body.starts(with: Array("%PDF-".utf8)) else {
            return .violated("the body (\(body.count) bytes) does not start with %PDF-", evidence)
        }
        return .met("\(body.count) bytes starting with %PDF-", evidence)
    }
}
