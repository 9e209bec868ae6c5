import Foundation
import Synchronization

/// A child process started with `posix_spawn`, its standard output and error into one pipe.
///
/// Not Foundation's `Process`: on Linux it learns that a child ended when the
/// child's end of a socket pair closes, then blocks in `waitpid` on its one
/// monitor thread. sshd closes every inherited descriptor at startup, so
/// `Process` would take it for ended and wait on it for as long as it runs,
/// leaving every other `Process` of the test run unreaped.
final class ChildProcess: Sendable {
    let pid: pid_t
    /// The read end of the child's standard output and error.
    let output: FileHandle
    private let status = Mutex<Int32?>(nil)

    /// Starts `executable` with `arguments`, standard input from /dev/null.
    init(_ executable: String, _ arguments: [String]) throws(OpenSSHServer.StartError) {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else {
            throw .init(message: "cannot make a pipe for \(executable): \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 2)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addclose(&actions, pipe[1])

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid = pid_t()
        let result = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        close(pipe[1])
        guard result == 0 else {
            close(pipe[0])
            throw .init(message: "cannot run \(executable): \(String(cString: strerror(result)))")
        }
        self.pid = pid
        output = FileHandle(fileDescriptor: pipe[0], closeOnDealloc: true)
    }

    /// Whether the child still runs (a child that ended is reaped here).
    var isRunning: Bool { reap(blocking: false) == nil }

    /// Waits for the child to end and returns its exit status (128 + signal when killed).
    @discardableResult
    func wait() -> Int32 { reap(blocking: true) ?? -1 }

    /// Sends SIGTERM, then SIGKILL if it still runs after 2 s, and reaps it.
    func terminate() {
        guard isRunning else { return }
        kill(pid, SIGTERM)
        for _ in 0..<200 where isRunning { usleep(10_000) }
        if isRunning { kill(pid, SIGKILL) }
        wait()
    }

    private func reap(blocking: Bool) -> Int32? {
        status.withLock { status in
            if let status { return status }
            var raw: Int32 = 0
            var result: pid_t
            repeat { result = waitpid(pid, &raw, blocking ? 0 : WNOHANG) } while result == -1 && errno == EINTR
            guard result == pid else { return nil }
            // The wait status: exit code in bits 8-15, or the signal in bits 0-6.
            let signal = raw & 0x7F
            status = signal == 0 ? (raw >> 8) & 0xFF : 128 + signal
            return status
        }
    }
}
