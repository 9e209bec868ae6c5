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
        // Every need is provided, folder then sshd, and removed in reverse order, also when a later one fails.
        var folder: String?
        if step.needs.contains(.folder) {
            switch makeFolder(for: step.key) {
            case .success(let made): folder = made
            case .failure(let failure): return encoded(failure)
            }
            context.folder = folder
        }
        var server: OpenSSHServer?
        if step.needs.contains(.sshd) {
            do {
                server = try await OpenSSHServer.start()
            } catch {
                removeFolder(folder, from: &context)
                return encoded(StepFailure(step.key, "the SFTP server did not start: \(error)"))
            }
            context.sshd = server
        }
        let result = encoded(await step.run(in: &context))
        if let server {
            await server.stop()
            context.sshd = nil
        }
        removeFolder(folder, from: &context)
        return result
    }

    /// A fresh temporary folder, listed among the running steps' folders until `removeFolder(_:from:)`.
    private static func makeFolder(for step: String) -> Result<String, StepFailure> {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bifrost-step-\(UUID().uuidString)").path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        } catch {
            return .failure(StepFailure(step, "cannot make a temporary folder: \(error.localizedDescription)"))
        }
        folders.withLock { _ = $0.insert(folder) }
        return .success(folder)
    }

    /// Removes the step's temporary folder, if it has one, and takes it from the context.
    private static func removeFolder(_ folder: String?, from context: inout ScenarioContext) {
        guard let folder else { return }
        try? FileManager.default.removeItem(atPath: folder)
        folders.withLock { _ = $0.remove(folder) }
        context.folder = nil
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
