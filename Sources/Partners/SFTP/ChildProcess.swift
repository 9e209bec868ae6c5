import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child process started with `posix_spawn`, its standard output and error into one pipe.
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
final class ChildProcess: Sendable {
    private struct Exit {
        var status: Int32?
        var waiters: [CheckedContinuation<Int32, Never>] = []
    }

    let pid: pid_t
    /// The read end of the child's standard output and error.
    private let output: Int32
    private let exit = Mutex(Exit())

    /// Starts `executable` with `arguments`, standard input from /dev/null.
    init(_ executable: String, _ arguments: [String]) throws(OpenSSHServer.StartError) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            throw .init(message: "cannot make a pipe for \(executable): \(String(cString: strerror(errno)))")
        }
        // Other children spawned meanwhile must not inherit the pipe, or its end would come late.
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 2)

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
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid = pid_t()
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, Self.environment)
        close(ends[1])
        guard result == 0 else {
            close(ends[0])
            throw .init(message: "cannot run \(executable): \(String(cString: strerror(result)))")
        }
        self.pid = pid
        output = ends[0]
        let reaper = Thread { [self] in reap() }
        reaper.name = "bifrost.reaper"
        reaper.start()
    }

    deinit { close(output) }

    /// The exit status once the child ended (128 + the signal when a signal ended it), nil while it runs.
    var exitStatus: Int32? { exit.withLock { $0.status } }

    /// Waits for the child to end, without blocking a thread, and returns its exit status.
    @discardableResult
    func wait() async -> Int32 {
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
    /// pipe: call it from a thread of its own (`OwnThread`).
    /// - Parameter chunk: gets each piece read, in order; returns false to stop reading.
    func readOutput(_ chunk: (ArraySlice<UInt8>) -> Bool) {
        var buffer = [UInt8](repeating: 0, count: 16 << 10)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
            if count > 0 {
                guard chunk(buffer[..<count]) else { return }
            } else if count == 0 || errno != EINTR {
                return
            }
        }
    }

    /// Sends `signal` to the child, unless it has ended.
    func send(signal: Int32) {
        exit.withLock { exit in
            if exit.status == nil { _ = kill(pid, signal) }
        }
    }

    /// Sends SIGTERM, then SIGKILL if the child still runs after `grace`, and returns its exit status.
    ///
    /// A task cancelled while it waits sends SIGKILL at once.
    @discardableResult
    func terminate(grace: Duration = .seconds(2)) async -> Int32 {
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

    /// Runs on the child's own thread: waits, without reaping, until the child ends, then reaps
    /// it under the lock, records its status and resumes the waiters.
    private func reap() {
        var info = siginfo_t()
        var result: Int32
        repeat { result = waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) } while result == -1 && errno == EINTR
        let (status, waiters) = exit.withLock { exit in
            var raw: Int32 = 0
            var reaped: pid_t
            repeat { reaped = waitpid(pid, &raw, 0) } while reaped == -1 && errno == EINTR
            let status = reaped == pid ? Self.exitStatus(raw) : -1
            exit.status = status
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

    /// This process's environment, which the child inherits.
    private static var environment: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        #if canImport(Darwin)
            _NSGetEnviron().pointee
        #else
            environ
        #endif
    }
}
