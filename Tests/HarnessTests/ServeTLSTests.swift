import BifrostTesting
import Foundation
import Testing
import Transport

/// `bifrost serve imt|ic --tls-cert FILE --tls-key FILE`: HTTPS that a client verifying the certificate
/// against the test CA accepts, and one trusting another CA refuses.
@Suite struct ServeTLSTests {
    /// A test CA, a server certificate it signed for 127.0.0.1 and localhost, and an unrelated CA, made with openssl.
    struct Certificates {
        let folder: TemporaryFolder
        var ca: String { folder.path + "/ca.pem" }
        var otherCA: String { folder.path + "/other-ca.pem" }
        var certificate: String { folder.path + "/cert.pem" }
        var key: String { folder.path + "/key.pem" }

        init() async throws {
            folder = try TemporaryFolder("serve-tls")
            let dir = folder.path
            _ = try folder.write(
                "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n"
                    + "subjectAltName=IP:127.0.0.1,DNS:localhost\n", to: "server.ext")
            let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
            let caExtensions = [
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            ]
            for name in ["ca", "other-ca"] {
                try await Self.openssl(
                    ["req", "-x509"] + ec + ["-keyout", "\(dir)/\(name).key", "-out", "\(dir)/\(name).pem", "-days", "2"]
                        + ["-subj", "/CN=Bifrost test \(name)"] + caExtensions)
            }
            try await Self.openssl(
                ["req"] + ec + ["-keyout", "\(dir)/key.pem", "-out", "\(dir)/server.csr", "-subj", "/CN=127.0.0.1"])
            try await Self.openssl([
                "x509", "-req", "-in", "\(dir)/server.csr", "-CA", "\(dir)/ca.pem", "-CAkey", "\(dir)/ca.key",
                "-CAcreateserial", "-out", "\(dir)/cert.pem", "-days", "2", "-extfile", "\(dir)/server.ext",
            ])
        }

        static func openssl(_ arguments: [String]) async throws {
            let (status, output) = try await ServeTLSTests.run("/usr/bin/env", ["openssl"] + arguments)
            try #require(status == 0, "openssl \(arguments.joined(separator: " ")): \(output)")
        }
    }

    /// Runs a program to its end; its exit status and its standard output and error together.
    static func run(_ executable: String, _ arguments: [String]) async throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        return await BlockingPool.run {
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
    }

    /// A Python standard-library client: GET `url` with an SSLContext that verifies against `ca`.
    static func python(get url: String, trusting ca: String) async throws -> (Int32, String) {
        let script = """
            import ssl, sys, urllib.request
            context = ssl.create_default_context(cafile=sys.argv[2])
            with urllib.request.urlopen(sys.argv[1], context=context, timeout=10) as answer:
                print(answer.status, answer.headers.get("Content-Type"))
            """
        return try await run("/usr/bin/env", ["python3", "-c", script, url, ca])
    }

    @Test(arguments: ["imt", "ic"])
    func `a client verifying against the test CA is answered over HTTPS; one trusting another CA is refused`(
        partner: String
    ) async throws {
        let certificates = try await Certificates()
        defer { certificates.folder.remove() }
        var server = try await ServeProcess([
            "serve", partner, "--port", "0", "--quiet", "--tls-cert", certificates.certificate, "--tls-key", certificates.key,
        ])
        // Both banners name the origin: `https://127.0.0.1:<port>` then `:` (IMT) or the service's path (IC).
        guard let port = server.text.firstMatch(of: /https:\/\/127\.0\.0\.1:(\d+)/).flatMap({ Int($0.1) }) else {
            _ = await server.stop()
            Issue.record("no https origin in the banner: \(server.text)")
            return
        }
        let url = "https://127.0.0.1:\(port)/__admin/journal"
        let (status, output) = try await Self.python(get: url, trusting: certificates.ca)
        let (refused, error) = try await Self.python(get: url, trusting: certificates.otherCA)
        #expect(await server.stop() == 0)
        #expect(status == 0, "\(output)")
        #expect(output.hasPrefix("200 application/"), "\(output)")
        #expect(refused != 0)
        #expect(error.contains("CERTIFICATE_VERIFY_FAILED"), "\(error)")
    }

    @Test func `a certificate without its key, or a file that is no PEM, stops serve with exit 2`() async throws {
        let certificates = try await Certificates()
        defer { certificates.folder.remove() }
        #expect(
            try await ServeTests.exitStatus(of: ["serve", "imt", "--port", "0", "--tls-cert", certificates.certificate]) == 2)
        let (status, output) = try await Self.run(
            try #require(ServeTests.bifrost),
            [
                "serve", "imt", "--port", "0", "--tls-cert", certificates.folder.path + "/server.ext", "--tls-key",
                certificates.key,
            ])
        #expect(status == 2)
        #expect(output.contains("server.ext: not a readable PEM certificate chain"), "\(output)")
    }
}
