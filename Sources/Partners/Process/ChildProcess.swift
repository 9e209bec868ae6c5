import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child process started with `posix_spawn`: sshd for the SFTP stand-in, a program or service under test.
///
/// Not Foundation's `Process`: on Linux it learns that a child ended when the
/// child's end of a socket pair closes, then blocks in `waitpid` on its one
/// monitor thread. sshd closes every inherited descriptor at startup, so
/// `Process` would take it for ended and wait on it for as long as it runs,
/// leaving every other `Process` of the test run unreaped.
///
/// Each child has a thread of its own blocked in `waitid` until the child ends: no
/// polling, and no blocked thread of Swift's cooperative pool or of libdispatch. That
/// thread records the exit status and resumes every `wait()`. The child is reaped, and
/// signals are sent, under one lock, so a signal never reaches a process that got the
/// pid of a child already reaped.
public final class ChildProcess: Sendable {
    private struct Exit {
        var status: Int32?
        var waiters: [CheckedContinuation<Int32, Never>] = []
    }

    /// How to start a child.
    public struct Launch: Sendable {
        /// The program's path: `posix_spawn` runs it as it is, searching no `PATH`.
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

    public let pid: pid_t
    private let ownGroup: Bool
    /// The read end of the child's standard output (and error, unless `separateErrors`).
    private let output: Int32
    /// The read end of the child's standard error under `separateErrors`, else -1.
    private let errors: Int32
    private let exit = Mutex(Exit())
    /// Every child not reaped yet, and whether it leads a group of its own.
    private static let running = Mutex<[pid_t: Bool]>([:])

    /// Starts `executable` with `arguments`, standard input from /dev/null, standard output and error into one pipe.
    convenience init(_ executable: String, _ arguments: [String]) throws(OpenSSHServer.StartError) {
        do {
            try self.init(Launch(executable, arguments))
        } catch {
            throw .init(message: error.message)
        }
    }

    /// Starts the child `launch` describes, standard input from /dev/null.
    public init(_ launch: Launch) throws(SpawnError) {
        let executable = launch.executable
        var outputEnds: [Int32] = [0, 0]
        var errorEnds: [Int32] = [-1, -1]
        guard pipe(&outputEnds) == 0, !launch.separateErrors || pipe(&errorEnds) == 0 else {
            let reason = String(cString: strerror(errno))
            for end in outputEnds + errorEnds where end > 0 { close(end) }
            throw SpawnError(message: "cannot make a pipe for \(executable): \(reason)", code: errno)
        }
        // Other children spawned meanwhile must not inherit the pipes, or their ends would come late.
        for end in outputEnds + errorEnds where end >= 0 { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputEnds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, launch.separateErrors ? errorEnds[1] : outputEnds[1], 2)
        if let folder = launch.workingDirectory { _ = Self.addChangeDirectory(&actions, folder) }
        // The child keeps only its three standard descriptors. A descriptor another thread has open
        // without close-on-exec (a script being written, a file being read) would otherwise stay
        // open in the child for its whole life: a script so held cannot run ("text file busy").
        #if canImport(Glibc)
            _ = Self.addCloseFrom(&actions, 3)
        #endif

        // The calling thread may be a libdispatch worker, which blocks SIGTERM and other signals:
        // the child starts with none blocked and every signal's default action.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        #if canImport(Darwin)
            flags |= POSIX_SPAWN_CLOEXEC_DEFAULT
        #endif
        if launch.ownGroup {
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= POSIX_SPAWN_SETPGROUP
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([executable] + launch.arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        let environment = launch.environment.map { variables in
            variables.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        }
        defer { for variable in environment ?? [] { free(variable) } }
        var pid = pid_t()
        let result =
            environment.map { variables in
                variables.withUnsafeBufferPointer { pointer in
                    posix_spawn(&pid, executable, &actions, &attributes, argv, UnsafeMutablePointer(mutating: pointer.baseAddress))
                }
            } ?? posix_spawn(&pid, executable, &actions, &attributes, argv, Self.environment)
        close(outputEnds[1])
        if errorEnds[1] >= 0 { close(errorEnds[1]) }
        guard result == 0 else {
            close(outputEnds[0])
            if errorEnds[0] >= 0 { close(errorEnds[0]) }
            throw SpawnError(message: "cannot run \(executable): \(String(cString: strerror(result)))", code: result)
        }
        self.pid = pid
        ownGroup = launch.ownGroup
        Self.running.withLock { $0[pid] = launch.ownGroup }
        output = outputEnds[0]
        errors = errorEnds[0]
        let reaper = Thread { [self] in reap() }
        reaper.name = "bifrost.reaper"
        reaper.start()
    }

    /// Why a child could not be started.
    public struct SpawnError: Error, CustomStringConvertible {
        public let message: String
        /// The `errno` value: `ETXTBSY` when another process still holds the executable open for writing.
        public let code: Int32
        public var description: String { message }
    }

    deinit {
        close(output)
        if errors >= 0 { close(errors) }
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

    /// Reads the child's output until its end, or until `chunk` says to stop, passing on each piece as it comes.
    ///
    /// Blocks the calling thread until the child, and every process it started, closed the
    /// pipe: call it from a thread of its own (`BlockingPool`).
    /// - Parameter chunk: gets each piece read, in order; returns false to stop reading.
    public func readOutput(_ chunk: (ArraySlice<UInt8>) -> Bool) { Self.readAll(from: output, chunk) }

    /// Reads the child's standard error, as ``readOutput(_:)`` does its output; nothing unless `separateErrors`.
    public func readErrors(_ chunk: (ArraySlice<UInt8>) -> Bool) {
        if errors >= 0 { Self.readAll(from: errors, chunk) }
    }

    private static func readAll(from descriptor: Int32, _ chunk: (ArraySlice<UInt8>) -> Bool) {
        var buffer = [UInt8](repeating: 0, count: 16 << 10)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                guard chunk(buffer[..<count]) else { return }
            } else if count == 0 || errno != EINTR {
                return
            }
        }
    }

    /// What ``capture(limit:linger:)`` kept of one stream.
    public struct Captured: Sendable, Equatable {
        /// The first bytes, at most the limit.
        public var bytes: [UInt8] = []
        /// How many bytes came after the limit and were dropped.
        public var dropped = 0

        public init() {}
    }

    /// Reads standard output and error (under `separateErrors`) until both end, keeping the first
    /// `limit` bytes of each and draining the rest, so a child that floods them never blocks.
    ///
    /// A descendant that left the child's group may keep the pipes open after the child ended:
    /// reading stops `linger` after the end. Blocks the calling thread: call it from `BlockingPool`.
    public func capture(limit: Int, linger: Duration = .seconds(1)) -> (output: Captured, errors: Captured) {
        var streams = [(descriptor: output, captured: Captured())]
        if errors >= 0 { streams.append((errors, Captured())) }
        var open = streams.indices.map { _ in true }
        var buffer = [UInt8](repeating: 0, count: 16 << 10)
        var endedAt: ContinuousClock.Instant?
        while open.contains(true) {
            var polled = streams.indices.map { pollfd(fd: open[$0] ? streams[$0].descriptor : -1, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&polled, nfds_t(polled.count), 100)
            if ready < 0 && errno != EINTR { break }
            for index in streams.indices where open[index] && polled[index].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(streams[index].descriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    let kept = max(0, min(count, limit - streams[index].captured.bytes.count))
                    streams[index].captured.bytes += buffer[..<kept]
                    streams[index].captured.dropped += count - kept
                } else if count == 0 || errno != EINTR && errno != EAGAIN {
                    open[index] = false
                }
            }
            if exitStatus != nil {
                let now = ContinuousClock.now
                if let endedAt, now - endedAt >= linger { break }
                endedAt = endedAt ?? now
            }
        }
        return (streams[0].captured, streams.count > 1 ? streams[1].captured : Captured())
    }

    /// Sends `signal` to the child (to its whole group under `ownGroup`), unless it has ended.
    public func send(signal: Int32) {
        exit.withLock { exit in
            if exit.status == nil { _ = kill(ownGroup ? -pid : pid, signal) }
        }
    }

    /// Sends SIGTERM, then SIGKILL if the child still runs after `grace`, and returns its exit status.
    ///
    /// A task cancelled while it waits sends SIGKILL at once.
    @discardableResult
    public func terminate(grace: Duration = .seconds(2)) async -> Int32 {
        send(signal: SIGTERM)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.wait() }
            group.addTask {
                try? await Task.sleep(for: grace)
                // Nothing to do if the child ended, the sleep being cancelled then.
                self.send(signal: SIGKILL)
            }
            await group.next()
            group.cancelAll()
        }
        return await wait()
    }

