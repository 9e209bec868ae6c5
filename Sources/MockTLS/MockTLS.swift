public import HummingbirdCore
import HummingbirdTLS
import NIOSSL

/// TLS for the stand-in partners (`serve imt|ic --tls-cert FILE --tls-key FILE`): a certificate chain
/// and its private key, PEM, read at the start, so a file that cannot be read stops the server before it listens.
///
/// The only module that links swift-nio-ssl: `MockServer.Handler.wrapping` takes `server`.
///
/// ```swift
/// var handler = MockServer.Handler(endpoint, maximumBodySize: IMTMock.maximumBodySize)
/// handler.wrapping = try MockTLS(certificateFile: "cert.pem", keyFile: "key.pem").server
/// ```
public struct MockTLS: Sendable {
    /// Why a certificate or key file cannot serve.
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    let configuration: TLSConfiguration

    /// Reads the certificate chain (the server's certificate first) and the private key, both PEM.
    public init(certificateFile: String, keyFile: String) throws(LoadError) {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificateFile)
        } catch {
            throw LoadError(description: "\(certificateFile): not a readable PEM certificate chain (\(error))")
        }
        guard !chain.isEmpty else { throw LoadError(description: "\(certificateFile): no certificate in the file") }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: keyFile, format: .pem)
        } catch {
            throw LoadError(description: "\(keyFile): not a readable PEM private key (\(error))")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        self.configuration = configuration
    }

    /// A certificate chain and key given as PEM text (`TestCertificateAuthority`).
    public init(certificatePEM: String, keyPEM: String) throws {
        let chain = try NIOSSLCertificate.fromPEMBytes(Array(certificatePEM.utf8))
        let key = try NIOSSLPrivateKey(bytes: Array(keyPEM.utf8), format: .pem)
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        self.configuration = configuration
    }

    /// `base` with TLS around it: what `MockServer.Handler.wrapping` takes.
    public var server: @Sendable (HTTPServerBuilder) throws -> HTTPServerBuilder {
        { [configuration] base in try .tls(base, tlsConfiguration: configuration) }
    }
}
