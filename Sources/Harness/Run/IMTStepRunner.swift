import Flows
import Transport
import Wire

/// Runs a scenario's IC→IMT steps with the reference flows and writes each result as JSON.
struct IMTStepRunner {
    let settings: AdvancedSettings
    let routing: EnvironmentRouting
    let client: HTTPClient

    func run(_ step: Scenario.Step) async -> JSONValue {
        switch step {
        case .rtdr(let account, let invoiceType):
            return await RTDR(settings: settings, routing: routing, client: client).run(
                account: account, invoiceTypeID: invoiceType
            ).json
        case .dataPumpPayment(let payment):
            let result = await DataPump(settings: settings, routing: routing, client: client).post(payment)
            return result.json(step: "datapump-payment") { accepted in
                [.init("httpStatus", .number(String(accepted.status))), .init("transactionID", .string(accepted.reference))]
            }
        case .dataPumpEnrollment(let account, let change):
            let result = await DataPump(settings: settings, routing: routing, client: client).enroll(account: account, change)
            return result.json(step: step.flow!.rawValue) { accepted in
                [.init("httpStatus", .number(String(accepted.status))), .init("change", .string(accepted.reference))]
            }
        case .pdfLinking(let account, let invoiceType):
            let result = await PDFLinking(settings: settings, routing: routing, client: client).fetch(
                account: account, invoiceTypeID: invoiceType)
            return result.json(step: "pdf-linking") { bill in
                [.init("bytes", .number(String(bill.bytes.count))), .init("version", .string(bill.version))]
            }
        case .validateSettings:
            let problems = settings.problems()
            return .object([
                "step": "validate-settings", "status": problems.isEmpty ? "valid" : "invalid",
                "problems": .array(problems.map { .string($0.description) }),
            ])
        default:
            return .object(["step": "unknown"])
        }
    }
}

extension IMTCallResult {
    /// The result as written to `result.json`: the step, account, environment (1 or 2, when chosen), status,
    /// the success's details or the failure, and the session.
    func json(step: String, details: (Value) -> [JSONValue.Member]) -> JSONValue {
        var members: [JSONValue.Member] = [.init("step", .string(step)), .init("account", .string(account))]
        if let environment { members.append(.init("environment", .number(String(environment + 1)))) }
        switch outcome {
        case .success(let value):
            members.append(.init("status", "succeeded"))
            members.append(contentsOf: details(value))
        case .failure(let failure):
            members.append(.init("status", "failed"))
            members.append(.init("failure", failure.json))
        }
        members.append(.init("session", closing.json))
        return .object(members)
    }
}
