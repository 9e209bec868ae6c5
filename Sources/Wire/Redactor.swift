/// Replaces secrets with `<redacted>` before anything is logged, journaled or written.
///
/// A secret is the value of a JSON member or header whose name says so
/// (password, token, cookie, key, secret, authorization): the whole value goes.
public enum Redactor {
    public static let mark = "<redacted>"

    /// Member names (compared in lowercase, without `_` and `-`) whose values are secrets.
    static let secretNames: Set<String> = [
        "password", "passwd", "secret", "token", "cookie", "setcookie", "apikey",
        "webservicekey", "remoteauthenticationtoken", "authorization", "sessionid",
        // A signed SAML assertion is a bearer credential (SAML 2.0 profiles 4.1.4.2).
        "samlresponse",
    ]

    /// Whether a member or header named `name` holds a secret.
    public static func isSecret(name: String) -> Bool {
        // Folded byte by byte, as this runs for every member of every output; a name with other
        // than ASCII is folded by Unicode's rules (the Kelvin sign lowercases to k).
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else {
            return secretNames.contains(name.lowercased().filter { $0 != "_" && $0 != "-" })
        }
        var folded: [UInt8] = []
        folded.reserveCapacity(longestSecretName)
        for byte in name.utf8 where byte != UInt8(ascii: "_") && byte != UInt8(ascii: "-") {
            guard folded.count < longestSecretName else { return false }
            folded.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
        }
        return secretNames.contains(String(decoding: folded, as: UTF8.self))
    }

    private static let longestSecretName = secretNames.map(\.utf8.count).max() ?? 0

    /// The value with every secret member replaced, at any depth.
    public static func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            return .object(
                members.map { member in
                    if isSecret(name: member.key), member.value != .null {
                        return .init(member.key, .string(mark))
                    }
                    return .init(member.key, redact(member.value))
                })
        case .array(let elements):
            return .array(elements.map(redact))
        default:
            return value
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    @inlinable public var trimmingSpaces: SubSequence {
        var s = self[...]
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}
