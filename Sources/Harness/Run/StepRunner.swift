import Flows
import Foundation
import Partners
import Synchronization
import Wire

/// Runs one step: refuses a flow the profile does not have, provides what the step needs
/// for as long as it runs, and writes its result as JSON.
public enum StepRunner {
    /// The temporary folders of the steps running now.
    private static let folders = Mutex(Set<String>())

    /// Removes the temporary folder of every step running now: what `bifrost run` does before it exits on a signal.
    public static func removeTemporaryFolders() {
        for folder in folders.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: folder) }
    }

    static func run(_ step: any StepKind, in context: inout ScenarioContext) async -> JSONValue {
        let optedIn = context.scenario.ic?.portal.ssoActive == true
        if let flow = step.flow,
            let refusal = IntegrationProfile.named(context.scenario.profile.rawValue)?.refusal(for: flow, billerOptedIn: optedIn)
        {
            return encoded(StepRefusal(step: flow.rawValue, message: refusal))
        }
        if step.needs.contains(.ic), context.ic == nil || context.scenario.ic?.billers.isEmpty != false {
            return encoded(StepFailure(step.key, ScenarioContext.noBiller))
        }
        if step.needs.contains(.folder) {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bifrost-step-\(UUID().uuidString)").path
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            } catch {
                return encoded(StepFailure(step.key, "cannot make a temporary folder: \(error.localizedDescription)"))
            }
            context.folder = folder
            folders.withLock { _ = $0.insert(folder) }
            defer {
                try? FileManager.default.removeItem(atPath: folder)
                folders.withLock { _ = $0.remove(folder) }
                context.folder = nil
            }
            return encoded(await step.run(in: &context))
        }
        if step.needs.contains(.sshd) {
            let server: OpenSSHServer
            do {
                server = try await OpenSSHServer.start()
            } catch {
                return encoded(StepFailure(step.key, "the SFTP server did not start: \(error)"))
            }
            context.sshd = server
            let result = encoded(await step.run(in: &context))
            await server.stop()
            context.sshd = nil
            return result
        }
        return encoded(await step.run(in: &context))
    }

    /// A result as JSON; one that cannot be encoded says so in the result rather than stopping the run.
    static func encoded(_ output: some Encodable) -> JSONValue {
        do {
            return try JSONValueEncoder.encode(output)
        } catch {
            return .object(["status": "failed", "message": .string("the step's result cannot be written: \(error)")])
        }
    }
}
