import NIOCore
import NIOPosix
import Synchronization

/// The read end of a child's pipe, read on swift-nio's event loops: no thread waits on it.
///
/// A child's output may stay open for as long as the child runs (a service, sshd): a read that
/// blocked a thread would hold it that long. The pipe is read through `NIOPipeBootstrap` instead,
/// with back-pressure, so a child whose output nobody reads yet waits, as it would on a full pipe.
final class PipeReader: Sendable {
    private let channel: NIOAsyncChannel<ByteBuffer, Never>
    /// Whether a reader has taken the pipe: it is read once.
    private let taken = Atomic(false)

    private init(_ channel: NIOAsyncChannel<ByteBuffer, Never>) {
        self.channel = channel
    }

    deinit { channel.channel.close(promise: nil) }

    /// Takes ownership of `descriptor`, the read end of a pipe.
    static func open(_ descriptor: Int32) async throws -> PipeReader {
        let channel = try await NIOPipeBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .takingOwnershipOfDescriptor(input: descriptor) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, Never>(wrappingChannelSynchronously: channel)
                }
            }
        return PipeReader(channel)
    }

    /// Passes on each piece read until the pipe's end, `chunk` returning false, or `close()`.
    /// A second call reads nothing: the first took the pipe.
    func read(_ chunk: (ArraySlice<UInt8>) -> Bool) async {
        guard !taken.exchange(true, ordering: .relaxed) else { return }
        try? await channel.executeThenClose { inbound, _ in
            for try await buffer in inbound {
                guard chunk(ArraySlice(buffer.readableBytesView)) else { return }
            }
        }
    }

    /// Stops reading: a `read` under way ends as at the pipe's end.
    func close() { channel.channel.close(promise: nil) }
}
