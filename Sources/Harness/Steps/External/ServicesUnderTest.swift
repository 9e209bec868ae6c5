import Transport

/// The services under test of one scenario, started in order before its steps and stopped after them.
struct ServicesUnderTest {
    private var running: [RunningService] = []
    /// The reports of services that did not start or were not ready.
    private var refused: [RunningService.Report] = []
    /// Why the scenario fails whatever its golden files say.
    private(set) var failures: [String] = []

    /// Starts each service, with the variables of `context`, until one fails to become ready;
    /// the ready ones are added to `context.services`.
    static func start(_ services: [ServiceUnderTest], in context: inout ScenarioContext, client: HTTPClient) async -> Self {
        var group = ServicesUnderTest()
        for service in services {
            switch await RunningService.start(service, variables: ProgramVariables.of(context, outputFolder: nil), client: client)
            {
            case .success(let running):
                group.running.append(running)
                context.services.append(.init(name: running.name, port: running.port))
            case .failure(let failure):
                group.refused.append(failure.report)
                group.failures.append("service '\(service.name)' \(failure.report.status): \(failure.report.message ?? "")")
                return group
            }
        }
        return group
    }

    /// Stops every running service, last started first; returns every report in start order
    /// and the failures, a service that ended early among them.
    func stop() async -> (reports: [RunningService.Report], failures: [String]) {
        var reports: [RunningService.Report] = []
        var failures = self.failures
        for service in running.reversed() {
            let report = await service.stop()
            if report.status != "stopped" { failures.append("service '\(service.name)' \(report.message ?? report.status)") }
            reports.insert(report, at: 0)
        }
        return (reports + refused, failures)
    }
}
