import Flows
import Transport
import Wire

/// Runs a scenario's IC→IMT steps with the reference flows and writes each result as JSON.
struct IMTStepRunner {
    let caller: IMTCaller

    func run(_ step: Scenario.Step) async -> JSONValue {
        switch step {
        case .rtdr(let account, let invoiceType):
            return await RTDR(caller).run(account: account, invoiceTypeID: invoiceType).json
        case .dataPumpPayment(let payment):
            let result = await DataPump(caller).post(payment)
            return result.json(step: "datapump-payment") { accepted in
                [.init("httpStatus", .number(String(accepted.status))), .init("transactionID", .string(accepted.reference))]
            }
        case .dataPumpEnrollment(let account, let change):
            let result = await DataPump(caller).enroll(account: account, change)
            return result.json(step: step.flow!.rawValue) { accepted in
                [.init("httpStatus", .number(String(accepted.status))), .init("change", .string(accepted.reference))]
            }
        case .pdfLinking(let account, let invoiceType):
            let result = await PDFLinking(caller).fetch(account: account, invoiceTypeID: invoiceType)
            return result.json(step: "pdf-linking") { bill in
                [.init("bytes", .number(String(bill.bytes.count))), .init("version", .string(bill.version))]
            }
        case .validateSettings:
            let problems = caller.settings.problems()
            return .object([
                "step": "validate-settings", "status": problems.isEmpty ? "valid" : "invalid",
                "problems": .array(problems.map { .string($0.description) }),
            ])
        case .imtRequest(let raw):
            return await send(raw)
        case .bifValidate, .bifMerge, .bifGenerate, .bifDiff, .invoiceUpload, .icReport, .spectrumPoll, .reconcile,
            .pdfExtraction:
            return .null  // BIFStepRunner's
        }
    }

    /// An answer to a scenario's own request: any status counts, the body is shown as received.
    struct RawAnswer: Sendable, Hashable {
        var status: Int
        var contentType: String?
        var body: [UInt8]
    }

    /// Sends a scenario's own request, in a session of the service's or without one.
    func send(_ raw: RawIMTRequest) async -> JSONValue {
        let label = JSONValue.Member("request", .string("\(raw.method) \(raw.path)"))
        func call(_ url: String, _ headers: [HTTPHeader]) async -> Result<RawAnswer, IMTFailure> {
            let request = ClientRequest(
                method: raw.method, url: url + raw.path,
                headers: headers.filter { $0.name.lowercased() != "content-type" }
                    + [HTTPHeader("Content-Type", raw.contentType ?? JSONAPIMediaType.value)],
                body: raw.body.map { Array($0.utf8) })
            do {
                let response = try await caller.client.send(request)
                return .success(
                    RawAnswer(
                        status: response.status, contentType: response.headers.first(named: "Content-Type"), body: response.body))
            } catch {
                return .failure(IMTFailure(stage: .request, kind: .transport, message: error.description))
            }
        }
        let result: IMTCallResult<RawAnswer>
        if raw.inSession {
            result = await caller.call(raw.service, account: "", invoiceTypeID: nil) { session in
                await call(session.connection.apiURL, session.headers())
            }
        } else {
            let outcome: Result<RawAnswer, IMTFailure>
            do {
                let connection = try IMTConnection(raw.service, settings: caller.settings, client: caller.client)
                outcome = await call(connection.apiURL, [HTTPHeader("Accept", JSONAPIMediaType.value)])
            } catch {
                outcome = .failure(IMTFailure(stage: .configuration, kind: .configuration, message: error.description))
            }
            result = IMTCallResult(service: raw.service, account: "", environment: 0, outcome: outcome, closing: nil)
        }
        var json = result.json(step: "imt-request") { answer in
            let text = String(decoding: answer.body, as: UTF8.self)
            return [
                .init("httpStatus", .number(String(answer.status))),
                .init("contentType", answer.contentType.map(JSONValue.string) ?? .null),
                .init("body", (try? JSONParser.parse(answer.body)) ?? (answer.body.isEmpty ? .null : .string(text))),
            ]
        }
        if case .object(var members) = json {
            members.removeAll { $0.key == "account" || $0.key == "environment" }
            members.insert(label, at: 1)
            json = .object(members)
        }
        // Any status is an answer here: the scenario checks what it was.
        return (try? result.outcome.get()) == nil ? json : json.setting("status", to: "answered")
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
