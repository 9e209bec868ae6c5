import Support
import Transport
import Wire

/// The exchanges of an IC certification, for the checks to judge: the WSDL and each report operation's answer.
struct ICProbes: Sendable {
    var wsdl: CertificationExchange?
    var reports: [ICReport: CertificationExchange] = [:]
    var scrubber = SecretScrubber(secrets: [])

    /// The redacted evidence of exchanges, with every secret of the run scrubbed.
    func evidence(_ exchanges: [CertificationExchange]) -> [CheckEvidence] {
        exchanges.map { CheckEvidence($0, scrubber: scrubber) }
    }

    /// The endpoint's WSDL contract, or why there is none.
    var contract: Result<WSDLContract, CheckProblem> {
        guard let wsdl else { return .failure(CheckProblem("the WSDL was not asked for")) }
        guard let response = wsdl.response else { return .failure(CheckProblem(wsdl.summary)) }
        guard response.status == 200 else { return .failure(CheckProblem("\(wsdl.summary), not 200")) }
        return Result { () throws(CheckProblem) in try WSDLContract(parsing: response.body) }
    }

    /// The mock's own contract, the reference.
    static let mockContract: WSDLContract = {
        // The mock's WSDL is built by the same code that serves it; reading it cannot fail.
        (try? WSDLContract(parsing: Array(CloudInvoicingWSDL.document(location: "http://mock/").utf8)))
            ?? WSDLContract(targetNamespace: "", operations: [], soapActions: [:], shapes: [:])
    }()
}
