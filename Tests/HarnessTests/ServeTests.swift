import BifrostTesting
import Foundation
import Partners
import Support
import Synchronization
import Testing
import Transport
import Wire

/// Serving on a real socket: the deadline, and stopping while a handler is stuck.
@Suite struct ServeTests {
    @Test func `a request past the deadline is answered 503 while other requests are answered meanwhile`() async throws {
        let journal = Journal()
        let release = DispatchSemaphore(value: 0)
        let core: @Sendable (MockRequest) -> MockResponse = { request in
            guard request.path == "/slow/" else { return MockResponse(status: 200, body: Array("fast".utf8)) }
            release.wait()
            return MockResponse(status: 200)
        }
        let endpoint = MockEndpoint(
            core: core, deadline: .milliseconds(200), timedOut: MockEndpoint.timedOutJSONAPI,
            observers: [JournalObserver(journal, partner: "imt")]
        )
        .waiting { $0.path == "/slow/" }
        try await MockServer.withRunning(.init(endpoint, maximumBodySize: 1024)) { port in
            defer { release.signal() }
            let client = HTTPClient()
            async let slow = client.send(ClientRequest(method: "GET", url: "http://127.0.0.1:\(port)/slow/"))
            for _ in 0..<5 {
                #expect(try await client.send(ClientRequest(method: "GET", url: "http://127.0.0.1:\(port)/fast/")).status == 200)
            }
            // Answered while its handler is still stuck.
            let answer = try await slow
            #expect(answer.status == 503)
            #expect(answer.headers.first(named: "Content-Type") == JSONAPIMediaType.value)
            #expect(JSONAPIError.errors(in: try JSONParser.parse(answer.body))?.first?.code == "deadline-exceeded")
        }
        #expect(journal.count == 6)
    }

    /// Whether a handler has returned, shared with the test.
    final class Returned: Sendable {
        let flag = Atomic(false)
    }

    @Test func `a stop ends the service group while a stuck handler is still stuck`() async throws {
        let (entered, enteredContinuation) = AsyncStream.makeStream(of: Void.self)
        let (stops, stop) = AsyncStream.makeStream(of: String.self)
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let (names, nameContinuation) = AsyncStream.makeStream(of: String.self)
        // Held until the test lets it go, after the stop ended (at most a minute, should the stop wait for it).
        let release = DispatchSemaphore(value: 0)
        let returned = Returned()
        let core: @Sendable (MockRequest) -> MockResponse = { request in
            guard request.path == "/slow/" else { return MockResponse(status: 200) }
            enteredContinuation.yield()
            _ = release.wait(timeout: .now() + 60)
            returned.flag.store(true, ordering: .sequentiallyConsistent)
            return MockResponse(status: 200)
        }
        let endpoint = MockEndpoint(core: core, deadline: .seconds(90)).waiting { $0.path == "/slow/" }
        let log = RequestLog(write: { _ in })
        let stuckWhenStopped = try await withThrowingTaskGroup(of: Bool?.self) { group in
            group.addTask {
                try await MockServer.serve(
                    .init(endpoint, maximumBodySize: 1024), port: 0, services: [log], stops: stops,
                    onBound: { portContinuation.yield($0[0]) }, onStop: { nameContinuation.yield($0) })
                return !returned.flag.load(ordering: .sequentiallyConsistent)
            }
            var portIterator = ports.makeAsyncIterator()
            let port = try #require(await portIterator.next())
            group.addTask {
                let client = HTTPClient(configuration: .init(totalTimeout: .seconds(90)))
                _ = try? await client.send(ClientRequest(method: "GET", url: "http://127.0.0.1:\(port)/slow/"))
                return nil
            }
            var enteredIterator = entered.makeAsyncIterator()
            await enteredIterator.next()
            stop.yield("SIGTERM")
            var stuck: Bool?
            for try await finished in group where finished != nil { stuck = finished }
            return stuck
        }
        release.signal()
        var stoppedBy = names.makeAsyncIterator()
        #expect(await stoppedBy.next() == "SIGTERM")
        // The server ended before its handler returned: the stop did not wait for it.
        #expect(stuckWhenStopped == true)
    }

    /// The `bifrost` executable `swift build` put beside the tests, if any.
    static let bifrost = BifrostExecutable.path

    /// Runs `bifrost` with `arguments`, its output discarded, and returns its exit status.
    static func exitStatus(of arguments: [String]) async throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(bifrost))
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // The wait blocks: on a thread of its own, not the cooperative pool.
        return await BlockingPool.run { () -> Int32 in
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    @Test func `a port in use is refused with exit 2 and says so, not with the socket call's name`() async throws {
        let taken = try LoopbackSocket(listening: true)
        var serve = try await ServeProcess(["serve", "imt", "--port", "\(taken.port)", "--quiet"])
        let status = await serve.stop()
        #expect(status == 2)
        #expect(serve.text.contains("cannot serve on 127.0.0.1:\(taken.port): the port is already in use"))
        #expect(!serve.text.contains("bind(descriptor"))
    }

    @Test
    func `SIGTERM stops bifrost serve imt within 2 s, printing the signal, exit status 0`() async throws {
        var serve = try await ServeProcess(["serve", "imt", "--port", "0", "--quiet"])
        #expect(serve.text.contains("mock IMT on http://127.0.0.1:"))
        let start = ContinuousClock.now
        let status = await serve.stop()
        // Within the 1 s grace on a quiet machine; the bound only tells a prompt stop from none.
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(status == 0)
        #expect(serve.text.contains("stopping on SIGTERM"))
    }

    @Test
    func `a port past 65535 is a usage error, not a wrapped number`() async throws {
        for port in ["99999", "70000", "-1"] {
            #expect(try await Self.exitStatus(of: ["serve", "imt", "--port=\(port)"]) == 2, "\(port)")
        }
    }
}
