import Glibc
import Subprocess
import Synchronization
import SystemPackage

/// A child process started through swift-subprocess: sshd for the SFTP stand-in, a program or service under test.
///
/// swift-subprocess spawns the child (every signal reset, no descriptor but the standard three
/// inherited) and learns of its end from its one shared monitor (a pidfd in epoll), without a
/// thread per child and without polling. This type adds what a child here needs beyond that: it
/// outlives the call that started it (sshd runs while a test uploads), its output goes to pipes
/// this process reads as it likes (`capture(limit:linger:)`, `readOutput(_:)`), its process group is
/// killed when it ends or times out, and every child still running can be killed at once when
/// `bifrost run` is stopped (`killEveryChild()`).
public final class ChildProcess: Sendable {
    private struct Exit {
        var status: Int32?
        var waiters: [CheckedContinuation<Int32, Never>] = []
    }

    /// How to start a child.
    public struct Launch: Sendable {
        /// The program's path, run as it is, searching no `PATH`.
        public var executable: String
        public var arguments: [String]
        /// The child's whole environment; nil for this process's own.
        public var environment: [String: String]?
        /// The folder the child starts in; nil for this process's.
        public var workingDirectory: String?
        /// Standard error into a pipe of its own (``readErrors(_:)``) rather than with standard output.
        public var separateErrors = false
        /// The child leads a process group of its own: signals go to the whole group, and whatever
        /// is left of the group when the child ends is killed, so no process it started outlives it.
        public var ownGroup = false

        public init(_ executable: String, _ arguments: [String]) {
            self.executable = executable
            self.arguments = arguments
        }
    }

    /// Why a child could not be started.
    public struct SpawnError: Error, CustomStringConvertible {
        public let message: String
        /// The `errno` value: `ETXTBSY` when another process still holds the executable open for writing.
        public let code: Int32
        public var description: String { message }
    }

    public let pid: Int32
    private let ownGroup: Bool
    /// The child's standard output (and error, unless `separateErrors`).
    let output: PipeReader
    /// The child's standard error under `separateErrors`.
    let errors: PipeReader?
    private let exit = Mutex(Exit())
    /// Every child not reaped yet, and whether it leads a group of its own.
    private static let running = Mutex<[pid_t: Bool]>([:])
    /// Set by `killEveryChild()`: the process is about to exit, and no waiter resumes any more, so
    /// nothing a caller would do after its child's end (writing results) races the exit.
    private static let stopping = Atomic<Bool>(false)

    private init(pid: pid_t, ownGroup: Bool, output: PipeReader, errors: PipeReader?) {
        (self.pid, self.ownGroup, self.output, self.errors) = (pid, ownGroup, output, errors)
    }

    /// Starts the child `launch` describes, standard input from /dev/null, and returns once it runs.
    public static func start(_ launch: Launch) async throws(SpawnError) -> ChildProcess {
        let (outputEnds, errorEnds) = try pipes(for: launch)
        let readers: (output: PipeReader, errors: PipeReader?)
        do {
            readers = (
                try await PipeReader.open(outputEnds.read), errorEnds.read >= 0 ? try await PipeReader.open(errorEnds.read) : nil
            )
        } catch {
            for end in [outputEnds.write, errorEnds.write] where end >= 0 { close(end) }
            throw SpawnError(message: "cannot read the output of \(launch.executable): \(error)", code: EIO)
        }
        var options = PlatformOptions()
        if launch.ownGroup { options.processGroupID = 0 }
        // Only if the task awaiting the child is cancelled: SIGTERM, then SIGKILL a second later.
        options.teardownSequence = [.gracefulShutDown(toProcessGroup: launch.ownGroup, allowedDurationToNextStep: .seconds(1))]
        let configuration = Configuration(
            executable: .path(FilePath(launch.executable)),
            arguments: Arguments(launch.arguments),
            environment: launch.environment.map { variables in
                // A name no environment can hold (empty, or with "=") is left out.
                .custom(
                    Dictionary(
                        variables.compactMap { name, value in Environment.Key(rawValue: name).map { ($0, value) } },
                        uniquingKeysWith: { _, last in last }))
            } ?? .inherit,
            workingDirectory: launch.workingDirectory.map { FilePath($0) },
            platformOptions: options)
        let output = FileDescriptor(rawValue: outputEnds.write)
        let errors = FileDescriptor(rawValue: errorEnds.write)
        let (spawned, spawnedContinuation) = AsyncStream.makeStream(of: Result<ChildProcess, SpawnError>.self)
        // The task awaits the child for as long as it runs, which outlives this call; it ends with the child.
        Task {
            let child = Mutex<ChildProcess?>(nil)
            var status: Int32 = -1
            do {
                let result =
                    if launch.separateErrors {
                        try await Subprocess.run(
                            configuration, input: .none, output: .fileDescriptor(output, closeAfterSpawningProcess: true),
                            error: .fileDescriptor(errors, closeAfterSpawningProcess: true)
                        ) { execution in
                            let spawned = started(execution.processIdentifier.value, launch, readers.output, readers.errors)
                            child.withLock { $0 = spawned }
                            spawnedContinuation.yield(.success(spawned))
                        }.terminationStatus
                    } else {
                        try await Subprocess.run(
                            configuration, input: .none, output: .fileDescriptor(output, closeAfterSpawningProcess: true),
                            error: .combinedWithOutput
                        ) { execution in
                            let spawned = started(execution.processIdentifier.value, launch, readers.output, nil)
                            child.withLock { $0 = spawned }
                            spawnedContinuation.yield(.success(spawned))
                        }.terminationStatus
                    }
                status = exitStatus(result)
            } catch {
                if child.withLock({ $0 == nil }) {
                    readers.output.close()
                    readers.errors?.close()
                    spawnedContinuation.yield(.failure(spawnError(error, launch.executable)))
                }
            }
            spawnedContinuation.finish()
            child.withLock { $0 }?.ended(status)
        }
        for await outcome in spawned { return try outcome.get() }
        throw SpawnError(message: "cannot run \(launch.executable)", code: EIO)
    }