    /// Sends SIGKILL to every child not reaped yet, to the whole group of those that lead one,
    /// and returns how many there were: what a command does before it exits on a signal.
    public static func killEveryChild() -> Int {
        running.withLock { running in
            for (pid, ownGroup) in running { _ = kill(ownGroup ? -pid : pid, SIGKILL) }
            return running.count
        }
    }

    /// Runs on the child's own thread: waits, without reaping, until the child ends, then reaps
    /// it under the lock, records its status and resumes the waiters.
    private func reap() {
        var info = siginfo_t()
        var result: Int32
        repeat { result = waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) } while result == -1 && errno == EINTR
        // Not reaped yet, the child keeps its pid and group id: what is left of its group is killed, not another's.
        if ownGroup { _ = kill(-pid, SIGKILL) }
        let (status, waiters) = exit.withLock { exit in
            var raw: Int32 = 0
            var reaped: pid_t
            repeat { reaped = waitpid(pid, &raw, 0) } while reaped == -1 && errno == EINTR
            let status = reaped == pid ? Self.exitStatus(raw) : -1
            exit.status = status
            _ = Self.running.withLock { $0.removeValue(forKey: pid) }
            defer { exit.waiters = [] }
            return (status, exit.waiters)
        }
        for waiter in waiters { waiter.resume(returning: status) }
    }

    /// The wait status decoded: the exit code in bits 8-15, or 128 + the signal in bits 0-6.
    private static func exitStatus(_ raw: Int32) -> Int32 {
        let signal = raw & 0x7F
        return signal == 0 ? (raw >> 8) & 0xFF : 128 + signal
    }

    /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29, macOS 10.15), which Swift's Glibc module does not declare.
    @_silgen_name("posix_spawn_file_actions_addchdir_np")
    private static func addChangeDirectory(
        _ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: UnsafePointer<CChar>
    ) -> Int32

    #if canImport(Glibc)
        /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34), which Swift's Glibc module does not declare.
        @_silgen_name("posix_spawn_file_actions_addclosefrom_np")
        private static func addCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ from: Int32) -> Int32
    #endif

    /// This process's environment, which the child inherits.
    private static var environment: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        #if canImport(Darwin)
            _NSGetEnviron().pointee
        #else
            environ
        #endif
    }
}
