extension ChildProcess {
    /// What ``capture(limit:linger:)`` kept of one stream.
    public struct Captured: Sendable, Equatable {
        /// The first bytes, at most the limit.
        public var bytes: [UInt8] = []
        /// How many bytes came after the limit and were dropped.
        public var dropped = 0

        public init() {}

        /// Keeps what fits of `chunk` under `limit` and counts the rest.
        mutating func add(_ chunk: ArraySlice<UInt8>, limit: Int) {
            let kept = max(0, min(chunk.count, limit - bytes.count))
            bytes += chunk.prefix(kept)
            dropped += chunk.count - kept
        }
    }

    /// Reads the child's output until its end, or until `chunk` says to stop, passing on each piece as it comes.
    ///
    /// The end comes when the child, and every process it started, closed the pipe. The output is
    /// read once: a second reader, or ``capture(limit:linger:)`` after this, gets nothing.
    /// - Parameter chunk: gets each piece read, in order; returns false to stop reading.
    public func readOutput(_ chunk: (ArraySlice<UInt8>) -> Bool) async { await output.read(chunk) }

    /// Reads standard output and error (under `separateErrors`) until both end, keeping the first
    /// `limit` bytes of each and draining the rest, so a child that floods them never blocks.
    ///
    /// A descendant that left the child's group may keep the pipes open after the child ended:
    /// reading stops `linger` after the end.
    public func capture(limit: Int, linger: Duration = .seconds(1)) async -> (output: Captured, errors: Captured) {
        await withTaskGroup(of: (Int, Captured).self) { group in
            for (index, reader) in [output, errors].enumerated() {
                guard let reader else { continue }
                group.addTask {
                    var captured = Captured()
                    await reader.read { chunk in
                        captured.add(chunk, limit: limit)
                        return true
                    }
                    return (index, captured)
                }
            }
            group.addTask {
                await self.wait()
                guard (try? await Task.sleep(for: linger)) != nil else { return (-1, Captured()) }
                self.output.close()
                self.errors?.close()
                return (-1, Captured())
            }
            var streams = [Captured(), Captured()]
            var open = errors == nil ? 1 : 2
            while open > 0, let (index, captured) = await group.next() {
                guard index >= 0 else { continue }
                streams[index] = captured
                open -= 1
            }
            group.cancelAll()
            return (streams[0], streams[1])
        }
    }
}