    /// The pipes for the child's output (and errors), their read ends closed on exec.
    private static func pipes(
        for launch: Launch
    ) throws(SpawnError) -> (output: (read: Int32, write: Int32), errors: (read: Int32, write: Int32)) {
        var outputEnds: [Int32] = [0, 0]
        var errorEnds: [Int32] = [-1, -1]
        guard pipe(&outputEnds) == 0, !launch.separateErrors || pipe(&errorEnds) == 0 else {
            let reason = String(cString: strerror(errno))
            for end in outputEnds + errorEnds where end > 0 { close(end) }
            throw SpawnError(message: "cannot make a pipe for \(launch.executable): \(reason)", code: errno)
        }
        // Children spawned meanwhile must not inherit the pipes, or their ends would come late.
        for end in outputEnds + errorEnds where end >= 0 { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        for end in [outputEnds[0], errorEnds[0]] where end >= 0 { _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK) }
        return ((outputEnds[0], outputEnds[1]), (errorEnds[0], errorEnds[1]))
    }

    /// The child just spawned, recorded among those running.
    private static func started(_ pid: pid_t, _ launch: Launch, _ output: PipeReader, _ errors: PipeReader?) -> ChildProcess {
        running.withLock { $0[pid] = launch.ownGroup }
        return ChildProcess(pid: pid, ownGroup: launch.ownGroup, output: output, errors: errors)
    }

    /// Records the end of the child: kills what is left of its group and resumes every `wait()`.
    private func ended(_ status: Int32) {
        // A group outlives its leader while a member runs, and its id is not reused meanwhile.
        if ownGroup { _ = kill(-pid, SIGKILL) }
        _ = Self.running.withLock { $0.removeValue(forKey: pid) }
        if Self.stopping.load(ordering: .acquiring) { return }
        let waiters = exit.withLock { exit in
            exit.status = status
            defer { exit.waiters = [] }
            return exit.waiters
        }
        for waiter in waiters { waiter.resume(returning: status) }
    }

    /// The exit status once the child ended (128 + the signal when a signal ended it), nil while it runs.
    public var exitStatus: Int32? { exit.withLock { $0.status } }

    /// Waits for the child to end, without blocking a thread, and returns its exit status.
    @discardableResult
    public func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            let status = exit.withLock { exit in
                if exit.status == nil { exit.waiters.append(continuation) }
                return exit.status
            }
            if let status { continuation.resume(returning: status) }
        }
    }

    /// Sends `signal` to the child (to its whole group under `ownGroup`), unless it has ended.
    public func send(signal: Int32) {
        if Self.running.withLock({ $0[pid] != nil }) { _ = kill(ownGroup ? -pid : pid, signal) }
    }

    /// Sends SIGTERM, then SIGKILL if the child still runs after `grace`, and returns its exit status.
    @discardableResult
    public func terminate(grace: Duration = .seconds(2)) async -> Int32 {
        send(signal: SIGTERM)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.wait() }
            group.addTask {
                // Nothing to do if the child ended, the sleep being cancelled then.
                guard (try? await Task.sleep(for: grace)) != nil else { return }
                self.send(signal: SIGKILL)
            }
            await group.next()
            group.cancelAll()
        }
        return await wait()
    }

    /// Sends SIGKILL to every child not reaped yet, to the whole group of those that lead one,
    /// and returns how many there were: what a command does before it exits on a signal. From then
    /// on no `wait()` returns, so nothing written after a child's end races that exit.
    public static func killEveryChild() -> Int {
        stopping.store(true, ordering: .releasing)
        return running.withLock { running in
            for (pid, ownGroup) in running { _ = kill(ownGroup ? -pid : pid, SIGKILL) }
            return running.count
        }
    }

    /// swift-subprocess's termination status as a shell gives it: the exit code, or 128 + the signal.
    private static func exitStatus(_ status: TerminationStatus) -> Int32 {
        switch status {
        case .exited(let code): code
        case .signaled(let signal): 128 + signal
        }
    }

    /// A spawn failure as this type's error, naming the executable and the system's reason.
    private static func spawnError(_ error: any Error, _ executable: String) -> SpawnError {
        guard let error = error as? SubprocessError else {
            return SpawnError(message: "cannot run \(executable): \(error)", code: EIO)
        }
        let code = error.underlyingError?.rawValue ?? EIO
        return SpawnError(message: "cannot run \(executable): \(String(cString: strerror(code)))", code: code)
    }
}
