import BifrostTesting
import ChildProcesses
import Foundation
import Partners
import Testing
import Transport

/// TLS as `bifrost certify` uses it, against a real TLS server (`openssl s_server`) with a
/// certificate authority of the test's own: verification on by default, a CA file, verification
/// turned off, and a client certificate for a server that asks for one.
@Suite(.serialized) struct HTTPClientTLSTests {
    /// A CA, a server certificate for 127.0.0.1 and a client certificate, all signed by the CA.
    static func certificates(in folder: TemporaryFolder) async throws {
        let script = """
            set -e
            key='-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes'
            openssl req -x509 $key -keyout ca.key -out ca.pem -days 2 -subj /CN=bifrost-test-ca 2>/dev/null
            openssl req $key -keyout server.key -out server.csr -subj /CN=127.0.0.1 2>/dev/null
            printf 'subjectAltName=IP:127.0.0.1\\n' > san.ext
            openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile san.ext 2>/dev/null
            openssl req $key -keyout client.key -out client.csr -subj /CN=partner-client 2>/dev/null
            openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out client.pem -days 2 2>/dev/null
            """
        var launch = ChildProcess.Launch("/bin/sh", ["-c", script])
        launch.workingDirectory = folder.path
        let process = try await ChildProcess.start(launch)
        #expect(await process.wait() == 0)
    }

    /// Runs `body` with `openssl s_server` answering GET on an HTTPS loopback port; `askClientCertificate` makes it require one.
    static func withServer(
        _ folder: TemporaryFolder, askClientCertificate: Bool, _ body: (String) async throws -> Void
    ) async throws {
        let port = try LoopbackSocket(listening: false).port
        var arguments = [
            "s_server", "-accept", "127.0.0.1:\(port)", "-cert", "server.pem", "-key", "server.key", "-www", "-quiet",
        ]
        if askClientCertificate { arguments += ["-Verify", "1", "-CAfile", "ca.pem"] }
        var launch = ChildProcess.Launch("/usr/bin/openssl", arguments)
        launch.workingDirectory = folder.path
        launch.ownGroup = true
        let server = try await ChildProcess.start(launch)
        let deadline = ContinuousClock.now + .seconds(10)
        while !(await BlockingPool.run { LoopbackSocket.accepts(port: port) }) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        do {
            try await body("https://127.0.0.1:\(port)/")
        } catch {
            await server.terminate(grace: .milliseconds(200))
            throw error
        }
        await server.terminate(grace: .milliseconds(200))
    }

    static func get(_ url: String, _ configure: (inout HTTPClient.Configuration) -> Void) async -> Result<Int, TransportError> {
        var configuration = HTTPClient.Configuration(connectTimeout: .seconds(5), totalTimeout: .seconds(10))
        configure(&configuration)
        do {
            return .success(
                try await HTTPClient(configuration: configuration).send(ClientRequest(method: "GET", url: url)).status)
        } catch {
            return .failure(error)
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl"), "needs openssl"))
    func `a certificate from an unknown CA is refused by default, taken with its CA file or with verification off`() async throws
    {
        let folder = try TemporaryFolder("tls")
        defer { folder.remove() }
        try await Self.certificates(in: folder)
        try await Self.withServer(folder, askClientCertificate: false) { url in
            guard case .failure = await Self.get(url, { _ in }) else {
                Issue.record("a certificate of an unknown CA was accepted")
                return
            }
            let withCA = await Self.get(url) { $0.caFile = folder.file("ca.pem") }
            #expect((try? withCA.get()) == 200, "\(withCA)")
            let unverified = await Self.get(url) { $0.verifyTLS = false }
            #expect((try? unverified.get()) == 200, "\(unverified)")
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl"), "needs openssl"))
    func `a server that asks for a client certificate refuses a client without one and takes the partner's`() async throws {
        let folder = try TemporaryFolder("mtls")
        defer { folder.remove() }
        try await Self.certificates(in: folder)
        try await Self.withServer(folder, askClientCertificate: true) { url in
            guard case .failure = await Self.get(url, { $0.caFile = folder.file("ca.pem") }) else {
                Issue.record("the server took a client without a certificate")
                return
            }
            let status = await Self.get(url) {
                $0.caFile = folder.file("ca.pem")
                $0.clientCertificate = folder.file("client.pem")
                $0.clientKey = folder.file("client.key")
            }
            #expect((try? status.get()) == 200, "\(status)")
        }
    }
}
