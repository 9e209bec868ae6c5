import Crypto
public import Foundation
import SwiftASN1
import X509

/// A throwaway certificate authority for one run (`tls: true` in a scenario): a P-256 CA valid for a
/// day, and a server certificate it signed for 127.0.0.1 and localhost, which the mocks serve. The
/// program under test trusts the CA through `BIFROST_CA_FILE`; the keys never leave memory.
public struct TestCertificateAuthority: Sendable {
    /// The CA's certificate, PEM: what a client trusts.
    public let certificatePEM: String
    /// The server certificate and its key, as the mocks' TLS.
    public let tls: MockTLS

    /// A new CA and server certificate, valid from an hour before `now` to a day after it.
    public init(now: Date = Date()) throws {
        let caKey = P256.Signing.PrivateKey()
        let caName = try DistinguishedName { CommonName("Bifrost test CA") }
        let (notBefore, notAfter) = (now.addingTimeInterval(-3600), now.addingTimeInterval(86_400))
        let ca = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(caKey.publicKey),
            notValidBefore: notBefore, notValidAfter: notAfter, issuer: caName, subject: caName,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            },
            issuerPrivateKey: .init(caKey))
        let serverKey = P256.Signing.PrivateKey()
        let server = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(serverKey.publicKey),
            notValidBefore: notBefore, notValidAfter: notAfter, issuer: caName,
            subject: try DistinguishedName { CommonName("127.0.0.1") },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames([.ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])), .dnsName("localhost")])
            },
            issuerPrivateKey: .init(caKey))
        certificatePEM = try ca.serializeAsPEM().pemString
        tls = try MockTLS(certificatePEM: try server.serializeAsPEM().pemString, keyPEM: serverKey.pemRepresentation)
    }
}
