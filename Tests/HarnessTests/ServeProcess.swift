import Foundation
import Testing

/// `bifrost serve …` started by a test: read until its banner, stopped with SIGTERM, its
/// standard error kept whole.
struct ServeProcess {
    private let process = Process()
    private var exits: AsyncStream<Int32>.Iterator
    private var chunks: AsyncStream<String>.Iterator
    /// Standard error read so far: the banner once started, everything once stopped.
    private(set) var text = ""

    /// Starts `bifrost` with `arguments` and waits for the banner's line holding `ready` (default its admin line).
    init(_ arguments: [String], ready: String = "admin /__admin/") async throws {
        process.executableURL = URL(fileURLWithPath: try #require(ServeTests.bifrost))
        process.arguments = arguments
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        let (exits, exited) = AsyncStream.makeStream(of: Int32.self)
        process.terminationHandler = { exited.yield($0.terminationStatus) }
        let (chunks, chunk) = AsyncStream.makeStream(of: String.self)
        stderr.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { chunk.finish() } else { chunk.yield(String(decoding: data, as: UTF8.self)) }
        }
        self.exits = exits.makeAsyncIterator()
        self.chunks = chunks.makeAsyncIterator()
        try process.run()
        while !text.contains(ready), let next = await self.chunks.next() { text += next }
    }

    /// The loopback port the banner names.
    var port: Int? { text.firstMatch(of: /127\.0\.0\.1:(\d+)/).flatMap { Int($0.1) } }

    /// Sends SIGTERM, waits for the exit, reads the rest of standard error, and returns the exit status.
    mutating func stop() async -> Int32? {
        process.terminate()
        let status = await exits.next()
        while let next = await chunks.next() { text += next }
        return status
    }
}
