import Wire

/// How a mock names what it issues that a client could otherwise guess: payment pages and payments
/// (IC), and the secrets, IMT session ids and IC RemoteAuthenticationTokens.
///
/// Secrets are always 128 bits from the system's secure generator (`secret()`): journals, results and
/// reports redact them, so no output depends on them. Other ids are random too in a stand-in anyone on
/// the host can reach (`serve`); in a scenario run, whose golden files show them, they are derived:
/// SHA-256 over what names the id (the scenario's clock, the kind, a count), the same on every run,
/// with nothing in their shape that counts.
public enum MockIDs: Sendable {
    /// 128 bits from `SystemRandomNumberGenerator` for each id.
    case random
    /// The first 128 bits of SHA-256 (applied twice) over the id's name, as the mock IC always derived them.
    case derived

    /// The 16 bytes of the id named `name`; `name` is only read for a derived id.
    public func bytes(_ name: @autoclosure () -> String) -> [UInt8] {
        switch self {
        case .random: Self.randomBytes()
        case .derived: Array(SHA256.hash(SHA256.hash(Array(name().utf8))).prefix(16))
        }
    }

    /// 16 bytes from the system's cryptographically secure generator.
    public static func randomBytes() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        let (high, low): (UInt64, UInt64) = (generator.next(), generator.next())
        return (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) }
            + (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * $0)) }
    }

    /// A fresh secret: 128 random bits as 32 lowercase hex digits.
    public static func secret() -> String { hex(randomBytes()) }

    /// `bytes` as lowercase hex digits.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }, as: UTF8.self)
    }

    /// 16 bytes in the shape of a GUID: 8-4-4-4-12 lowercase hex digits.
    public static func guid(_ bytes: [UInt8]) -> String {
        let c = Array(hex(bytes).utf8)
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(decoding: c[$0], as: UTF8.self) }
        return groups.joined(separator: "-")
    }
}
