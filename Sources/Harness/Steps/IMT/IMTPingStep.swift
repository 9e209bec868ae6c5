import Flows
import Support
import Yams

/// `imt-ping: {service}`: opens a session with the service's URL and credentials, and closes it.
struct IMTPingStep: StepKind, Hashable {
    static let key = "imt-ping"
    static let schema = MappingSchema(
        "Opens a session with a service's URL and credentials, and closes it.",
        .optional("service", .choice(of: IMTService.self), "Whose settings to use (default rtdr)."))
    var service: IMTService

    init(from node: Node, loading: inout StepLoading) throws(InputError) {
        let fields = try loading.reader.mapping(node, what: "an imt-ping step", schema: Self.schema)
        service =
            try fields["service"].map { node throws(InputError) in
                try loading.reader.choice(node, what: "service", of: IMTService.self)
            } ?? .rtdr
    }

    var needs: StepNeeds { [.imt] }

    func run(in context: inout ScenarioContext) async -> Output {
        let result = await context.caller.call(service, account: "", invoiceTypeID: nil) { _ in
            Result<Bool, IMTFailure>.success(true)
        }
        var output = Output(service: service.rawValue, session: SessionOutput(result.closing))
        if case .failure(let failure) = result.outcome { (output.status, output.failure) = ("failed", failure) }
        return output
    }

    /// Whether the session opened and closed, or why it could not.
    struct Output: Encodable, Sendable {
        var step = IMTPingStep.key
        var service: String
        var status = "succeeded"
        var failure: IMTFailure?
        var session: SessionOutput
    }
}
