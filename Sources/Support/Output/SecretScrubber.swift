import Foundation
public import Wire

/// Removes secrets from outputs twice over: members named as secrets (`Redactor`) and
/// any string holding a secret value the scenario declared (passwords of settings and users).
///
/// A value is scrubbed where it stands as a token: the whole text, or a part whose neighbours are
/// neither letters, digits, `-` nor `_` (`"s3cr3t-pass"`, `pw=s3cr3t-pass&`, `user:s3cr3t-pass@host`).
/// A secret made only of letters is a word as well: beside a space it is a word of prose
/// (`unknown username or wrong password` for the password `wrong`) and is left alone; as a whole
/// value, in quotes, or after `=` or `:` it is scrubbed. Values shorter than four characters are not
/// scrubbed by value: they would blank out ordinary text, and no real password is that short.
public struct SecretScrubber: Sendable {
    let secrets: [String]

    public init(secrets: [String]) {
        self.secrets = Array(Set(secrets.filter { $0.count >= 4 })).sorted { $0.count > $1.count }
    }

    /// Whether `byte` continues a token: an ASCII letter or digit, `-`, `_`, or a byte of a character beyond ASCII.
    static func continuesToken(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= 0x80 || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    /// Whether the occurrence of `secret` at `range` of `bytes` stands as a token and not as a word of prose.
    /// A percent-encoded byte before it (`user%3As3cr3t`) is a delimiter, not the token's end.
    static func standsAlone(_ secret: String, in bytes: UnsafeBufferPointer<UInt8>, at range: Range<Int>) -> Bool {
        let before = range.lowerBound > 0 ? bytes[range.lowerBound - 1] : nil
        let after = range.upperBound < bytes.count ? bytes[range.upperBound] : nil
        let encodedBefore = range.lowerBound >= 3 && bytes[range.lowerBound - 3] == UInt8(ascii: "%")
        guard encodedBefore || !continuesToken(before), !continuesToken(after) else { return false }
        let isWord = secret.allSatisfy(\.isLetter)
        return !(isWord && (before == UInt8(ascii: " ") || after == UInt8(ascii: " ")))
    }

    public func scrub(_ value: JSONValue) -> JSONValue {
        scrubValues(Redactor.redact(value))
    }

    /// `text` with every declared secret that stands as a token replaced by `<redacted>`.
    public func scrub(_ text: String) -> String {
        var result = text
        for secret in secrets {
            result = result.replacingBytes(of: secret, with: Redactor.mark) { Self.standsAlone(secret, in: $0, at: $1) }
        }
        return result
    }

    private func scrubValues(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text):
            return .string(scrub(text))
        case .array(let elements): return .array(elements.map(scrubValues))
        case .object(let members): return .object(members.map { .init($0.key, scrubValues($0.value)) })
        default: return value
        }
    }
}
